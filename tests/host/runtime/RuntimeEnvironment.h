// tests/host/runtime — RuntimeEnvironment.h
// A temp data dir with a store (on the engine $JOBHOST_TEST_STORE asks for),
// the runtime fixture plugin, a secret box,
// a ManualClock and a fixed random source, wired into RuntimeServices.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "TempDirectory.h"
#include "plugins/PluginRegistry.h"
#include "runtime/ConfigApplier.h"
#include "runtime/JobRunner.h"
#include "runtime/RuntimeServices.h"
#include "security/SecretBox.h"
#include "store/Store.h"
#include "transport/FixedRandomSource.h"
#include "transport/ManualClock.h"

namespace jobhost::tests {

class RuntimeEnvironment {
public:
    static std::string jobhostExecutable;
    static std::string pluginDirectory;
    static std::string manifestDirectory;
    /// The canary secret the default config's authorization uses.
    static constexpr const char* Canary = "good-CANARY-7f3a9c";

    RuntimeEnvironment();

    /// Writes `json` to <dir>/config.json and applies it (FX_TOKEN = Canary).
    host::ApplyReport apply(const std::string& json);
    /// A config with authorization "fx" and one job `name` of `type` with `config` (a JSON object text).
    static std::string jobConfig(const std::string& name, const std::string& type, const std::string& config,
                                 const std::string& extra = "");
    std::string dataDirectory() const { return dir.file("data"); }
    std::string configFile() const { return dir.file("config.json"); }
    /// Arguments that point jobhost at this environment.
    std::vector<std::string> cliPrefix() const;
    /// Every byte of the store files (db, -wal, -shm) concatenated; on
    /// PostgreSQL every value of every table as text.
    std::string storeBytes() const;

    TempDirectory dir;
    /// What --store takes: <data>/jobhost.db, or a database of its own on
    /// the test run's PostgreSQL server ($JOBHOST_TEST_STORE=postgresql).
    std::string storeLocation;
    std::unique_ptr<host::Store> pStore;
    std::unique_ptr<host::PluginRegistry> pPlugins;
    std::unique_ptr<host::SecretBox> pBox;
    std::shared_ptr<host::ManualClock> pClock;
    std::shared_ptr<host::FixedRandomSource> pRandom;
    std::unique_ptr<host::TransportFactory> pTransports;
    std::unique_ptr<host::RuntimeServices> pServices;
};

} // namespace jobhost::tests
