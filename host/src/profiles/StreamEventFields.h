// StreamEventFields.h — jobhost profiles: decodes a stored stream event's fields.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>

namespace jobhost::host::profiles {

// Turns stream_events.fields (StreamFieldsCodec's binary form, or the JSON
// text older stores hold: an array of [name, value] string pairs in emit
// order, or an object) into the flat event the mapper reads. Later duplicates of a name win. Stateless, thread-safe; never
// throws: malformed text gives the pairs decoded so far (an empty event at
// worst), so one bad row cannot stop the builder.
class StreamEventFields {
public:
    static std::map<std::string, std::string> decode(const std::string& json);
};

} // namespace jobhost::host::profiles
