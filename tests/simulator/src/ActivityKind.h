// ActivityKind.h — jobhost postup-sim: the report types of ExternalDownload.do.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace jobhost::sim {

/// OPEN, CLICK (unique), HARD, SOFT; BOUNCE = HARD rows followed by SOFT rows.
enum class ActivityKind { Open, Click, Hard, Soft, Bounce };

/// Name <-> kind conversion. Static, thread-safe.
class ActivityKinds {
public:
  /// Case-insensitive; returns empty for unknown names.
  static std::optional<ActivityKind> parse(const std::string& name);
  static const char* name(ActivityKind kind);
  /// TSV header row including CRLF.
  static const char* header(ActivityKind kind);
};

} // namespace jobhost::sim
