// jobhost postup plugin — ReportParser.h
// Streaming parser of ExternalDownload.do tab-separated reports (a BodySink).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "client/TimeZone.h"
#include "jobhost/sdk/HttpTransport.h"

namespace jobhost::plugins::postup {

/// One parsed report row. Views are not kept: every member is owned.
struct ReportRow {
    std::int64_t line = 0;        ///< 1-based physical line in the body (header = 1)
    std::int64_t recipientId = 0;
    std::string address;
    std::string externalId;
    std::int64_t eventTimeMs = 0;
    std::string url;
    std::string linkId;
    std::string bounceType;
    std::string bounceCode;
    std::string bounceReason;     ///< BounceReason column, else BounceCode
};

/// Counters of one parsed report. Plain value.
struct ReportStats {
    std::uint64_t rows = 0;                        ///< rows handed to the handler
    std::uint64_t badRows = 0;                     ///< rows refused (never silently dropped)
    std::map<std::string, std::uint64_t> badByReason; ///< reason class → count
    std::vector<std::string> badSamples;           ///< first few "line N: reason" texts
    std::vector<std::string> unknownColumns;       ///< header names the parser ignores
    std::vector<std::string> missingColumns;       ///< optional columns absent from the header
    bool headerSeen = false;
    /// The body ended in a line without a terminator that had the wrong
    /// column count: the download was most likely cut off.
    bool truncatedTail = false;
};

/// Parses a report body as it streams in: header-driven column mapping
/// (case-insensitive; RecipID, Address, ExternalID, *Time, URL, LinkID,
/// BounceType, BounceCode, BounceReason), CRLF or LF line ends, a UTF-8 BOM,
/// event times in every PostupDate format (zone-less ones read in the
/// parser's time zone, zone-bearing ones as written),
/// missing optional columns (left empty), unknown extra columns (ignored,
/// listed in stats). Rows with the wrong column count, a missing/non-numeric
/// RecipID or an unparseable/missing event time are counted per reason and
/// sampled in stats(), never passed on and never fatal. Memory is bounded by
/// the longest line.
///
/// Ownership: owns its buffers; the handler is called synchronously from
/// write()/finish(). Thread-safety: one instance per download, one thread.
/// Failure: never throws from write()/reset(); write() returns false only
/// when the handler asked to stop.
class ReportParser : public sdk::BodySink {
public:
    /// Receives each good row; return false to abort the download.
    using RowHandler = std::function<bool(const ReportRow&)>;

    /// `timeZone` is the zone of event times without one (the job's
    /// report_time_zone); null = PostupDate's built-in US Central rules.
    explicit ReportParser(RowHandler handler, std::shared_ptr<const TimeZone> timeZone = nullptr);

    /// A new attempt starts: forget the partial line, header and counters.
    /// Rows already handed to the handler stay handed (callers rely on
    /// natural keys to make a re-read harmless).
    void reset() override;
    bool write(const char* data, std::size_t size) override;
    /// Processes a final line without terminator. Call once after the download.
    void finish();

    const ReportStats& stats() const { return _stats; }

    /// How many bad-row samples stats() keeps.
    static constexpr std::size_t kMaxSamples = 5;

private:
    enum class Column : std::uint8_t { Ignored, RecipId, Address, ExternalId, Time, Url, LinkId, BounceType, BounceCode, BounceReason };

    bool processLine(std::string_view line, bool terminated);
    void readHeader(std::string_view line);
    void bad(const std::string& reasonClass, const std::string& detail);

    RowHandler _handler;
    std::shared_ptr<const TimeZone> _pTimeZone;
    std::string _pending;
    std::vector<Column> _columns;
    std::vector<std::string> _columnNames;
    std::vector<std::string_view> _cells;
    std::string _missingRequired;
    std::int64_t _line = 0;
    bool _aborted = false;
    ReportStats _stats;
    ReportRow _row;
};

} // namespace jobhost::plugins::postup
