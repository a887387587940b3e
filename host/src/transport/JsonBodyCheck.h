// JsonBodyCheck.h — jobhost transport: cheap structural checks of a JSON response body before a plugin parses it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace jobhost::host {

/// One linear pass over a response body: is it valid UTF-8, and does its
/// JSON nesting (arrays/objects, outside strings) stay within a depth? It is
/// not a JSON validator — the plugin's parser still decides that — but it
/// keeps inputs that make recursive parsers blow the stack or that no JSON
/// parser may accept (RFC 8259 §8.1) away from plugin code. Stateless.
class JsonBodyCheck {
public:
    /// nullopt when fine, else what is wrong and at which byte offset,
    /// e.g. "invalid UTF-8 at byte 17". `maxDepth` 0 = depth not checked.
    static std::optional<std::string> problem(const std::string& body, int maxDepth);
    /// True when a Content-Type value names JSON (application/json, */*+json).
    static bool isJsonType(const std::string& contentType);
};

} // namespace jobhost::host
