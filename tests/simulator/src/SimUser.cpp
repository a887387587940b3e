// SimUser.cpp — jobhost postup-sim: one PostUp API user of the simulated site.
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/sim/SimUser.h"

namespace jobhost::sim {

bool SimUser::has(const std::string& privilege) const {
  return privileges.count("*") > 0 || privileges.count(privilege) > 0;
}

const std::vector<std::string>& SimUser::allPrivileges() {
  static const std::vector<std::string> all = {
      "IMPORT",          "IMPORT_STATUS",    "CREATE_LIST",        "LIST_LISTS",      "CREATE_IMPORT_TEMPLATE",
      "READ_SITE",       "READ_RECIPIENTS",  "READ_SUBSCRIPTIONS", "READ_CAMPAIGNS",  "READ_REPORTS",
      "READ_IMPORT_TEMPLATES", "UPDATE_LIST", "WRITE_RECIPIENTS",  "WRITE_SUBSCRIPTIONS", "WRITE_CUSTOM_FIELDS",
      "WRITE_CAMPAIGNS"};
  return all;
}

std::vector<SimUser> SimUser::defaults() {
  const std::set<std::string> reads = {"READ_SITE", "READ_RECIPIENTS", "READ_SUBSCRIPTIONS", "READ_CAMPAIGNS",
                                       "READ_REPORTS", "READ_IMPORT_TEMPLATES"};
  std::set<std::string> lytics = reads;
  lytics.insert({"IMPORT", "IMPORT_STATUS", "CREATE_LIST", "LIST_LISTS", "CREATE_IMPORT_TEMPLATE"});
  std::set<std::string> readonly = reads;
  readonly.insert("LIST_LISTS");
  return {SimUser{"api@example.com", "secret", {"*"}}, SimUser{"lytics@example.com", "secret", lytics},
          SimUser{"readonly@example.com", "secret", readonly}, SimUser{"noperms@example.com", "secret", {}}};
}

} // namespace jobhost::sim
