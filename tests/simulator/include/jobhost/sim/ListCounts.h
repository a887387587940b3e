// ListCounts.h — jobhost postup-sim: member counts of one list (ground truth).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace jobhost::sim {

/// Counts by effective status: normal = list NORMAL and global NORMAL;
/// unsub = list UNSUB or global UNSUB/OPTOUT; held = list NORMAL and global
/// HELD/BLOCKED/MARKED; total = all memberships. Plain value type.
struct ListCounts {
  std::int64_t listId = 0;
  std::int64_t normal = 0;
  std::int64_t unsub = 0;
  std::int64_t held = 0;
  std::int64_t total = 0;
};

} // namespace jobhost::sim
