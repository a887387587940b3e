// jobhost host — CommandContext.h
// What a CLI verb gets: output streams and the host's locations and services.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "plugins/PluginRegistry.h"
#include "runtime/RuntimeServices.h"
#include "runtime/TransportFactory.h"
#include "security/SecretBox.h"
#include "store/Store.h"
#include "store/StoreLocation.h"

namespace jobhost::host {

/// Paths every part of the host agrees on.
struct HostPaths {
    std::string dataDirectory;     ///< store file, key file, console token (default ./.jobhost or $JOBHOST_HOME)
    std::string pluginDirectory;   ///< where plugin .so files are loaded from
    std::string manifestDirectory; ///< where provider manifests are read from
    /// --store / $JOBHOST_STORE: a SQLite file or postgresql://…; empty:
    /// <dataDirectory>/jobhost.db. `storeSource` names where it came from.
    std::string store;
    std::string storeSource = "--store";

    /// The store location these paths name. Throws ConfigException naming
    /// the option or variable for a malformed URL.
    StoreLocation storeLocation() const;
};

/// Owned by CliApplication for the duration of one command. Services are
/// created lazily on first use, so `jobhost validate` never loads plugin code
/// and `jobhost plugins` never opens the store. Not thread-safe.
class CommandContext {
public:
    CommandContext(HostPaths paths, std::ostream& out, std::ostream& err);
    ~CommandContext();

    std::ostream& out() { return _out; }
    std::ostream& err() { return _err; }
    const HostPaths& paths() const { return _paths; }

    /// Manifests and plugins loaded (plugin code runs). Load errors are kept
    /// per provider, not thrown.
    PluginRegistry& plugins();
    /// Manifests read only; no plugin code runs.
    PluginRegistry& manifests();
    /// The store of paths().storeLocation() (default <dataDirectory>/jobhost.db),
    /// opened (and migrated) on first use. Throws StoreException when it is unusable.
    Store& store();
    /// The secret box under the key from JOBHOST_SECRET_KEY or
    /// <dataDirectory>/secret.key (created on first use). Throws
    /// ConfigException for a bad key or key file.
    SecretBox& secrets();
    /// Store, plugins (loaded), secrets, system clock and randomness, and an
    /// HTTP transport factory, bundled for JobRunner/Scheduler/verifiers.
    RuntimeServices& runtime();

private:
    HostPaths _paths;
    std::ostream& _out;
    std::mutex _outMutex; ///< serialises lines written from runner threads
    std::ostream& _err;
    std::unique_ptr<PluginRegistry> _pPlugins;
    std::unique_ptr<PluginRegistry> _pManifests;
    std::unique_ptr<Store> _pStore;
    std::unique_ptr<SecretBox> _pSecrets;
    std::unique_ptr<TransportFactory> _pTransports;
    std::unique_ptr<RuntimeServices> _pRuntime;
};

} // namespace jobhost::host
