// StoredRecordFuzzer.cpp — libFuzzer target: the binary forms read back from the store.
// A damaged store row must never crash the builder or the console:
// ProfileCodec::decode either gives a profile that encodes and decodes to
// the same bytes, or throws ProfileException (nothing else);
// StreamFieldsCodec never throws — what it accepts re-encodes to bytes that
// read back as the same pairs, and a coded form expands to a self-contained
// one it accepts;
// StreamEventFields (the builder's reader of every form) never throws.
// SPDX-License-Identifier: Apache-2.0
#include "FuzzInput.h"

#include <cstdint>
#include <cstdlib>

#include "profiles/ProfileCodec.h"
#include "profiles/ProfileException.h"
#include "profiles/StreamEventFields.h"
#include "store/StreamFieldsCodec.h"

namespace {

using jobhost::host::StreamFieldsCodec;
namespace profiles = jobhost::host::profiles;

void check(bool ok) {
    if (!ok) std::abort(); // a broken invariant is a finding
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const jobhost::fuzz::FuzzInput input(data, size);
    const std::string bytes = input.text();

    try {
        const profiles::Profile p = profiles::ProfileCodec::decode(bytes);
        const std::string again = profiles::ProfileCodec::encode(p);
        check(profiles::ProfileCodec::encode(profiles::ProfileCodec::decode(again)) == again);
        (void)p.toPlainJson();
    } catch (const profiles::ProfileException&) {
        // the documented refusal of damaged bytes
    }

    StreamFieldsCodec::Fields fields;
    if (StreamFieldsCodec::decode(bytes, fields)) {
        // What it accepts re-encodes to bytes that read back as the same
        // pairs (an overlong varint is accepted, so the bytes may differ).
        StreamFieldsCodec::Fields again;
        check(StreamFieldsCodec::decode(StreamFieldsCodec::encode(fields), again) && again == fields);
    }
    static const std::vector<std::string> names{"recipientId", "event_type", "", "address"};
    std::string expanded;
    if (StreamFieldsCodec::expandCoded(bytes, names, expanded)) {
        StreamFieldsCodec::Fields back;
        check(StreamFieldsCodec::decode(expanded, back));
    }
    (void)profiles::StreamEventFields::decode(bytes);
    return 0;
}
