// jobhost host — ValueFormat.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/ValueFormat.h"

#include <cstdlib>
#include <fstream>

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace jobhost::host {
namespace {

/// Same rule as the PostUp plugin's TimeZone::isWellFormedName: segments of
/// letters, digits, '_', '-', '+', '.'; no empty, "." or ".." segment, so a
/// name can never leave the zoneinfo folder.
bool wellFormedZoneName(const std::string& name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
    std::size_t segmentStart = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/') {
            const std::string segment = name.substr(segmentStart, i - segmentStart);
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

std::optional<std::string> checkTimeZone(const std::string& name) {
    if (!wellFormedZoneName(name))
        return "\"" + name + "\" is not an IANA time zone name (expected e.g. America/Chicago, Europe/Berlin or UTC)";
    const char* env = std::getenv("TZDIR");
    const std::string dir = env && *env ? env : "/usr/share/zoneinfo";
    std::ifstream in(dir + "/" + name, std::ios::binary);
    char magic[4] = {};
    if (in && in.read(magic, 4) && std::string(magic, 4) == "TZif") return std::nullopt;
    if (!in.is_open() && (name == "UTC" || name == "Etc/UTC" || name == "America/Chicago")) return std::nullopt;
    return "unknown IANA time zone \"" + name + "\" (no TZif zone file " + dir + "/" + name +
           "; names look like America/Chicago, Europe/Berlin, UTC)";
}

std::optional<std::string> checkUrl(const std::string& value) {
    try {
        Poco::URI uri(value);
        const std::string scheme = Poco::toLower(uri.getScheme());
        if (scheme != "http" && scheme != "https")
            return "\"" + value + "\" is not an http:// or https:// URL";
        if (uri.getHost().empty()) return "\"" + value + "\" has no host";
        return std::nullopt;
    } catch (const Poco::Exception& e) {
        return "\"" + value + "\" is not a URL (" + e.message() + ")";
    }
}

} // namespace

bool ValueFormat::isKnown(const std::string& format) { return format == "time_zone" || format == "url"; }

std::string ValueFormat::knownNames() { return "time_zone, url"; }

std::optional<std::string> ValueFormat::check(const std::string& format, const std::string& value) {
    if (format == "time_zone") return checkTimeZone(value);
    if (format == "url") return checkUrl(value);
    return std::nullopt;
}

} // namespace jobhost::host
