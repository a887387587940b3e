// MailingRecord.h — jobhost postup-sim: a mailing and its derived activity sizes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// Mailing fields of postup-api.md §9.2 plus the activity row counts that
/// the reports derive from the seed. `scheduled` is epoch seconds UTC and
/// `scheduledText` the served text (mixed formats). Plain value type.
struct MailingRecord {
  std::int64_t mailingId = 0;
  std::int64_t campaignId = 0;
  std::string title;
  std::int64_t brandId = 1;
  std::string channel = "E";
  std::vector<std::int64_t> listIds;
  std::string status = "NEW";
  std::string subject;
  std::string fromEmail;
  std::string fromName;
  std::optional<std::int64_t> scheduled;
  std::optional<std::string> scheduledText;
  std::optional<std::string> externalId;
  std::string clickTrackType = "ALL";
  std::string openTrackType = "HTML";
  std::int64_t targeted = 0;
  std::int64_t opens = 0;   ///< OPEN rows (includes repeat opens)
  std::int64_t clicks = 0;  ///< CLICK rows (unique per recipient)
  std::int64_t hard = 0;
  std::int64_t soft = 0;
};

} // namespace jobhost::sim
