// jobhost postup tests — SimHarness.h
// The in-process simulator plus transport, config and run helpers.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "DirectHttpTransport.h"
#include "MemoryImportContext.h"
#include "MemoryStore.h"
#include "RecordingTransport.h"
#include "jobhost/sdk/Outcome.h"
#include "jobhost/sim/SimulatorServer.h"

namespace jobhost::plugins::postup::test {

/// Owns a started SimulatorServer and the transport the plugin uses — the
/// host's PocoHttpTransport (with a ManualClock, so backoff sleeps are
/// instant) when the build has it (JOBHOST_POSTUP_HOST_TRANSPORT), else the
/// DirectHttpTransport — wrapped in a RecordingTransport, and builds configs
/// and contexts pointing at them.
/// Not thread-safe (one test thread).
class SimHarness {
public:
    /// Frozen clock used by the tests: 2024-06-01 12:00 Central (17:00 UTC).
    static constexpr std::int64_t kNowSeconds = 1717261200;

    explicit SimHarness(sim::SimulatorOptions options);
    ~SimHarness();

    sim::SimulatorServer& server() { return *_pServer; }
    RecordingTransport& transport() { return *_pRecorder; }
    /// "host" or "direct": which transport the plugin talks through.
    static const char* transportName();

    /// Job config JSON for the simulator; `extra` is spliced in as more
    /// members (e.g. "\"page_size\":50").
    std::string config(const std::string& extra = "") const;
    sdk::Credentials credentials(const std::string& user = "api@example.com", const std::string& password = "secret") const;

    /// One run of a fresh PostupImportJob against `store` at `nowMs`
    /// (default: the simulator's now). `setup` may tweak the context first.
    sdk::Outcome runOnce(MemoryStore& store, std::int64_t nowMs = 0,
                         const std::function<void(MemoryImportContext&)>& setup = {},
                         const std::string& config = "", const sdk::Credentials* credentials = nullptr);
    /// Runs until the outcome is not Retry (at most `maxRuns` runs), like the
    /// host's run-level retries; returns the last outcome.
    sdk::Outcome runToCompletion(MemoryStore& store, std::int64_t nowMs = 0, int maxRuns = 20, const std::string& config = "");

    /// GET of a /_sim/ route, parsed.
    Poco::Dynamic::Var simGet(const std::string& path);
    /// Natural keys the activity stream must hold at `nowMs` (window 90 days).
    std::set<std::string> expectedActivityKeys(std::int64_t nowMs, int windowDays = 90);
    /// Mailing ids whose scheduled time lies in the window.
    std::set<std::int64_t> mailingsInWindow(std::int64_t nowMs, int windowDays = 90);
    /// Total memberships over all lists.
    std::int64_t totalMemberships();

    std::int64_t nowMs() const { return _pServer->now() * 1000; }

private:
    std::unique_ptr<sim::SimulatorServer> _pServer;
    std::unique_ptr<DirectHttpTransport> _pTransport;   ///< /_sim/ calls (and the plugin's, without the host transport)
    std::shared_ptr<sdk::HttpTransport> _pPluginTransport;
    std::unique_ptr<RecordingTransport> _pRecorder;
};

} // namespace jobhost::plugins::postup::test
