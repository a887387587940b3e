// ProfileException.h — jobhost profiles: errors of the profile store and identity resolution.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Exception.h>

namespace jobhost::host::profiles {

// Base of every error raised by the profile side (bad stored profile data,
// identity index misuse). Errors of the expression engine itself (bad
// mapping, bad FilterQL) are lql::LqlException. Derives from
// Poco::RuntimeException so the host's main() maps it like other host errors.
POCO_DECLARE_EXCEPTION(, ProfileException, Poco::RuntimeException)

} // namespace jobhost::host::profiles
