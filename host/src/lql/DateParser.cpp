// DateParser.cpp — jobhost lql: lenient date parsing, date math and RFC3339 output.
// SPDX-License-Identifier: Apache-2.0
#include "lql/DateParser.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <string_view>

namespace jobhost::host::lql {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s)
{
    std::string r(s);
    for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

// Reads 1..maxDigits digits at s[i]; returns count read (0 if none).
int readNum(std::string_view s, std::size_t& i, int maxDigits, int& out)
{
    int n = 0;
    out = 0;
    while (i < s.size() && isDigit(s[i]) && n < maxDigits) {
        out = out * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    return n;
}

int monthFromName(std::string_view word)
{
    static const std::array<const char*, 12> names = {"january", "february", "march", "april", "may", "june",
                                                      "july", "august", "september", "october", "november",
                                                      "december"};
    std::string w = lower(word);
    if (w.size() < 3) return 0;
    if (w == "sept") return 9;
    for (std::size_t m = 0; m < names.size(); ++m) {
        std::string full = names[m];
        if (w.size() <= full.size() && full.compare(0, w.size(), w) == 0 && (w.size() == 3 || w == full))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

bool isWeekday(std::string_view word)
{
    static const std::array<const char*, 7> names = {"sunday", "monday", "tuesday", "wednesday", "thursday",
                                                     "friday", "saturday"};
    std::string w = lower(word);
    if (w.size() < 3) return false;
    for (const char* n : names) {
        std::string full = n;
        if (w == full || w == full.substr(0, 3)) return true;
    }
    return false;
}

// Named zones: returns true and the offset in minutes when known.
bool zoneFromName(std::string_view word, int& offset)
{
    static const std::array<std::pair<const char*, int>, 12> zones = {{{"utc", 0},
                                                                       {"gmt", 0},
                                                                       {"z", 0},
                                                                       {"est", -300},
                                                                       {"edt", -240},
                                                                       {"cst", -360},
                                                                       {"cdt", -300},
                                                                       {"mst", -420},
                                                                       {"mdt", -360},
                                                                       {"pst", -480},
                                                                       {"pdt", -420},
                                                                       {"ut", 0}}};
    std::string w = lower(word);
    for (const auto& [n, o] : zones) {
        if (w == n) {
            offset = o;
            return true;
        }
    }
    return false;
}

// Parses "+hh:mm", "+hhmm", "+hh" at s[i].
bool readOffset(std::string_view s, std::size_t& i, int& offset)
{
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
    int sign = s[i] == '-' ? -1 : 1;
    std::size_t j = i + 1;
    int hh = 0, mm = 0;
    if (readNum(s, j, 2, hh) != 2) return false;
    if (j < s.size() && s[j] == ':') ++j;
    if (j < s.size() && isDigit(s[j])) {
        if (readNum(s, j, 2, mm) != 2) return false;
    }
    if (hh > 23 || mm > 59) return false;
    offset = sign * (hh * 60 + mm);
    i = j;
    return true;
}

struct Parts {
    std::int64_t year = -1;
    int month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    int offset = 0;
    int ampm = 0; // 0 none, 1 am, 2 pm
    bool haveTime = false;
};

void skipSpaces(std::string_view s, std::size_t& i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

// Parses "hh:mm[:ss[.frac]]" at s[i].
bool readClock(std::string_view s, std::size_t& i, Parts& p)
{
    std::size_t j = i;
    if (readNum(s, j, 2, p.hour) == 0) return false;
    if (j >= s.size() || s[j] != ':') return false;
    ++j;
    if (readNum(s, j, 2, p.minute) != 2) return false;
    if (j < s.size() && s[j] == ':') {
        ++j;
        if (readNum(s, j, 2, p.second) != 2) return false;
        if (j < s.size() && (s[j] == '.' || s[j] == ',') && j + 1 < s.size() && isDigit(s[j + 1])) {
            ++j;
            int digits = 0;
            int ms = 0;
            while (j < s.size() && isDigit(s[j])) {
                if (digits < 3) ms = ms * 10 + (s[j] - '0');
                ++digits;
                ++j;
            }
            while (digits < 3) {
                ms *= 10;
                ++digits;
            }
            p.millis = ms;
        }
    }
    p.haveTime = true;
    i = j;
    return true;
}

// After the date: [T| ]clock [AM|PM] [zone] [zone-name]; the rest must be empty.
bool readTimeTail(std::string_view s, std::size_t i, Parts& p)
{
    if (i >= s.size()) return true;
    if (s[i] == 'T' || s[i] == 't') {
        ++i;
    } else if (s[i] == ' ' || s[i] == ',') {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
    } else {
        return false;
    }
    if (!readClock(s, i, p)) return false;
    skipSpaces(s, i);
    bool haveZone = false;
    while (i < s.size()) {
        if (s[i] == 'Z' && (i + 1 == s.size() || !isAlpha(s[i + 1]))) {
            p.offset = 0;
            haveZone = true;
            ++i;
        } else if (s[i] == '+' || s[i] == '-') {
            if (!readOffset(s, i, p.offset)) return false;
            haveZone = true;
        } else if (isAlpha(s[i])) {
            std::size_t j = i;
            while (j < s.size() && isAlpha(s[j])) ++j;
            std::string w = lower(s.substr(i, j - i));
            int off = 0;
            if (w == "am" || w == "pm") {
                p.ampm = w == "am" ? 1 : 2;
            } else if (zoneFromName(w, off)) {
                if (!haveZone) p.offset = off;
                haveZone = true;
            } else {
                return false;
            }
            i = j;
        } else {
            return false;
        }
        skipSpaces(s, i);
    }
    return true;
}

std::optional<TimeMs> finish(const Parts& p)
{
    int hour = p.hour;
    if (p.ampm != 0) {
        if (hour < 1 || hour > 12) return std::nullopt;
        if (p.ampm == 1 && hour == 12) hour = 0;
        if (p.ampm == 2 && hour != 12) hour += 12;
    }
    return DateParser::makeTime(p.year, p.month, p.day, hour, p.minute, p.second, p.millis, p.offset);
}

std::optional<TimeMs> parseDigits(std::string_view s)
{
    // Only the epoch lengths (at most 19 digits) are read as one number; a
    // 19-digit value above INT64_MAX is no date (it used to overflow).
    std::int64_t v = 0;
    if (s.size() <= 19)
        for (char c : s)
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v)) return std::nullopt;
    auto sub = [&](std::size_t pos, std::size_t n) {
        int r = 0;
        for (std::size_t k = pos; k < pos + n; ++k) r = r * 10 + (s[k] - '0');
        return r;
    };
    switch (s.size()) {
    case 19: return TimeMs{v / 1000000};
    case 16: return TimeMs{v / 1000};
    case 13: return TimeMs{v};
    case 10: return TimeMs{v * 1000};
    case 14:
        return DateParser::makeTime(sub(0, 4), sub(4, 2), sub(6, 2), sub(8, 2), sub(10, 2), sub(12, 2), 0, 0);
    case 8: return DateParser::makeTime(sub(0, 4), sub(4, 2), sub(6, 2), 0, 0, 0, 0, 0);
    case 4: return DateParser::makeTime(sub(0, 4), 1, 1, 0, 0, 0, 0, 0);
    default: return std::nullopt;
    }
}

// Free-form text with a month name, e.g. "Apr 7, 2014 4:58:55 PM",
// "Mon, 02 Jan 2006 15:04:05 MST", "2 January 2006", "Mon Jan  2 15:04:05 2006".
std::optional<TimeMs> parseWords(std::string_view s)
{
    Parts p;
    bool haveDay = false, haveZone = false;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == ' ' || c == ',' || c == '\t') {
            ++i;
            continue;
        }
        if (isAlpha(c)) {
            std::size_t j = i;
            while (j < s.size() && isAlpha(s[j])) ++j;
            std::string_view w = s.substr(i, j - i);
            std::string lw = lower(w);
            int off = 0;
            if (lw == "am" || lw == "pm") {
                p.ampm = lw == "am" ? 1 : 2;
            } else if (int m = monthFromName(w); m != 0 && p.month == 0) {
                p.month = m;
            } else if (isWeekday(w)) {
                // ignored
            } else if (zoneFromName(w, off)) {
                if (!haveZone) p.offset = off;
                haveZone = true;
            } else if (lw == "st" || lw == "nd" || lw == "rd" || lw == "th" || lw == "of" || lw == "at") {
                // ordinal suffix or filler
            } else {
                return std::nullopt;
            }
            i = j;
            continue;
        }
        if ((c == '+' || c == '-') && i + 1 < s.size() && isDigit(s[i + 1])) {
            if (!readOffset(s, i, p.offset)) return std::nullopt;
            haveZone = true;
            continue;
        }
        if (isDigit(c)) {
            std::size_t j = i;
            while (j < s.size() && isDigit(s[j])) ++j;
            if (j < s.size() && s[j] == ':') {
                if (p.haveTime || !readClock(s, i, p)) return std::nullopt;
                continue;
            }
            std::size_t len = j - i;
            int v = 0;
            std::size_t k = i;
            readNum(s, k, 9, v);
            if (len == 4) {
                if (p.year >= 0) return std::nullopt;
                p.year = v;
            } else if (len <= 2 && !haveDay) {
                p.day = v;
                haveDay = true;
            } else if (len <= 2 && p.year < 0) {
                p.year = 2000 + v;
            } else {
                return std::nullopt;
            }
            i = j;
            continue;
        }
        return std::nullopt;
    }
    if (p.month == 0 || p.year < 0) return std::nullopt;
    if (!haveDay) p.day = 1;
    return finish(p);
}

} // namespace

