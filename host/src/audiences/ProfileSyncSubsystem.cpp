// jobhost host — ProfileSyncSubsystem.cpp
// SPDX-License-Identifier: Apache-2.0
#include "audiences/ProfileSyncSubsystem.h"

#include <chrono>

#include <Poco/Exception.h>

#include "audiences/ProfileSync.h"

namespace jobhost::host::audiences {

ProfileSyncSubsystem::ProfileSyncSubsystem(const Store& store, const PluginRegistry& manifests, std::int64_t intervalMs,
                                           std::function<void(const std::string&)> report)
    : _store(store), _manifests(manifests), _intervalMs(intervalMs), _report(std::move(report)) {}

ProfileSyncSubsystem::~ProfileSyncSubsystem() { stop(); }

void ProfileSyncSubsystem::start() {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_thread.joinable()) return;
    _stopping = false;
    _thread = std::thread([this] { loop(); });
}

void ProfileSyncSubsystem::stop() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    if (_thread.joinable()) _thread.join();
}

void ProfileSyncSubsystem::loop() {
    std::string lastError;
    for (;;) {
        try {
            ProfileSync::Result r = ProfileSync::afterImport(_store, _manifests);
            if (r.build.events > 0 || r.definitions.enters + r.definitions.exits + r.time.enters + r.time.exits > 0)
                _report("profiles: " + std::to_string(r.build.events) + " events built, " + std::to_string(r.build.created) +
                        " profiles created; audience changes by definition " + std::to_string(r.definitions.enters) + " enters / " +
                        std::to_string(r.definitions.exits) + " exits, by clock " + std::to_string(r.time.enters) + " / " +
                        std::to_string(r.time.exits));
            if (r.needsRebuild && lastError != "rebuild") {
                _report("profiles: mappings changed since the profiles were built; run 'jobhost profiles rebuild'");
                lastError = "rebuild";
            }
        } catch (const Poco::Exception& e) {
            if (e.displayText() != lastError) _report("profiles: update failed (will retry): " + e.displayText());
            lastError = e.displayText();
        } catch (const std::exception& e) {
            if (e.what() != lastError) _report(std::string("profiles: update failed (will retry): ") + e.what());
            lastError = e.what();
        }
        std::unique_lock<std::mutex> lock(_mutex);
        if (_wake.wait_for(lock, std::chrono::milliseconds(_intervalMs), [this] { return _stopping; })) return;
    }
}

} // namespace jobhost::host::audiences
