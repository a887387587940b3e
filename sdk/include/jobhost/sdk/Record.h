// jobhost SDK — Record.h
// One event a plugin emits into a stream. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::sdk {

/// A flat event: ordered string fields, the event time and a natural key.
/// The host stores at most one record per (stream, naturalKey): emitting the
/// same natural key again (a re-read report) is ignored, so counters built
/// from the stream never double-count. An empty naturalKey disables that
/// de-duplication for the record.
struct Record {
    std::string naturalKey;
    std::int64_t eventTimeMs = 0; ///< when the event happened (ms since epoch); 0 = unknown (host uses ingest time)
    std::vector<std::pair<std::string, std::string>> fields;

    void set(std::string name, std::string value) { fields.emplace_back(std::move(name), std::move(value)); }
};

} // namespace jobhost::sdk
