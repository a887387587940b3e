// ActivityKind.cpp — jobhost postup-sim: the report types of ExternalDownload.do.
// SPDX-License-Identifier: Apache-2.0
#include "ActivityKind.h"

#include <Poco/String.h>

namespace jobhost::sim {

std::optional<ActivityKind> ActivityKinds::parse(const std::string& name) {
  const std::string n = Poco::toUpper(name);
  if (n == "OPEN") return ActivityKind::Open;
  if (n == "CLICK") return ActivityKind::Click;
  if (n == "HARD") return ActivityKind::Hard;
  if (n == "SOFT") return ActivityKind::Soft;
  if (n == "BOUNCE") return ActivityKind::Bounce;
  return std::nullopt;
}

const char* ActivityKinds::name(ActivityKind kind) {
  switch (kind) {
  case ActivityKind::Open: return "OPEN";
  case ActivityKind::Click: return "CLICK";
  case ActivityKind::Hard: return "HARD";
  case ActivityKind::Soft: return "SOFT";
  case ActivityKind::Bounce: return "BOUNCE";
  }
  return "?";
}

const char* ActivityKinds::header(ActivityKind kind) {
  switch (kind) {
  case ActivityKind::Open: return "RecipID\tAddress\tExternalID\tOpenTime\r\n";
  case ActivityKind::Click: return "RecipID\tAddress\tExternalID\tClickTime\tURL\tLinkID\r\n";
  default: return "RecipID\tAddress\tExternalID\tBounceTime\tBounceType\tBounceCode\r\n";
  }
}

} // namespace jobhost::sim
