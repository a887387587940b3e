// jobhost postup plugin — TimeZone.h
// An IANA time zone read from the system tzdata (TZif files), for zone-less times.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/PosixTzRule.h"

namespace jobhost::plugins::postup {

/// One IANA zone ("America/Chicago", "Europe/Berlin", "UTC"), loaded from a
/// TZif file (RFC 8536) of the system tzdata — $TZDIR, else
/// /usr/share/zoneinfo (Debian package `tzdata`).
///
/// Why a TZif reader of our own: localtime_r/mktime only know the process
/// zone, and switching it means setenv("TZ") + tzset(), which races with
/// every other thread of the host; libstdc++ 12 has no std::chrono::tzdb and
/// Poco knows only the local zone. A loaded TimeZone is an immutable table
/// (transitions + the footer rule for later years), so plugin threads share
/// it without locks and two jobs can use different zones in one process.
///
/// Without tzdata, "UTC"/"Etc/UTC" and "America/Chicago" (the default,
/// PostupDate's built-in US Central rules) still work; every other name then
/// is unknown.
///
/// Thread-safety: immutable after load; all methods are const and safe to
/// call concurrently. Failure: load() throws std::invalid_argument; the
/// other methods never throw.
class TimeZone {
public:
    /// Loads `name` from `zoneInfoDir` (empty: $TZDIR, else
    /// /usr/share/zoneinfo). Throws std::invalid_argument with a message
    /// naming the zone when the name is malformed (it must look like
    /// "Area/Location": letters, digits, '/', '_', '-', '+', no "..") or
    /// no readable TZif file of that name exists.
    static std::shared_ptr<const TimeZone> load(const std::string& name, const std::string& zoneInfoDir = "");

    /// Builds a zone from TZif bytes (version 1 to 4); nullptr when they are
    /// not a valid TZif file. Public so the reader is testable with crafted data.
    static std::shared_ptr<const TimeZone> fromTzif(const std::string& name, std::string_view bytes);

    /// The built-in US Central zone (PostupDate::centralOffsetSeconds):
    /// what PostUp's REST API uses (postup-api.md §3). Never null.
    static std::shared_ptr<const TimeZone> usCentral();
    /// UTC. Never null.
    static std::shared_ptr<const TimeZone> utc();

    /// The zoneinfo folder load() reads by default.
    static std::string defaultZoneInfoDir();
    /// True when `name` is syntactically a zone name (see load()).
    static bool isWellFormedName(std::string_view name);

    const std::string& name() const { return _name; }

    /// Offset (seconds east of UTC) in force at `utcSeconds`.
    int offsetAt(std::int64_t utcSeconds) const;

    /// The UTC instant of the wall-clock time `localSeconds` (a local date
    /// and time counted like a Unix time, as if the zone were UTC).
    /// A time the clocks passed twice (fall back) reads as the later instant
    /// — standard time, the choice PostUp's simulator makes for Central
    /// time; a time the clocks skipped (spring forward) reads with the
    /// offset in force before the gap, so 02:30 becomes 03:30 daylight time.
    std::int64_t utcFromLocal(std::int64_t localSeconds) const;

private:
    struct LocalTimeType {
        int offset = 0;
        bool daylight = false;
    };

    TimeZone() = default;

    std::string _name;
    bool _builtinCentral = false;
    std::vector<std::int64_t> _transitions;    ///< ascending UTC seconds
    std::vector<std::uint8_t> _transitionType; ///< index into _types, per transition
    std::vector<LocalTimeType> _types;         ///< at least one
    std::optional<PosixTzRule> _footer;        ///< for instants after the last transition
};

} // namespace jobhost::plugins::postup
