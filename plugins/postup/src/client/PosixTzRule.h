// jobhost postup plugin — PosixTzRule.h
// A POSIX TZ rule string ("CST6CDT,M3.2.0,M11.1.0"): UTC offset at any instant.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace jobhost::plugins::postup {

/// The rule a TZif v2+ file carries in its footer for instants after its
/// last transition (RFC 8536 §3.3, POSIX.1-2017 §8.3 TZ, with the RFC's
/// extensions: hours up to ±167 in transition times). Forms accepted:
///   std offset                         e.g. "UTC0", "<+03>-3"
///   std offset dst[offset],start[/time],end[/time]
///   start/end: Jn (1..365, Feb 29 never counted), n (0..365), Mm.w.d
/// Names may be alphabetic (3+ letters) or quoted in <>. POSIX offsets are
/// hours WEST of UTC; offsetAt() returns seconds EAST of UTC.
///
/// Plain immutable value: thread-safe to share; never throws.
class PosixTzRule {
public:
    /// nullopt when `text` is empty or not a rule of the forms above.
    static std::optional<PosixTzRule> parse(std::string_view text);

    /// Offset (seconds east of UTC) in force at `utcSeconds`.
    int offsetAt(std::int64_t utcSeconds) const;
    bool hasDaylightTime() const { return _hasDst; }

private:
    enum class DateKind : std::uint8_t { JulianNoLeap, ZeroBasedDay, MonthWeekDay };
    struct RuleDate {
        DateKind kind = DateKind::MonthWeekDay;
        int day = 0;   ///< Jn / n day, or Mm.w.d weekday (0 = Sunday)
        int week = 0;  ///< Mm.w.d week 1..5 (5 = last)
        int month = 0; ///< Mm.w.d month 1..12
        int timeSeconds = 7200; ///< local time of the change, default 02:00
    };

    /// UTC instant of `date` in `year`, its local time read at `offset`.
    static std::int64_t instantOf(int year, const RuleDate& date, int offset);

    int _stdOffset = 0;
    int _dstOffset = 0;
    bool _hasDst = false;
    RuleDate _start;
    RuleDate _end;
};

} // namespace jobhost::plugins::postup
