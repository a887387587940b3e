// DateParserFuzzer.cpp — libFuzzer target: the lenient date parsers and the TZif zone reader.
// lql::DateParser never throws (nullopt on failure) and its results format
// back; PostupDate reads report times in a zone and never throws; TZif
// bytes of any kind either load or give nullptr (the zone reader's
// documented failure), and a loaded zone answers for any instant.
// SPDX-License-Identifier: Apache-2.0
#include "FuzzInput.h"

#include <cstdint>

#include "client/PostupDate.h"
#include "client/TimeZone.h"
#include "lql/DateParser.h"

namespace {

using jobhost::host::lql::DateParser;
using jobhost::host::lql::TimeMs;
namespace postup = jobhost::plugins::postup;

void formatBack(const std::optional<TimeMs>& t) {
    if (t) (void)DateParser::formatRfc3339(*t);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const jobhost::fuzz::FuzzInput input(data, size);
    const std::string text = input.text();
    const TimeMs now{1764547200000};
    formatBack(DateParser::parseAny(text));
    formatBack(DateParser::parseDateMath(text, now));
    formatBack(DateParser::parseWithNow(text, now));
    auto [layout, value] = input.splitAtNewline();
    formatBack(DateParser::parseLayout(layout, value));

    static const auto chicago = postup::TimeZone::usCentral();
    static const auto utc = postup::TimeZone::utc();
    if (auto ms = postup::PostupDate::parseMs(text)) (void)postup::PostupDate::formatIsoUtc(*ms);
    (void)postup::PostupDate::parseMs(text, *chicago);
    (void)postup::PostupDate::parseMs(text, *utc);

    if (auto zone = postup::TimeZone::fromTzif("fuzz", input.bytes)) {
        for (std::int64_t seconds : {std::int64_t{0}, now.ms / 1000, std::int64_t{-2208988800}, std::int64_t{4102444800},
                                     std::int64_t{INT64_MIN / 2}, std::int64_t{INT64_MAX / 2}}) {
            (void)zone->offsetAt(seconds);
            (void)zone->utcFromLocal(seconds);
        }
        (void)postup::PostupDate::parseMs("2026-03-08 02:30:00", *zone);
    }
    return 0;
}
