// LqlException.h — jobhost lql: the base of every error the expression engine raises.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Exception.h>

namespace jobhost::host::lql {

// Raised by the LQL/FilterQL engine: a bad mapping or FilterQL text
// (ParseException), a duplicate query ALIAS, an unreadable mapping file, a
// value read as the wrong type. Derives from Poco::RuntimeException so the
// host's main() maps it like other host errors.
POCO_DECLARE_EXCEPTION(, LqlException, Poco::RuntimeException)

} // namespace jobhost::host::lql
