// ActivityRow.h — jobhost postup-sim: one row of a per-mailing activity report.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace jobhost::sim {

/// One report row as served in the TSV download (time is Central,
/// "yyyy-MM-dd HH:mm:ss"). url/linkId only for CLICK, bounceType/bounceCode
/// only for HARD/SOFT/BOUNCE. Plain value type.
struct ActivityRow {
  std::int64_t recipientId = 0;
  std::string address;
  std::optional<std::string> externalId;
  std::string time;
  std::string url;
  int linkId = 0;
  std::string bounceType;
  std::string bounceCode;
};

} // namespace jobhost::sim
