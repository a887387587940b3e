// DateParser.h — jobhost lql: lenient date parsing, date math and RFC3339 output.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Value.h"

#include <optional>
#include <string>

namespace jobhost::host::lql {

// Stateless date helpers (all static, thread-safe). All times are UTC; a
// string without a zone is read as UTC (mapping-semantics §3.13 [P]).
// Parsing functions never throw: they return std::nullopt on failure.
class DateParser {
public:
    // The araddon/dateparse subset of §3.13: ISO-8601/RFC3339 (with or
    // without T, fractions, Z or offsets), YYYY-MM-DD, month-first slash
    // dates (4/7/14), month names ("Apr 7, 2014 4:58:55 PM", RFC1123), and
    // all-digit strings by length (19 ns, 16 µs, 14 yyyyMMddhhmmss, 13 ms,
    // 10 s, 8 yyyymmdd, 4 yyyy).
    static std::optional<TimeMs> parseAny(const std::string& text);

    // Date math "now", "now-30d", "now+2h-15m" relative to nowMs. Units
    // y M w d h m s (month and year are calendar steps). nullopt when the
    // text does not start with "now" or is malformed.
    static std::optional<TimeMs> parseDateMath(const std::string& text, TimeMs now);

    // Date math when the text starts with "now", otherwise parseAny.
    static std::optional<TimeMs> parseWithNow(const std::string& text, TimeMs now);

    // Parses with a Go time layout (reference time "Mon Jan 2 15:04:05 MST
    // 2006"): supports 2006 06 01 1 Jan January 02 2 _2 15 03 3 04 4 05 5
    // PM pm Mon Monday MST Z07:00 Z0700 -07:00 -0700 and fractions .000/.999.
    static std::optional<TimeMs> parseLayout(const std::string& layout, const std::string& text);

    // Converts an integer by its digit count (§3.9): 19 ns, 16 µs, 13 ms,
    // 10 s; any other length is taken as milliseconds.
    static TimeMs fromEpochDigits(std::int64_t value);

    // "2024-11-16T09:15:27.000Z" (UTC, millisecond precision).
    static std::string formatRfc3339(TimeMs t);

    // Civil-date helpers (proleptic Gregorian, UTC).
    static std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d);
    static void civilFromDays(std::int64_t days, std::int64_t& y, unsigned& m, unsigned& d);
    static std::optional<TimeMs> makeTime(std::int64_t y, int mon, int day, int h, int mi, int s, int ms,
                                          int offsetMinutes);
};

} // namespace jobhost::host::lql
