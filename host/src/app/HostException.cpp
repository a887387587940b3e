// jobhost host — HostException.cpp
// SPDX-License-Identifier: Apache-2.0
#include "app/HostException.h"

#include <typeinfo>

namespace jobhost::host {

POCO_IMPLEMENT_EXCEPTION(HostException, Poco::RuntimeException, "Host error")
POCO_IMPLEMENT_EXCEPTION(ConfigException, HostException, "Configuration error")
POCO_IMPLEMENT_EXCEPTION(UsageException, HostException, "Usage error")
POCO_IMPLEMENT_EXCEPTION(ManifestException, HostException, "Manifest error")
POCO_IMPLEMENT_EXCEPTION(PluginLoadException, HostException, "Plugin load error")
POCO_IMPLEMENT_EXCEPTION(PluginAbiException, PluginLoadException, "Plugin ABI mismatch")
POCO_IMPLEMENT_EXCEPTION(StoreException, HostException, "Store error")
POCO_IMPLEMENT_EXCEPTION(NotFoundException, HostException, "Not found")

} // namespace jobhost::host
