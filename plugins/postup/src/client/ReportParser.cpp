// jobhost postup plugin — ReportParser.cpp
// SPDX-License-Identifier: Apache-2.0
#include "client/ReportParser.h"

#include <charconv>
#include <cstring>

#include "client/PostupDate.h"

namespace jobhost::plugins::postup {
namespace {

std::string normalise(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == ' ' || c == '_' || c == '-' || c == '"') continue;
        out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
    }
    return out;
}

std::string_view trimCell(std::string_view cell) {
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '"')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '"')) cell.remove_suffix(1);
    return cell;
}

std::string excerpt(std::string_view text) {
    constexpr std::size_t kMax = 40;
    return std::string(text.substr(0, kMax)) + (text.size() > kMax ? "…" : "");
}

} // namespace

ReportParser::ReportParser(RowHandler handler, std::shared_ptr<const TimeZone> timeZone)
    : _handler(std::move(handler)), _pTimeZone(std::move(timeZone)) {}

void ReportParser::reset() {
    _pending.clear();
    _columns.clear();
    _columnNames.clear();
    _missingRequired.clear();
    _line = 0;
    _aborted = false;
    _stats = ReportStats{};
}

bool ReportParser::write(const char* data, std::size_t size) {
    if (_aborted) return false;
    std::size_t start = 0;
    while (start < size) {
        const void* hit = std::memchr(data + start, '\n', size - start);
        if (!hit) {
            _pending.append(data + start, size - start);
            break;
        }
        const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
        bool keepGoing = true;
        if (_pending.empty()) {
            keepGoing = processLine(std::string_view(data + start, end - start), true);
        } else {
            _pending.append(data + start, end - start);
            keepGoing = processLine(_pending, true);
            _pending.clear();
        }
        if (!keepGoing) {
            _aborted = true;
            return false;
        }
        start = end + 1;
    }
    return true;
}

void ReportParser::finish() {
    if (_aborted || _pending.empty()) return;
    std::string last;
    last.swap(_pending);
    processLine(last, false);
}

void ReportParser::bad(const std::string& reasonClass, const std::string& detail) {
    ++_stats.badRows;
    ++_stats.badByReason[reasonClass];
    if (_stats.badSamples.size() < kMaxSamples)
        _stats.badSamples.push_back("line " + std::to_string(_line) + ": " + detail);
}

void ReportParser::readHeader(std::string_view line) {
    _stats.headerSeen = true;
    if (line.size() >= 3 && std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0) line.remove_prefix(3);
    bool recip = false, time = false, address = false, external = false;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        const std::string_view cell = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
        const std::string name = normalise(cell);
        Column column = Column::Ignored;
        if (name == "recipid" || name == "recipientid") column = Column::RecipId, recip = true;
        else if (name == "address" || name == "email" || name == "emailaddress") column = Column::Address, address = true;
        else if (name == "externalid") column = Column::ExternalId, external = true;
        else if (!time && (name == "time" || name == "date" || name == "eventtime" ||
                           (name.size() > 4 && name.compare(name.size() - 4, 4, "time") == 0)))
            column = Column::Time, time = true;
        else if (name == "url" || name == "linkurl") column = Column::Url;
        else if (name == "linkid") column = Column::LinkId;
        else if (name == "bouncetype") column = Column::BounceType;
        else if (name == "bouncecode") column = Column::BounceCode;
        else if (name == "bouncereason" || name == "reason") column = Column::BounceReason;
        else _stats.unknownColumns.emplace_back(cell);
        _columns.push_back(column);
        _columnNames.emplace_back(trimCell(cell));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    if (!address) _stats.missingColumns.emplace_back("Address");
    if (!external) _stats.missingColumns.emplace_back("ExternalID");
    if (!recip) _missingRequired = "RecipID";
    else if (!time) _missingRequired = "event time (…Time)";
}

bool ReportParser::processLine(std::string_view line, bool terminated) {
    ++_line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (_columns.empty()) {
        if (line.empty() || (line.size() == 3 && std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0)) return true;
        readHeader(line);
        return true;
    }
    if (line.empty()) return true; // blank separator lines carry no row
    _cells.clear();
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            _cells.push_back(line.substr(start));
            break;
        }
        _cells.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    if (!_missingRequired.empty()) {
        bad("missing column", "header has no " + _missingRequired + " column");
        return true;
    }
    if (_cells.size() != _columns.size()) {
        if (!terminated) _stats.truncatedTail = true;
        bad("column count", "expected " + std::to_string(_columns.size()) + " columns, found " +
                                std::to_string(_cells.size()) + (terminated ? "" : " (unterminated last line)"));
        return true;
    }
    ReportRow& row = _row;
    row = ReportRow{};
    row.line = _line;
    bool haveRecip = false, haveTime = false;
    for (std::size_t i = 0; i < _cells.size(); ++i) {
        const std::string_view cell = trimCell(_cells[i]);
        switch (_columns[i]) {
        case Column::RecipId: {
            std::int64_t id = 0;
            const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), id);
            if (ec != std::errc() || end != cell.data() + cell.size() || id <= 0) {
                bad("bad RecipID", "RecipID '" + excerpt(cell) + "' is not a positive integer");
                return true;
            }
            row.recipientId = id;
            haveRecip = true;
            break;
        }
        case Column::Time: {
            const auto ms = _pTimeZone ? PostupDate::parseMs(cell, *_pTimeZone) : PostupDate::parseMs(cell);
            if (!ms) {
                bad("bad date", _columnNames[i] + " '" + excerpt(cell) + "' is not a date-time");
                return true;
            }
            row.eventTimeMs = *ms;
            haveTime = true;
            break;
        }
        case Column::Address: row.address.assign(cell); break;
        case Column::ExternalId: row.externalId.assign(cell); break;
        case Column::Url: row.url.assign(cell); break;
        case Column::LinkId: row.linkId.assign(cell); break;
        case Column::BounceType: row.bounceType.assign(cell); break;
        case Column::BounceCode: row.bounceCode.assign(cell); break;
        case Column::BounceReason: row.bounceReason.assign(cell); break;
        case Column::Ignored: break;
        }
    }
    if (!haveRecip || !haveTime) {
        bad("missing value", "empty RecipID or event time");
        return true;
    }
    if (row.bounceReason.empty()) row.bounceReason = row.bounceCode;
    ++_stats.rows;
    return _handler(row);
}

} // namespace jobhost::plugins::postup
