// jobhost host — ValueFormat.h
// Named formats a manifest string field may declare ("time_zone", "url").
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace jobhost::host {

/// The `format` attribute of a string field in a manifest config schema:
///   time_zone  an IANA zone name with a TZif file in the system tzdata
///              ($TZDIR, else /usr/share/zoneinfo); "UTC", "Etc/UTC" and
///              "America/Chicago" are accepted without tzdata, because the
///              PostUp plugin has them built in
///   url        an absolute http:// or https:// URL with a host
/// Stateless; thread-safe; never throws.
class ValueFormat {
public:
    /// True when `format` is one of the names above.
    static bool isKnown(const std::string& format);
    /// "time_zone, url" — for messages.
    static std::string knownNames();
    /// nullopt when `value` has the format; otherwise what is wrong, without
    /// the key path (the caller prefixes it).
    static std::optional<std::string> check(const std::string& format, const std::string& value);
};

} // namespace jobhost::host
