// MutationRecord.h — jobhost postup-sim: one mutating request the server received.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace jobhost::sim {

/// A non-GET request to the PostUp surface (not /_sim/). `body` holds at most
/// the first 4096 bytes; `fault` names the injected fault or is empty.
/// `time` is the simulated clock (Central, canonical format). Plain value type.
struct MutationRecord {
  std::int64_t sequence = 0;
  std::string method;
  std::string path;
  std::string query;
  std::string body;
  std::string time;
  std::int64_t wallMillis = 0;
  int status = 0;
  std::string fault;
};

} // namespace jobhost::sim
