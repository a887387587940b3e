// jobhost postup plugin — EmailAddress.h
// Client-side email syntax check, so each invalid row is attributed exactly.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::plugins::postup {

/// PostUp reports invalid import rows only as a count (`invalidRemoved`), so
/// the export job checks every address before it becomes a row and rejects
/// the bad ones itself. The rule is PostUp's address syntax as the simulator
/// implements it (postup-api.md §10.2): one '@', a local part of at most 64
/// characters from letters, digits and !#$%&'*+/=?^_`{|}~-. without leading,
/// trailing or doubled dots, and a dotted domain of letters, digits and
/// hyphens whose last label is at least two letters. Stateless; thread-safe;
/// never throws.
class EmailAddress {
public:
    /// Surrounding whitespace removed (what the row will carry).
    static std::string trimmed(const std::string& address);
    /// True when `address` (already trimmed) is acceptable; otherwise false
    /// with `reason` set to a short explanation ("no '@'", "empty domain", ...).
    static bool isValid(const std::string& address, std::string& reason);
};

} // namespace jobhost::plugins::postup