std::int64_t DateParser::daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void DateParser::civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

std::optional<TimeMs> DateParser::makeTime(std::int64_t y, int mon, int day, int h, int mi, int s, int ms,
                                           int offsetMinutes)
{
    if (mon < 1 || mon > 12 || day < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60 || ms < 0
        || ms > 999)
        return std::nullopt;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int maxDay = mdays[mon - 1] - ((mon == 2 && !leap) ? 1 : 0);
    if (day > maxDay) return std::nullopt;
    std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mon), static_cast<unsigned>(day));
    std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - static_cast<std::int64_t>(offsetMinutes) * 60;
    return TimeMs{secs * 1000 + ms};
}

TimeMs DateParser::fromEpochDigits(std::int64_t v)
{
    std::int64_t a = v < 0 ? -v : v;
    int digits = 1;
    while (a >= 10) {
        a /= 10;
        ++digits;
    }
    switch (digits) {
    case 19: return TimeMs{v / 1000000};
    case 16: return TimeMs{v / 1000};
    case 10: return TimeMs{v * 1000};
    default: return TimeMs{v};
    }
}

std::string DateParser::formatRfc3339(TimeMs t)
{
    // Floor division by days without negating or multiplying ms, which
    // overflow for times near the int64 limits.
    std::int64_t days = t.ms / 86400000;
    std::int64_t rem = t.ms % 86400000;
    if (rem < 0) {
        rem += 86400000;
        --days;
    }
    std::int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d,
                  static_cast<int>(rem / 3600000), static_cast<int>(rem / 60000 % 60),
                  static_cast<int>(rem / 1000 % 60), static_cast<int>(rem % 1000));
    return buf;
}

