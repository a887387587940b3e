// ReportParserFuzzer.cpp — libFuzzer target: the streaming TSV report parser of ExternalDownload.do bodies.
// The parser's contract: write() never throws and takes the body in any
// chunking; finish() ends it; bad rows are counted, never fatal. The first
// input byte chooses the chunk size, so the fuzzer also explores lines,
// quotes and UTF-8 sequences split across writes.
// SPDX-License-Identifier: Apache-2.0
#include "FuzzInput.h"

#include <algorithm>

#include "client/ReportParser.h"
#include "client/TimeZone.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace postup = jobhost::plugins::postup;
    if (size == 0) return 0;
    const std::size_t chunk = 1 + data[0] % 64;
    const jobhost::fuzz::FuzzInput input(data + 1, size - 1);
    static const auto zone = postup::TimeZone::usCentral();
    std::uint64_t handled = 0;
    postup::ReportParser parser(
        [&handled](const postup::ReportRow& row) {
            handled += row.address.size() + row.url.size() + 1;
            return true;
        },
        zone);
    for (std::size_t at = 0; at < input.bytes.size(); at += chunk) {
        const std::size_t n = std::min(chunk, input.bytes.size() - at);
        if (!parser.write(input.bytes.data() + at, n)) break;
    }
    parser.finish();
    (void)parser.stats();
    // Keeps the row fields observed, so the compiler cannot drop their parsing.
    static volatile std::uint64_t sink = 0;
    sink = sink + handled;
    return 0;
}
