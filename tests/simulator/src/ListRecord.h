// ListRecord.h — jobhost postup-sim: a subscriber list.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// List fields of postup-api.md §5.1 (listCount is computed when served).
/// Plain value type.
struct ListRecord {
  std::int64_t listId = 0;
  std::string title;
  std::string friendlyTitle;
  std::string description;
  bool populated = true;
  bool publicSignup = false;
  bool globalUnsub = false;
  std::string query;
  std::optional<std::int64_t> categoryId;
  std::string blockDomains;
  std::optional<std::int64_t> seedListId;
  std::string createTime;
  std::string creator;
  std::optional<std::string> externalId;
  std::string custom1;
  std::string channel = "E";
  bool countRecips = true;
  std::vector<std::int64_t> brandIds;
  bool testMessageList = false;
};

} // namespace jobhost::sim