std::optional<TimeMs> DateParser::parseAny(const std::string& text)
{
    std::string_view s(text);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    if (s.empty()) return std::nullopt;

    bool allDigits = true;
    for (char c : s) allDigits = allDigits && isDigit(c);
    if (allDigits) return parseDigits(s);

    Parts p;
    std::size_t i = 0;
    int a = 0;
    int na = readNum(s, i, 4, a);
    if (na == 4 && i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
        // year first: YYYY-MM-DD[...]
        char sep = s[i++];
        p.year = a;
        if (readNum(s, i, 2, p.month) == 0 || i >= s.size() || s[i] != sep) {
            if (sep == '-' && i == s.size() && p.month > 0) { // YYYY-MM
                p.day = 1;
                return finish(p);
            }
            return std::nullopt;
        }
        ++i;
        if (readNum(s, i, 2, p.day) == 0) return std::nullopt;
        if (!readTimeTail(s, i, p)) return std::nullopt;
        return finish(p);
    }
    if ((na == 1 || na == 2) && i < s.size() && (s[i] == '/' || s[i] == '-' || s[i] == '.')) {
        // month first: M/D/YY or M/D/YYYY
        char sep = s[i++];
        p.month = a;
        if (readNum(s, i, 2, p.day) == 0 || i >= s.size() || s[i] != sep) return std::nullopt;
        ++i;
        int y = 0;
        int ny = readNum(s, i, 4, y);
        if (ny == 2) {
            p.year = 2000 + y;
        } else if (ny == 4) {
            p.year = y;
        } else {
            return std::nullopt;
        }
        if (!readTimeTail(s, i, p)) return std::nullopt;
        return finish(p);
    }
    return parseWords(s);
}

