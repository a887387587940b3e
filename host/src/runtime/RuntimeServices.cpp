// jobhost host — RuntimeServices.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/RuntimeServices.h"

#include <unistd.h>

#include <Poco/Environment.h>

namespace jobhost::host {

std::string RuntimeServices::currentHostName() { return Poco::Environment::nodeName(); }

std::string RuntimeServices::currentWorker() { return currentHostName() + ":" + std::to_string(::getpid()); }

} // namespace jobhost::host
