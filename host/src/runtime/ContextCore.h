// jobhost host — ContextCore.h
// The data every plugin context of one call shares: config, credentials,
// transport, logger, clock, cancellation and the committed job state.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "jobhost/sdk/ExportJob.h"
#include "jobhost/sdk/ImportJob.h"
#include "jobhost/sdk/JobContext.h"
#include "runtime/RunObserver.h"
#include "transport/Clock.h"

namespace jobhost::host {

/// Owned by the runner for the duration of one plugin call. Thread-safe:
/// the mutable parts (committed state) are guarded; the rest is read-only.
/// Never throws from its accessors.
class ContextCore {
public:
    struct Settings {
        std::string configJson = "{}";
        sdk::Credentials credentials;
        std::string hostName;
        std::shared_ptr<sdk::HttpTransport> pTransport; ///< must not be null
        std::shared_ptr<sdk::Logger> pLogger;           ///< must not be null
        std::shared_ptr<Clock> pClock;                  ///< must not be null
        CancelCheck cancelled;                          ///< empty = never cancelled
        RunObserver* pObserver = nullptr;
        std::string committedState;                     ///< state at the start of the call
    };

    explicit ContextCore(Settings settings);

    const std::string& configJson() const { return _settings.configJson; }
    const sdk::Credentials& credentials() const { return _settings.credentials; }
    const std::string& hostName() const { return _settings.hostName; }
    sdk::HttpTransport& http() { return *_settings.pTransport; }
    sdk::Logger& logger() { return *_settings.pLogger; }
    /// Wall-clock ms since the epoch from the injected clock.
    std::int64_t nowMs() const { return _settings.pClock->epochMs(); }
    bool cancelled() const;
    std::string committedState() const;
    void setCommittedState(const std::string& state);
    void progress(std::uint64_t done, std::uint64_t total, const std::string& unit);
    RunObserver* observer() const { return _settings.pObserver; }

private:
    Settings _settings;
    mutable std::mutex _mutex;
    std::string _committedState;
};

/// Implements sdk::JobContext on top of a ContextCore for any context
/// interface `Base` (JobContext, ImportContext, ExportContext).
template <typename Base>
class JobContextAdapter : public Base {
public:
    explicit JobContextAdapter(ContextCore& core) : _core(core) {}

    const std::string& configJson() const override { return _core.configJson(); }
    const sdk::Credentials& credentials() const override { return _core.credentials(); }
    const std::string& hostName() const override { return _core.hostName(); }
    sdk::HttpTransport& http() override { return _core.http(); }
    sdk::Logger& logger() override { return _core.logger(); }
    std::int64_t nowMs() const override { return _core.nowMs(); }
    bool cancelled() const override { return _core.cancelled(); }
    std::string loadState() const override { return _core.committedState(); }
    void progress(std::uint64_t done, std::uint64_t total, const std::string& unit) override { _core.progress(done, total, unit); }

protected:
    ContextCore& _core;
};

} // namespace jobhost::host
