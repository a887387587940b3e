// jobhost host — ProfileSyncSubsystem.h
// `jobhost serve`: keeps profiles and audiences current on a timer.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "plugins/PluginRegistry.h"
#include "runtime/Subsystem.h"
#include "store/Store.h"

namespace jobhost::host::audiences {

/// Runs ProfileSync::afterImport every `intervalMs` on its own thread, so
/// audience definition changes (apply, console) and clock-based audiences
/// ("now-30d") are picked up even when no import runs; imports also trigger
/// it directly through RuntimeServices::afterImportRun. A failing pass is
/// reported through `report` and retried at the next tick. The store and
/// registry must outlive the subsystem; start()/stop() from one thread.
class ProfileSyncSubsystem : public Subsystem {
public:
    ProfileSyncSubsystem(const Store& store, const PluginRegistry& manifests, std::int64_t intervalMs,
                         std::function<void(const std::string&)> report);
    ~ProfileSyncSubsystem() override;

    std::string name() const override { return "profiles"; }
    void start() override;
    /// Stops after the pass in progress (passes are idempotent and transactional).
    void stop() override;

private:
    void loop();

    const Store& _store;
    const PluginRegistry& _manifests;
    std::int64_t _intervalMs;
    std::function<void(const std::string&)> _report;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread;
};

} // namespace jobhost::host::audiences
