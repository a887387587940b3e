// FieldSource.h — jobhost lql: where an evaluation reads identifiers from.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Value.h"

#include <map>
#include <string>

namespace jobhost::host::lql {

// Read access to named values (a raw event, or a profile). Implementations
// must be safe to call concurrently when used as const from several threads.
class FieldSource {
public:
    virtual ~FieldSource() = default;
    // The value of a field, or a nil Value when the field is missing.
    // Never throws for unknown names.
    virtual Value get(const std::string& name) const = 0;
};

// A flat event: every field is a string value. Holds a reference: the map
// must outlive this object.
class EventFieldSource : public FieldSource {
public:
    explicit EventFieldSource(const std::map<std::string, std::string>& fields)
        : _fields(fields)
    {
    }
    Value get(const std::string& name) const override
    {
        auto it = _fields.find(name);
        return it == _fields.end() ? Value() : Value(it->second);
    }

private:
    const std::map<std::string, std::string>& _fields;
};

} // namespace jobhost::host::lql
