// SimUser.h — jobhost postup-sim: one PostUp API user of the simulated site.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>
#include <vector>

namespace jobhost::sim {

/// A PostUp login with its password and privilege names (see README.md for the
/// catalogue; "*" grants everything). Plain value type, no thread-safety concerns.
struct SimUser {
  std::string login;
  std::string password;
  std::set<std::string> privileges;

  /// True when the user holds `privilege` or "*".
  bool has(const std::string& privilege) const;

  /// The default user set: api@example.com (*), lytics@example.com (the five
  /// Lytics operations + READ_*), readonly@example.com (READ_* + LIST_LISTS),
  /// noperms@example.com (none). All passwords are "secret".
  static std::vector<SimUser> defaults();

  /// Every privilege name the simulator checks, in catalogue order.
  static const std::vector<std::string>& allPrivileges();
};

} // namespace jobhost::sim
