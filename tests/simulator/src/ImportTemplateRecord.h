// ImportTemplateRecord.h — jobhost postup-sim: an import template.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// postup-api.md §10.1. Plain value type.
struct ImportTemplateRecord {
  std::int64_t importTemplateId = 0;
  std::string title;
  std::string type = "NORMAL";               ///< NORMAL or UNSUB
  std::string delimiter = "Comma Separated"; ///< Comma/Semicolon Separated, Tab/Pipe Delimited
  std::string columnNames = "Recips.ADDRESS";
  std::string channel = "E";
  int active = 1;
  bool confirmed = false;
  std::optional<std::int64_t> sendTemplateId;
  std::string sourceDescription;
  std::string signupMethod = "Web Import";
  std::vector<std::int64_t> listIds;
  std::vector<std::int64_t> purgeListIds;
  std::vector<std::int64_t> suppressionListIds;
  std::string watchDirectory;
};

} // namespace jobhost::sim
