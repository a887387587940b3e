// jobhost postup plugin — TimeZone.cpp
// SPDX-License-Identifier: Apache-2.0
#include "client/TimeZone.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "client/PostupDate.h"

namespace jobhost::plugins::postup {
namespace {

constexpr std::size_t kMaxZoneFileBytes = 1 << 20; // real files are < 4 KiB
constexpr std::uint32_t kMaxTransitions = 1 << 16;

/// Big-endian reader over the file bytes; every read checks the bounds.
class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : _bytes(bytes) {}
    bool skip(std::size_t n) {
        if (_bytes.size() - _pos < n) return false;
        _pos += n;
        return true;
    }
    bool u8(std::uint8_t& out) {
        if (_pos >= _bytes.size()) return false;
        out = static_cast<std::uint8_t>(_bytes[_pos++]);
        return true;
    }
    bool u32(std::uint32_t& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            std::uint8_t b = 0;
            if (!u8(b)) return false;
            out = (out << 8) | b;
        }
        return true;
    }
    bool i32(std::int32_t& out) {
        std::uint32_t u = 0;
        if (!u32(u)) return false;
        out = static_cast<std::int32_t>(u);
        return true;
    }
    bool i64(std::int64_t& out) {
        std::uint32_t hi = 0, lo = 0;
        if (!u32(hi) || !u32(lo)) return false;
        out = static_cast<std::int64_t>((static_cast<std::uint64_t>(hi) << 32) | lo);
        return true;
    }
    std::string_view rest() const { return _bytes.substr(_pos); }

private:
    std::string_view _bytes;
    std::size_t _pos = 0;
};

struct TzifHeader {
    char version = 0;
    std::uint32_t isUtCount = 0, isStdCount = 0, leapCount = 0, timeCount = 0, typeCount = 0, charCount = 0;
};

bool readHeader(ByteReader& r, TzifHeader& h) {
    const std::string_view magic = r.rest().substr(0, 4);
    if (magic != "TZif" || !r.skip(4)) return false;
    std::uint8_t version = 0;
    if (!r.u8(version) || !r.skip(15)) return false;
    h.version = static_cast<char>(version);
    if (h.version != 0 && (h.version < '2' || h.version > '9')) return false;
    return r.u32(h.isUtCount) && r.u32(h.isStdCount) && r.u32(h.leapCount) && r.u32(h.timeCount) &&
           r.u32(h.typeCount) && r.u32(h.charCount) && h.typeCount >= 1 && h.typeCount <= 256 &&
           h.timeCount <= kMaxTransitions && (h.isUtCount == 0 || h.isUtCount == h.typeCount) &&
           (h.isStdCount == 0 || h.isStdCount == h.typeCount);
}

std::size_t dataBlockSize(const TzifHeader& h, std::size_t timeSize) {
    return h.timeCount * timeSize + h.timeCount + h.typeCount * 6 + h.charCount + h.leapCount * (timeSize + 4) +
           h.isStdCount + h.isUtCount;
}

std::string readFile(const std::string& path, bool& found) {
    std::ifstream in(path, std::ios::binary);
    found = static_cast<bool>(in);
    if (!found) return {};
    std::string bytes;
    bytes.resize(kMaxZoneFileBytes + 1);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

} // namespace

bool TimeZone::isWellFormedName(std::string_view name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
    std::size_t segmentStart = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/') {
            const std::string_view segment = name.substr(segmentStart, i - segmentStart);
            if (segment.empty() || segment == "." || segment == ".." || segment.front() == '-') return false;
            segmentStart = i + 1;
            continue;
        }
        const char c = name[i];
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '-' || c == '+' || c == '.';
        if (!ok) return false;
    }
    return true;
}

std::string TimeZone::defaultZoneInfoDir() {
    const char* dir = std::getenv("TZDIR");
    return dir && *dir ? std::string(dir) : std::string("/usr/share/zoneinfo");
}

std::shared_ptr<const TimeZone> TimeZone::usCentral() {
    static const std::shared_ptr<const TimeZone> zone = [] {
        std::shared_ptr<TimeZone> z(new TimeZone);
        z->_name = "America/Chicago";
        z->_builtinCentral = true;
        z->_types.push_back({-6 * 3600, false});
        return z;
    }();
    return zone;
}

std::shared_ptr<const TimeZone> TimeZone::utc() {
    static const std::shared_ptr<const TimeZone> zone = [] {
        std::shared_ptr<TimeZone> z(new TimeZone);
        z->_name = "UTC";
        z->_types.push_back({0, false});
        return z;
    }();
    return zone;
}

