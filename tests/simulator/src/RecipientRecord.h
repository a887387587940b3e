// RecipientRecord.h — jobhost postup-sim: a recipient as stored or derived.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::sim {

/// Recipient fields of postup-api.md §6.1. Date fields hold text exactly as
/// served (seeded ones use the mixed §3 formats). An empty optional means the
/// field is absent from the JSON ("missing optional field"). Plain value type.
struct RecipientRecord {
  std::int64_t recipientId = 0;
  std::string address;
  std::optional<std::string> externalId;
  std::string channel = "E";
  char status = 'N';
  std::optional<std::string> comment;
  std::optional<std::string> sourceDescription;
  std::optional<std::string> signupMethod;
  std::optional<std::string> signupIP;
  std::optional<std::string> thirdPartySource;
  std::optional<std::string> thirdPartySignupDate;
  std::optional<std::string> sourceSignupDate;
  std::string dateJoined;
  std::optional<std::string> dateUnsub; ///< emitted as null when empty
  std::optional<std::int64_t> importId;
  std::optional<std::string> carrier;
  std::vector<std::pair<std::string, std::string>> demographics;
};

} // namespace jobhost::sim
