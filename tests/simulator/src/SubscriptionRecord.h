// SubscriptionRecord.h — jobhost postup-sim: one list membership.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace jobhost::sim {

/// List membership (postup-api.md §7.1); listStatus is NORMAL or UNSUB.
/// globalStatus is filled from the recipient when served. Plain value type.
struct SubscriptionRecord {
  std::int64_t recipientId = 0;
  std::int64_t listId = 0;
  std::string listStatus = "NORMAL";
  std::string dateJoined;
  std::optional<std::string> dateUnsub;
  std::optional<std::int64_t> mailingId;
  std::string sourceId;
  bool confirmed = false;
};

} // namespace jobhost::sim
