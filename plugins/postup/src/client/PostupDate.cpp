// jobhost postup plugin — PostupDate.cpp
// SPDX-License-Identifier: Apache-2.0
#include "client/PostupDate.h"

#include <cstdio>

#include "client/TimeZone.h"

namespace jobhost::plugins::postup {
namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(int y, unsigned m) {
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Day number of the n-th (1-based; n = -1: last) Sunday of a month.
std::int64_t sundayOf(int y, unsigned m, int n) {
    if (n < 0) {
        const std::int64_t last = PostupDate::daysFromCivil(y, m, daysInMonth(y, m));
        const int wd = static_cast<int>(((last % 7) + 11) % 7); // 0 = Sunday; day 0 was a Thursday
        return last - wd;
    }
    const std::int64_t first = PostupDate::daysFromCivil(y, m, 1);
    const int wd = static_cast<int>(((first % 7) + 11) % 7);
    return first + ((7 - wd) % 7) + 7 * (n - 1);
}

/// Cursor over the text being parsed.
class Scanner {
public:
    explicit Scanner(std::string_view text) : _text(text) {}
    bool atEnd() const { return _pos >= _text.size(); }
    char peek() const { return atEnd() ? '\0' : _text[_pos]; }
    bool accept(char c) {
        if (peek() != c) return false;
        ++_pos;
        return true;
    }
    // Reads between minDigits and maxDigits decimal digits.
    bool number(int minDigits, int maxDigits, int& out) {
        int n = 0;
        out = 0;
        while (n < maxDigits && !atEnd() && _text[_pos] >= '0' && _text[_pos] <= '9') {
            out = out * 10 + (_text[_pos] - '0');
            ++_pos;
            ++n;
        }
        return n >= minDigits;
    }
    void skipSpaces() {
        while (!atEnd() && (_text[_pos] == ' ' || _text[_pos] == '\t')) ++_pos;
    }
    std::string_view rest() const { return _text.substr(_pos); }

private:
    std::string_view _text;
    std::size_t _pos = 0;
};

struct Fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    bool hasZone = false;
    int zoneSeconds = 0; // offset east of UTC
};

bool validCalendar(const Fields& f) {
    if (f.month < 1 || f.month > 12 || f.day < 1) return false;
    if (static_cast<unsigned>(f.day) > daysInMonth(f.year, static_cast<unsigned>(f.month))) return false;
    return f.hour >= 0 && f.hour < 24 && f.minute >= 0 && f.minute < 60 && f.second >= 0 && f.second <= 60;
}

// Parses the optional zone suffix: Z, +HH:MM, +HHMM, +HH.
bool parseZone(Scanner& s, Fields& f) {
    s.skipSpaces();
    if (s.atEnd()) return true;
    if (s.accept('Z') || s.accept('z')) {
        f.hasZone = true;
        return s.atEnd();
    }
    const char sign = s.peek();
    if (sign != '+' && sign != '-') return false;
    s.accept(sign);
    int hh = 0, mm = 0;
    if (!s.number(2, 2, hh)) return false;
    if (s.accept(':')) {
        if (!s.number(2, 2, mm)) return false;
    } else if (!s.atEnd() && !s.number(2, 2, mm)) {
        return false;
    }
    if (hh > 14 || mm > 59 || !s.atEnd()) return false;
    f.hasZone = true;
    f.zoneSeconds = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    return true;
}

bool parseIso(Scanner& s, Fields& f) {
    if (!s.number(4, 4, f.year) || !s.accept('-') || !s.number(1, 2, f.month) || !s.accept('-') ||
        !s.number(1, 2, f.day))
        return false;
    if (s.atEnd()) return true;
    if (!s.accept('T') && !s.accept('t') && !s.accept(' ')) return false;
    s.skipSpaces();
    if (!s.number(1, 2, f.hour) || !s.accept(':') || !s.number(2, 2, f.minute)) return false;
    if (s.accept(':') && !s.number(2, 2, f.second)) return false;
    if (s.accept('.') || s.accept(',')) {
        int digits = 0, value = 0;
        while (!s.atEnd() && s.peek() >= '0' && s.peek() <= '9') {
            if (digits < 3) value = value * 10 + (s.peek() - '0');
            ++digits;
            s.accept(s.peek());
        }
        if (digits == 0) return false;
        for (int d = digits; d < 3; ++d) value *= 10;
        f.millis = value;
    }
    return parseZone(s, f);
}

bool parseUs(Scanner& s, Fields& f) {
    if (!s.number(1, 2, f.month) || !s.accept('/') || !s.number(1, 2, f.day) || !s.accept('/')) return false;
    int digitsBefore = 0;
    const std::size_t before = s.rest().size();
    if (!s.number(2, 4, f.year)) return false;
    digitsBefore = static_cast<int>(before - s.rest().size());
    if (digitsBefore == 3) return false;
    if (digitsBefore == 2) f.year += 2000;
    if (s.atEnd()) return true;
    if (!s.accept(' ')) return false;
    s.skipSpaces();
    if (!s.number(1, 2, f.hour) || !s.accept(':') || !s.number(2, 2, f.minute)) return false;
    if (s.accept(':') && !s.number(2, 2, f.second)) return false;
    s.skipSpaces();
    const std::string_view rest = s.rest();
    if (rest == "AM" || rest == "am" || rest == "PM" || rest == "pm") {
        if (f.hour < 1 || f.hour > 12) return false;
        const bool pm = rest[0] == 'P' || rest[0] == 'p';
        f.hour = (f.hour % 12) + (pm ? 12 : 0);
        return true;
    }
    return parseZone(s, f);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

bool parseFields(std::string_view text, Fields& f) {
    text = trim(text);
    if (text.empty()) return false;
    Scanner s(text);
    const bool ok = text.find('/') != std::string_view::npos ? parseUs(s, f) : parseIso(s, f);
    return ok && validCalendar(f);
}

std::int64_t wallSeconds(const Fields& f) {
    return PostupDate::daysFromCivil(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day)) * 86400 +
           f.hour * 3600 + f.minute * 60 + f.second;
}

} // namespace

