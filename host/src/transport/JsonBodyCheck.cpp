// JsonBodyCheck.cpp — jobhost transport: cheap structural checks of a JSON response body before a plugin parses it.
// SPDX-License-Identifier: Apache-2.0
#include "transport/JsonBodyCheck.h"

#include <Poco/String.h>

namespace jobhost::host {

bool JsonBodyCheck::isJsonType(const std::string& contentType) {
    std::string type = Poco::toLower(contentType);
    const auto semicolon = type.find(';');
    if (semicolon != std::string::npos) type.resize(semicolon);
    type = Poco::trim(type);
    return type == "application/json" || type == "text/json" ||
           (type.size() > 5 && type.compare(type.size() - 5, 5, "+json") == 0);
}

std::optional<std::string> JsonBodyCheck::problem(const std::string& body, int maxDepth) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const std::size_t n = body.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (c >= 0x80) {
            // UTF-8: lead byte, then 1-3 continuation bytes; no overlongs,
            // no surrogates, nothing above U+10FFFF (RFC 3629).
            std::size_t extra = 0;
            unsigned char lowest = 0x80, highest = 0xBF; // bounds of the first continuation byte
            if (c >= 0xC2 && c <= 0xDF) extra = 1;
            else if (c == 0xE0) { extra = 2; lowest = 0xA0; }
            else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) extra = 2;
            else if (c == 0xED) { extra = 2; highest = 0x9F; }
            else if (c == 0xF0) { extra = 3; lowest = 0x90; }
            else if (c >= 0xF1 && c <= 0xF3) extra = 3;
            else if (c == 0xF4) { extra = 3; highest = 0x8F; }
            else return "invalid UTF-8 at byte " + std::to_string(i);
            if (i + extra >= n) return "invalid UTF-8 at byte " + std::to_string(i) + " (cut-off sequence)";
            for (std::size_t k = 1; k <= extra; ++k) {
                const auto next = static_cast<unsigned char>(body[i + k]);
                const unsigned char lo = k == 1 ? lowest : 0x80;
                const unsigned char hi = k == 1 ? highest : 0xBF;
                if (next < lo || next > hi) return "invalid UTF-8 at byte " + std::to_string(i + k);
            }
            i += extra;
            escaped = false;
            continue;
        }
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (maxDepth > 0 && ++depth > maxDepth)
                return "JSON nested deeper than " + std::to_string(maxDepth) + " levels at byte " + std::to_string(i);
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        }
    }
    return std::nullopt;
}

} // namespace jobhost::host
