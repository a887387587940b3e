// ProfileException.cpp — jobhost profiles: errors of the profile store and identity resolution.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileException.h"

#include <typeinfo>

namespace jobhost::host::profiles {

POCO_IMPLEMENT_EXCEPTION(ProfileException, Poco::RuntimeException, "Profile error")

} // namespace jobhost::host::profiles