std::optional<TimeMs> DateParser::parseDateMath(const std::string& text, TimeMs now)
{
    // Results stay within years 0000..9999 (what RFC3339 can write); every
    // step is overflow-checked, so "now-999…9y" is no date instead of UB.
    constexpr std::int64_t kMinMs = -62167219200000; // 0000-01-01T00:00:00Z
    constexpr std::int64_t kMaxMs = 253402300799999; // 9999-12-31T23:59:59.999Z
    auto inRange = [](std::int64_t v) { return v >= kMinMs && v <= kMaxMs; };
    std::string_view s(text);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.size() < 3 || lower(s.substr(0, 3)) != "now") return std::nullopt;
    if (!inRange(now.ms)) return std::nullopt;
    std::size_t i = 3;
    std::int64_t ms = now.ms;
    while (i < s.size()) {
        char op = s[i];
        if (op != '+' && op != '-') return std::nullopt;
        ++i;
        std::int64_t n = 0;
        int digits = 0;
        while (i < s.size() && isDigit(s[i])) {
            if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, s[i] - '0', &n)) return std::nullopt;
            ++i;
            ++digits;
        }
        if (digits == 0) n = 1;
        if (i >= s.size()) return std::nullopt;
        char unit = s[i++];
        const std::int64_t signedN = op == '-' ? -n : n;
        std::int64_t unitMs = 0;
        switch (unit) {
        case 's': unitMs = 1000; break;
        case 'm': unitMs = 60000; break;
        case 'h': unitMs = 3600000; break;
        case 'd': unitMs = 86400000; break;
        case 'w': unitMs = 7 * 86400000LL; break;
        case 'M':
        case 'y': {
            std::int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
            std::int64_t rem = ms - days * 86400000;
            std::int64_t y;
            unsigned m, d;
            civilFromDays(days, y, m, d);
            std::int64_t step = 0, months = 0;
            if (__builtin_mul_overflow(signedN, unit == 'y' ? 12 : 1, &step) ||
                __builtin_add_overflow(y * 12 + (m - 1), step, &months))
                return std::nullopt;
            std::int64_t ny = months >= 0 ? months / 12 : -((-months + 11) / 12);
            if (ny < 0 || ny > 9999) return std::nullopt;
            unsigned nm = static_cast<unsigned>(months - ny * 12) + 1;
            // Go's AddDate normalises overflowing days (Jan 31 + 1M = Mar 2/3).
            ms = (daysFromCivil(ny, nm, 1) + (d - 1)) * 86400000 + rem;
            if (!inRange(ms)) return std::nullopt;
            continue;
        }
        default: return std::nullopt;
        }
        std::int64_t delta = 0;
        if (__builtin_mul_overflow(signedN, unitMs, &delta) || __builtin_add_overflow(ms, delta, &ms) || !inRange(ms))
            return std::nullopt;
    }
    return TimeMs{ms};
}

std::optional<TimeMs> DateParser::parseWithNow(const std::string& text, TimeMs now)
{
    if (text.size() >= 3 && lower(std::string_view(text).substr(0, 3)) == "now") return parseDateMath(text, now);
    return parseAny(text);
}

