// CustomFieldRecord.h — jobhost postup-sim: a custom demographic field definition.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace jobhost::sim {

/// postup-api.md §8. Plain value type.
struct CustomFieldRecord {
  std::int64_t customFieldId = 0;
  std::string title;
  bool active = true;
  std::string type = "TEXT_SHORT";
};

} // namespace jobhost::sim