std::shared_ptr<const TimeZone> TimeZone::fromTzif(const std::string& name, std::string_view bytes) {
    ByteReader r(bytes);
    TzifHeader h;
    if (!readHeader(r, h)) return nullptr;
    std::size_t timeSize = 4;
    if (h.version >= '2') {
        // Skip the 32-bit block; the 64-bit one after the second header has
        // the full range (RFC 8536 §3.2).
        if (!r.skip(dataBlockSize(h, 4)) || !readHeader(r, h)) return nullptr;
        timeSize = 8;
    }
    std::shared_ptr<TimeZone> zone(new TimeZone);
    zone->_name = name;
    zone->_transitions.resize(h.timeCount);
    for (auto& t : zone->_transitions) {
        if (timeSize == 8) {
            if (!r.i64(t)) return nullptr;
        } else {
            std::int32_t t32 = 0;
            if (!r.i32(t32)) return nullptr;
            t = t32;
        }
    }
    if (!std::is_sorted(zone->_transitions.begin(), zone->_transitions.end()) ||
        std::adjacent_find(zone->_transitions.begin(), zone->_transitions.end()) != zone->_transitions.end())
        return nullptr;
    zone->_transitionType.resize(h.timeCount);
    for (auto& type : zone->_transitionType)
        if (!r.u8(type) || type >= h.typeCount) return nullptr;
    zone->_types.resize(h.typeCount);
    for (auto& type : zone->_types) {
        std::int32_t offset = 0;
        std::uint8_t daylight = 0, designation = 0;
        if (!r.i32(offset) || !r.u8(daylight) || !r.u8(designation)) return nullptr;
        if (offset <= -25 * 3600 || offset >= 26 * 3600 || daylight > 1) return nullptr;
        type = {offset, daylight == 1};
    }
    // Abbreviations, leap-second records and the std/UT indicators are not
    // needed to map times (Debian ships the leap-second-free "posix" data).
    if (!r.skip(h.charCount + h.leapCount * (timeSize + 4) + h.isStdCount + h.isUtCount)) return nullptr;
    if (timeSize == 8) {
        const std::string_view rest = r.rest();
        if (rest.size() < 2 || rest.front() != '\n') return nullptr;
        const std::size_t end = rest.find('\n', 1);
        if (end == std::string_view::npos) return nullptr;
        const std::string_view rule = rest.substr(1, end - 1);
        if (!rule.empty()) {
            zone->_footer = PosixTzRule::parse(rule);
            if (!zone->_footer) return nullptr;
        }
    }
    return zone;
}

std::shared_ptr<const TimeZone> TimeZone::load(const std::string& name, const std::string& zoneInfoDir) {
    if (!isWellFormedName(name))
        throw std::invalid_argument("\"" + name + "\" is not an IANA time zone name (expected e.g. America/Chicago, Europe/Berlin or UTC)");
    const std::string dir = zoneInfoDir.empty() ? defaultZoneInfoDir() : zoneInfoDir;
    bool found = false;
    const std::string bytes = readFile(dir + "/" + name, found);
    if (!found) {
        if (name == "UTC" || name == "Etc/UTC") return utc();
        if (name == "America/Chicago") return usCentral();
        throw std::invalid_argument("unknown IANA time zone \"" + name + "\" (no zone file " + dir + "/" + name +
                                    "; is the tzdata package installed?)");
    }
    if (bytes.size() > kMaxZoneFileBytes)
        throw std::invalid_argument("time zone \"" + name + "\": " + dir + "/" + name + " is too large for a TZif file");
    auto zone = fromTzif(name, bytes);
    if (!zone)
        throw std::invalid_argument("unknown IANA time zone \"" + name + "\" (" + dir + "/" + name +
                                    " is not a TZif zone file)");
    return zone;
}

int TimeZone::offsetAt(std::int64_t utcSeconds) const {
    if (_builtinCentral) return PostupDate::centralOffsetSeconds(utcSeconds);
    if (_transitions.empty()) return _footer ? _footer->offsetAt(utcSeconds) : _types.front().offset;
    // Before the first transition: type 0 (RFC 8536 §3.2).
    if (utcSeconds < _transitions.front()) return _types.front().offset;
    const auto next = std::upper_bound(_transitions.begin(), _transitions.end(), utcSeconds);
    if (next == _transitions.end() && _footer) return _footer->offsetAt(utcSeconds);
    const auto index = static_cast<std::size_t>(std::distance(_transitions.begin(), next) - 1);
    return _types[_transitionType[index]].offset;
}

std::int64_t TimeZone::utcFromLocal(std::int64_t localSeconds) const {
    // The offsets that can apply lie among those in force a day either side
    // (no zone changes its offset twice within two days). Each candidate
    // instant is kept only if the zone really has that offset then.
    constexpr std::int64_t kDay = 86400;
    const int before = offsetAt(localSeconds - kDay);
    const int candidates[] = {before, offsetAt(localSeconds), offsetAt(localSeconds + kDay)};
    std::optional<std::int64_t> best;
    for (int offset : candidates) {
        const std::int64_t instant = localSeconds - offset;
        if (offsetAt(instant) != offset) continue;
        if (!best || instant > *best) best = instant; // repeated hour: the later (standard-time) instant
    }
    return best ? *best : localSeconds - before; // skipped hour: read with the offset before the gap
}

} // namespace jobhost::plugins::postup
