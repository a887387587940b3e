// jobhost host — FormErrors.h
// Collects validation problems of a console request body.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

namespace jobhost::host {

/// Problems as "<field>: <what>" lines, in the order found. Secret values
/// registered with mask() are replaced by "***" in every line. Not
/// thread-safe (one per request).
class FormErrors {
public:
    void add(const std::string& field, const std::string& what);
    /// A line already in "<field>: <what>" form (ConfigSchema errors).
    void addLine(const std::string& line);
    /// Never show `value` (a secret given in the body) in a message.
    void mask(const Poco::Dynamic::Var& value);
    /// A string member; "" when absent (and a "required" problem when
    /// `required`), a problem when not a string.
    std::string text(const Poco::JSON::Object::Ptr& o, const std::string& key, bool required, const std::string& prefix = {});
    /// Adds a problem per member of `o` not in `allowed`.
    void refuseUnknown(const Poco::JSON::Object::Ptr& o, const std::string& prefix, const std::set<std::string>& allowed);
    bool empty() const { return _lines.empty(); }
    /// Throws ApiException(400): message = every line joined by "; ",
    /// field = the first line's field. No-op when empty.
    void raiseIfAny() const;

private:
    std::vector<std::string> _lines;
    std::vector<std::string> _masked;
};

} // namespace jobhost::host
