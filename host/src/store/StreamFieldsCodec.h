// StreamFieldsCodec.h — jobhost store: the compact binary form of a stream event's fields.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::host {

// The binary forms of an event's [name, value] pairs, in emit order:
//  * self-contained (what StreamEvent::fields carries in memory): a 0x00
//    byte (JSON text never starts with one), a varint count, then per pair
//    the varint length and bytes of the name and of the value — a quarter
//    smaller than JSON text and read without escaping rules;
//  * coded (what stream_events.fields holds since schema 7): a 0x01 byte,
//    a varint count, then per pair the name's varint code in the stream's
//    dictionary (stream_field_names) and the value's length and bytes —
//    field names were a third of a stored event.
// The JSON array text `[["name","value"],...]` of older stores is read as
// it is (profiles::StreamEventFields tells the forms apart).
// Stateless and thread-safe.
class StreamFieldsCodec {
public:
    using Fields = std::vector<std::pair<std::string, std::string>>;

    static std::string encode(const Fields& fields);
    // True for the binary form (false for JSON text and empty input).
    static bool isBinary(const std::string& bytes) { return !bytes.empty() && bytes.front() == '\0'; }
    // Appends the pairs of a binary form to out, in order. Returns false
    // when the bytes are malformed (truncated, a length beyond the end,
    // bytes after the last pair); out then holds the pairs read before the
    // damage. Never throws.
    static bool decode(const std::string& bytes, Fields& out);

    // The coded form: code(name) gives each name's code.
    template <typename CodeOf>
    static std::string encodeCoded(const Fields& fields, CodeOf code);
    static bool isCoded(const std::string& bytes) { return !bytes.empty() && bytes.front() == '\1'; }
    // The self-contained form of a coded one, names[code] naming each code.
    // Returns false when the bytes are malformed or name an unknown code;
    // out then holds the self-contained form of the pairs before the damage.
    static bool expandCoded(const std::string& coded, const std::vector<std::string>& names, std::string& out);

private:
    static void putVarint(std::string& out, std::uint64_t v);
};

template <typename CodeOf>
std::string StreamFieldsCodec::encodeCoded(const Fields& fields, CodeOf code)
{
    std::string out;
    out.push_back('\1');
    putVarint(out, fields.size());
    for (const auto& [name, value] : fields) {
        putVarint(out, code(name));
        putVarint(out, value.size());
        out.append(value);
    }
    return out;
}

} // namespace jobhost::host
