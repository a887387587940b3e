// jobhost host — RuntimeServices.h
// What the runner and scheduler share: store, plugins, secrets, time.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "plugins/PluginRegistry.h"
#include "runtime/RunLogger.h"
#include "runtime/RunResult.h"
#include "runtime/TransportFactory.h"
#include "security/SecretBox.h"
#include "store/Store.h"
#include "transport/Clock.h"
#include "transport/RandomSource.h"

namespace jobhost::host {

/// Non-owning bundle of services plus a few settings. Every referenced
/// object must outlive the runners and schedulers built on it. The services
/// are thread-safe; the bundle itself is read-only after construction.
struct RuntimeServices {
    const Store& store;
    PluginRegistry& plugins;
    const SecretBox& secrets;
    TransportFactory& transports;
    std::shared_ptr<Clock> pClock;   ///< epochMs() is used for every stored time
    std::shared_ptr<RandomSource> pRandom;
    std::string hostName;            ///< sdk::JobContext::hostName()
    std::string worker;              ///< "host:pid", recorded on claims and runs
    RunLogger::Limits logLimits{};
    /// Called on the runner's thread after an import run that wrote records
    /// (whatever its status) or ended ok has been recorded — an ok run that
    /// wrote nothing may finish a killed run's committed work: this is where profiles and
    /// audiences catch up with the new stream events. Exceptions it throws
    /// are caught by the runner and reported to the run's observer; the run
    /// result is unaffected. Empty = nothing to do.
    std::function<void(const RunResult&)> afterImportRun{};
    /// How long a job run's claim holds without renewal (RunLease renews it
    /// every third of this, and at every checkpoint). A worker that dies
    /// leaves its runs to be taken over this long after its last renewal.
    std::int64_t runLeaseMs = 60000;

    /// "<node name>:<pid>" of this process.
    static std::string currentWorker();
    /// The machine's node name.
    static std::string currentHostName();
};

} // namespace jobhost::host
