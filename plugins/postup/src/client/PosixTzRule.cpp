// jobhost postup plugin — PosixTzRule.cpp
// SPDX-License-Identifier: Apache-2.0
#include "client/PosixTzRule.h"

#include "client/PostupDate.h"

namespace jobhost::plugins::postup {
namespace {

/// Cursor over the rule text.
class RuleScanner {
public:
    explicit RuleScanner(std::string_view text) : _text(text) {}
    bool atEnd() const { return _pos >= _text.size(); }
    char peek() const { return atEnd() ? '\0' : _text[_pos]; }
    bool accept(char c) {
        if (peek() != c) return false;
        ++_pos;
        return true;
    }
    bool number(int maxDigits, int& out) {
        int n = 0;
        out = 0;
        while (n < maxDigits && peek() >= '0' && peek() <= '9') {
            out = out * 10 + (peek() - '0');
            ++_pos;
            ++n;
        }
        return n > 0;
    }
    /// A zone abbreviation: 3+ letters, or <...> with letters, digits, + and -.
    bool name() {
        if (accept('<')) {
            std::size_t n = 0;
            while (!atEnd() && peek() != '>') {
                const char c = peek();
                const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-';
                if (!ok) return false;
                ++_pos;
                ++n;
            }
            return accept('>') && n >= 3;
        }
        std::size_t n = 0;
        while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')) {
            ++_pos;
            ++n;
        }
        return n >= 3;
    }
    /// [+-]hh[:mm[:ss]] with hh up to `maxHours`, in seconds.
    bool duration(int maxHours, int& seconds) {
        int sign = 1;
        if (accept('-')) sign = -1;
        else accept('+');
        int hh = 0, mm = 0, ss = 0;
        if (!number(3, hh) || hh > maxHours) return false;
        if (accept(':')) {
            if (!number(2, mm) || mm > 59) return false;
            if (accept(':') && (!number(2, ss) || ss > 59)) return false;
        }
        seconds = sign * (hh * 3600 + mm * 60 + ss);
        return true;
    }

private:
    std::string_view _text;
    std::size_t _pos = 0;
};

bool isLeap(int y) { return PostupDate::daysFromCivil(y, 3, 1) - PostupDate::daysFromCivil(y, 2, 28) == 2; }

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

std::optional<PosixTzRule> PosixTzRule::parse(std::string_view text) {
    if (text.empty()) return std::nullopt;
    RuleScanner s(text);
    PosixTzRule rule;
    int west = 0;
    if (!s.name() || !s.duration(24, west)) return std::nullopt;
    rule._stdOffset = -west;
    if (s.atEnd()) return rule;
    if (!s.name()) return std::nullopt;
    rule._hasDst = true;
    rule._dstOffset = rule._stdOffset + 3600;
    if (s.peek() != ',') {
        if (!s.duration(24, west)) return std::nullopt;
        rule._dstOffset = -west;
    }
    // TZif footers always spell the rules out; a bare "std dst" has no
    // portable meaning, so it is refused rather than guessed.
    auto date = [&](RuleDate& d) {
        if (!s.accept(',')) return false;
        if (s.accept('M')) {
            d.kind = DateKind::MonthWeekDay;
            if (!s.number(2, d.month) || d.month < 1 || d.month > 12 || !s.accept('.')) return false;
            if (!s.number(1, d.week) || d.week < 1 || d.week > 5 || !s.accept('.')) return false;
            if (!s.number(1, d.day) || d.day > 6) return false;
        } else if (s.accept('J')) {
            d.kind = DateKind::JulianNoLeap;
            if (!s.number(3, d.day) || d.day < 1 || d.day > 365) return false;
        } else {
            d.kind = DateKind::ZeroBasedDay;
            if (!s.number(3, d.day) || d.day > 365) return false;
        }
        if (s.accept('/') && !s.duration(167, d.timeSeconds)) return false;
        return true;
    };
    if (!date(rule._start) || !date(rule._end) || !s.atEnd()) return std::nullopt;
    return rule;
}

std::int64_t PosixTzRule::instantOf(int year, const RuleDate& date, int offset) {
    std::int64_t day = 0;
    switch (date.kind) {
    case DateKind::JulianNoLeap:
        day = PostupDate::daysFromCivil(year, 1, 1) + date.day - 1 + (isLeap(year) && date.day >= 60 ? 1 : 0);
        break;
    case DateKind::ZeroBasedDay:
        day = PostupDate::daysFromCivil(year, 1, 1) + date.day;
        break;
    case DateKind::MonthWeekDay: {
        const std::int64_t first = PostupDate::daysFromCivil(year, static_cast<unsigned>(date.month), 1);
        const int firstWeekday = static_cast<int>(((first % 7) + 11) % 7); // day 0 (1970-01-01) was a Thursday
        day = first + (date.day - firstWeekday + 7) % 7 + 7 * (date.week - 1);
        const std::int64_t last = date.month == 12 ? PostupDate::daysFromCivil(year + 1, 1, 1) - 1
                                                   : PostupDate::daysFromCivil(year, static_cast<unsigned>(date.month) + 1, 1) - 1;
        while (day > last) day -= 7; // week 5 = the last such weekday
        break;
    }
    }
    return day * 86400 + date.timeSeconds - offset;
}

int PosixTzRule::offsetAt(std::int64_t utcSeconds) const {
    if (!_hasDst) return _stdOffset;
    int year = 0;
    unsigned month = 0, day = 0;
    PostupDate::civilFromDays(floorDiv(utcSeconds + _stdOffset, 86400), year, month, day);
    // The start is given in standard time, the end in daylight time.
    const std::int64_t start = instantOf(year, _start, _stdOffset);
    const std::int64_t end = instantOf(year, _end, _dstOffset);
    const bool daylight = start < end ? (utcSeconds >= start && utcSeconds < end)   // northern hemisphere
                                      : !(utcSeconds >= end && utcSeconds < start); // southern: DST spans new year
    return daylight ? _dstOffset : _stdOffset;
}

} // namespace jobhost::plugins::postup
