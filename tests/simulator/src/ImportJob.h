// ImportJob.h — jobhost postup-sim: one POST /import and its outcome.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// Import status and counters (postup-api.md §10.2 PROP shape). `rows` is
/// released once processed. Plain value type.
struct ImportJob {
  std::int64_t importId = 0;
  std::int64_t importTemplateId = 0;
  std::string status = "OPEN";
  std::string startTime;
  std::optional<std::string> endTime;
  std::vector<std::string> rows;
  std::vector<std::int64_t> listIds;
  std::optional<std::int64_t> sendTemplateId;
  std::chrono::steady_clock::time_point due;
  int polls = 0;
  std::int64_t totalRecords = 0;
  std::int64_t newRecords = 0;
  std::int64_t updatedRecords = 0;
  std::int64_t invalidRemoved = 0;
  std::int64_t invalidFixed = 0;
  std::int64_t purged = 0;
  std::int64_t suppressed = 0;
  std::int64_t blockedDomain = 0;
  std::int64_t blockedStopWord = 0;
  std::int64_t pendingReview = 0;
  std::int64_t notFound = 0; ///< UNSUB imports: addresses with no recipient
};

} // namespace jobhost::sim
