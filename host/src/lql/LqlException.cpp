// LqlException.cpp — jobhost lql: the base of every error the expression engine raises.
// SPDX-License-Identifier: Apache-2.0
#include "lql/LqlException.h"

#include <typeinfo>

namespace jobhost::host::lql {

POCO_IMPLEMENT_EXCEPTION(LqlException, Poco::RuntimeException, "LQL error")

} // namespace jobhost::host::lql
