// jobhost host — ApiException.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ApiException.h"

#include <typeinfo>

namespace jobhost::host {

ApiException::ApiException(int status, const std::string& message, std::string field)
    : HostException(message), _status(status), _field(std::move(field)) {}

const char* ApiException::name() const noexcept { return "API error"; }
const char* ApiException::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* ApiException::clone() const { return new ApiException(*this); }
void ApiException::rethrow() const { throw *this; }

} // namespace jobhost::host
