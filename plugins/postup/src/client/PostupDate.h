// jobhost postup plugin — PostupDate.h
// Lenient parsing of every PostUp date-time format; ISO-8601 UTC output.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jobhost::plugins::postup {

class TimeZone;

/// Date-time conversions for PostUp values (postup-api.md §3). Stateless and
/// thread-safe; never throws.
///
/// Accepted inputs (surrounding whitespace ignored):
///   yyyy-MM-dd HH:mm:ss          site-local (US Central, DST-aware)
///   yyyy-MM-ddTHH:mm:ss[.fff]    site-local
///   ...Z, ...+HH:MM, ...+HHMM, ...+HH   explicit zone (space or T separator)
///   yyyy-MM-dd                   site-local midnight
///   M/d/yyyy H:mm[:ss] and M/d/yy H:mm[:ss], optional AM/PM   site-local
/// Anything else (including impossible calendar values) yields nullopt.
/// "Site-local" is US Central for values of the REST API (§3) and the
/// job's report_time_zone for report files; a value with a zone is never
/// shifted.
class PostupDate {
public:
    /// Milliseconds since the Unix epoch, or nullopt when `text` is empty or
    /// not one of the formats above.
    static std::optional<std::int64_t> parseMs(std::string_view text);

    /// Like parseMs(text), but a value without a zone is wall-clock time in
    /// `zone` (TimeZone::utcFromLocal decides repeated and skipped hours).
    static std::optional<std::int64_t> parseMs(std::string_view text, const TimeZone& zone);

    /// "yyyy-MM-ddTHH:mm:ssZ" (".fffZ" when the milliseconds are non-zero).
    static std::string formatIsoUtc(std::int64_t epochMs);

    /// UTC offset of US Central time at `utcSeconds`, in seconds (-6 h or -5 h),
    /// using the US rules in force for that year (2007+ and 1987–2006).
    static int centralOffsetSeconds(std::int64_t utcSeconds);

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
    /// The proleptic Gregorian date of a day number (inverse of daysFromCivil).
    static void civilFromDays(std::int64_t days, int& year, unsigned& month, unsigned& day);
};

} // namespace jobhost::plugins::postup