std::optional<TimeMs> DateParser::parseLayout(const std::string& layoutText, const std::string& text)
{
    std::string_view L(layoutText), s(text);
    Parts p;
    p.year = 1;
    p.month = 1;
    p.day = 1;
    std::size_t li = 0, si = 0;
    auto starts = [&](const char* tok) { return L.substr(li).substr(0, std::char_traits<char>::length(tok)) == tok; };
    auto num = [&](int minD, int maxD, int& out) {
        std::size_t before = si;
        int n = readNum(s, si, maxD, out);
        if (n < minD) {
            si = before;
            return false;
        }
        return true;
    };
    while (li < L.size()) {
        int v = 0;
        if (starts("2006")) {
            if (!num(4, 4, v)) return std::nullopt;
            p.year = v;
            li += 4;
        } else if (starts("January") || starts("Jan")) {
            bool full = starts("January");
            std::size_t j = si;
            while (j < s.size() && isAlpha(s[j])) ++j;
            int m = monthFromName(s.substr(si, j - si));
            if (m == 0) return std::nullopt;
            p.month = m;
            si = j;
            li += full ? 7 : 3;
        } else if (starts("Monday") || starts("Mon")) {
            bool full = starts("Monday");
            std::size_t j = si;
            while (j < s.size() && isAlpha(s[j])) ++j;
            if (!isWeekday(s.substr(si, j - si))) return std::nullopt;
            si = j;
            li += full ? 6 : 3;
        } else if (starts("MST")) {
            std::size_t j = si;
            while (j < s.size() && isAlpha(s[j])) ++j;
            int off = 0;
            if (!zoneFromName(s.substr(si, j - si), off)) return std::nullopt;
            p.offset = off;
            si = j;
            li += 3;
        } else if (starts("Z07:00") || starts("Z0700") || starts("-07:00") || starts("-0700") || starts("-07")) {
            std::size_t len = starts("Z07:00") || starts("-07:00") ? 6 : (starts("-07") && !starts("-0700") ? 3 : 5);
            if ((L[li] == 'Z') && si < s.size() && s[si] == 'Z') {
                ++si;
                p.offset = 0;
            } else if (!readOffset(s, si, p.offset)) {
                return std::nullopt;
            }
            li += len;
        } else if (starts("01")) {
            if (!num(2, 2, v)) return std::nullopt;
            p.month = v;
            li += 2;
        } else if (starts("02")) {
            if (!num(2, 2, v)) return std::nullopt;
            p.day = v;
            li += 2;
        } else if (starts("_2")) {
            if (si < s.size() && s[si] == ' ') ++si;
            if (!num(1, 2, v)) return std::nullopt;
            p.day = v;
            li += 2;
        } else if (starts("06")) {
            if (!num(2, 2, v)) return std::nullopt;
            p.year = v >= 69 ? 1900 + v : 2000 + v;
            li += 2;
        } else if (starts("15")) {
            if (!num(1, 2, v)) return std::nullopt;
            p.hour = v;
            li += 2;
        } else if (starts("03")) {
            if (!num(2, 2, v)) return std::nullopt;
            p.hour = v;
            li += 2;
        } else if (starts("04")) {
            if (!num(2, 2, v)) return std::nullopt;
            p.minute = v;
            li += 2;
        } else if (starts("05")) {
            if (!num(2, 2, v)) return std::nullopt;
            p.second = v;
            li += 2;
        } else if (starts("PM") || starts("pm")) {
            std::string w = lower(s.substr(si, 2));
            if (w != "am" && w != "pm") return std::nullopt;
            p.ampm = w == "am" ? 1 : 2;
            si += 2;
            li += 2;
        } else if (starts(".000") || starts(".999") || starts(",000") || starts(",999")) {
            char f = L[li + 1];
            std::size_t n = 1;
            while (li + n < L.size() && L[li + n] == f) ++n;
            bool optional = f == '9';
            if (si < s.size() && (s[si] == '.' || s[si] == ',')) {
                ++si;
                int digits = 0, ms = 0;
                while (si < s.size() && isDigit(s[si])) {
                    if (digits < 3) ms = ms * 10 + (s[si] - '0');
                    ++digits;
                    ++si;
                }
                if (digits == 0) return std::nullopt;
                while (digits < 3) {
                    ms *= 10;
                    ++digits;
                }
                p.millis = ms;
            } else if (!optional) {
                return std::nullopt;
            }
            li += n;
        } else if (starts("1")) {
            if (!num(1, 2, v)) return std::nullopt;
            p.month = v;
            li += 1;
        } else if (starts("2")) {
            if (!num(1, 2, v)) return std::nullopt;
            p.day = v;
            li += 1;
        } else if (starts("3")) {
            if (!num(1, 2, v)) return std::nullopt;
            p.hour = v;
            li += 1;
        } else if (starts("4")) {
            if (!num(1, 2, v)) return std::nullopt;
            p.minute = v;
            li += 1;
        } else if (starts("5")) {
            if (!num(1, 2, v)) return std::nullopt;
            p.second = v;
            li += 1;
        } else {
            if (si >= s.size() || s[si] != L[li]) return std::nullopt;
            ++si;
            ++li;
        }
    }
    if (si != s.size()) return std::nullopt;
    return finish(p);
}

} // namespace jobhost::host::lql
