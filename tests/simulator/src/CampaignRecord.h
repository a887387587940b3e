// CampaignRecord.h — jobhost postup-sim: a campaign.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace jobhost::sim {

/// Campaign fields of postup-api.md §9.1. Plain value type.
struct CampaignRecord {
  std::int64_t campaignId = 0;
  std::string title;
  std::optional<std::string> externalId;
  std::optional<std::string> comment;
  std::string createTime;
};

} // namespace jobhost::sim