void PostupDate::civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

std::int64_t PostupDate::daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int PostupDate::centralOffsetSeconds(std::int64_t utcSeconds) {
    int y = 0;
    unsigned m = 0, d = 0;
    PostupDate::civilFromDays(floorDiv(utcSeconds - 6 * 3600, 86400), y, m, d);
    std::int64_t startDay = 0, endDay = 0;
    if (y >= 2007) {
        startDay = sundayOf(y, 3, 2);
        endDay = sundayOf(y, 11, 1);
    } else {
        startDay = sundayOf(y, 4, 1);
        endDay = sundayOf(y, 10, -1);
    }
    const std::int64_t start = startDay * 86400 + 8 * 3600; // 02:00 CST
    const std::int64_t end = endDay * 86400 + 7 * 3600;     // 02:00 CDT
    return (utcSeconds >= start && utcSeconds < end) ? -5 * 3600 : -6 * 3600;
}

std::optional<std::int64_t> PostupDate::parseMs(std::string_view text) {
    Fields f;
    if (!parseFields(text, f)) return std::nullopt;
    const std::int64_t wall = wallSeconds(f);
    std::int64_t utc = 0;
    if (f.hasZone) {
        utc = wall - f.zoneSeconds;
    } else {
        // Site-local Central time: read it as standard time; when that instant
        // falls inside DST, it was daylight time. The repeated fall-back hour
        // therefore reads as CST (the simulator makes the same choice).
        utc = wall + 6 * 3600;
        if (centralOffsetSeconds(utc) == -5 * 3600) utc = wall + 5 * 3600;
    }
    return utc * 1000 + f.millis;
}

std::optional<std::int64_t> PostupDate::parseMs(std::string_view text, const TimeZone& zone) {
    Fields f;
    if (!parseFields(text, f)) return std::nullopt;
    const std::int64_t wall = wallSeconds(f);
    const std::int64_t utc = f.hasZone ? wall - f.zoneSeconds : zone.utcFromLocal(wall);
    return utc * 1000 + f.millis;
}

std::string PostupDate::formatIsoUtc(std::int64_t epochMs) {
    const std::int64_t secs = floorDiv(epochMs, 1000);
    const auto ms = static_cast<unsigned>(epochMs - secs * 1000);
    const std::int64_t days = floorDiv(secs, 86400);
    const std::int64_t sod = secs - days * 86400;
    int y = 0;
    unsigned m = 0, d = 0;
    PostupDate::civilFromDays(days, y, m, d);
    char buf[40];
    const auto hh = static_cast<unsigned>(sod / 3600), mi = static_cast<unsigned>((sod / 60) % 60),
               ss = static_cast<unsigned>(sod % 60);
    int n = 0;
    if (ms == 0)
        n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02uZ", y, m, d, hh, mi, ss);
    else
        n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02u.%03uZ", y, m, d, hh, mi, ss, ms);
    return std::string(buf, static_cast<std::size_t>(n > 0 ? n : 0));
}

} // namespace jobhost::plugins::postup
