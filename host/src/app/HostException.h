// jobhost host — HostException.h
// The host's exception hierarchy (Poco macros). Inside the host errors are
// exceptions; across the plugin boundary they are values (sdk::Outcome).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Exception.h>

namespace jobhost::host {

/// Base of every host error; displayText() is the operator-facing message.
POCO_DECLARE_EXCEPTION(, HostException, Poco::RuntimeException)
/// Bad configuration (declarative config, job config, a file a CLI argument names). Exit 78.
POCO_DECLARE_EXCEPTION(, ConfigException, HostException)
/// Wrong command-line arguments: one missing, malformed or out of place.
/// Exit 64; the CLI prints the message and the verb's usage line.
POCO_DECLARE_EXCEPTION(, UsageException, HostException)
/// A provider manifest that cannot be read or is invalid. Exit 78.
POCO_DECLARE_EXCEPTION(, ManifestException, HostException)
/// A plugin library that cannot be loaded. Exit 78.
POCO_DECLARE_EXCEPTION(, PluginLoadException, HostException)
/// A plugin whose ABI, info struct or build id does not match the host. Exit 78.
POCO_DECLARE_EXCEPTION(, PluginAbiException, PluginLoadException)
/// The store failed or its file is unusable (corrupt, newer schema).
POCO_DECLARE_EXCEPTION(, StoreException, HostException)
/// Something asked for does not exist (job, authorization, provider).
POCO_DECLARE_EXCEPTION(, NotFoundException, HostException)

} // namespace jobhost::host
