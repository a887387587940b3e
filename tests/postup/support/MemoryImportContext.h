// jobhost postup tests — MemoryImportContext.h
// An sdk::ImportContext over a MemoryStore, with clock, cancel and crash knobs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "CapturingLogger.h"
#include "MemoryStore.h"
#include "jobhost/sdk/ImportJob.h"

namespace jobhost::plugins::postup::test {

/// One run's context. emit() buffers; checkpoint() commits the buffer and
/// the state to the store in one step (like the host). Records buffered when
/// the run ends are committed only by finish(ok) — as the host does for an
/// Ok outcome — and dropped otherwise.
///
/// Knobs: setNowMs() (the injected clock), cancel(), and
/// crashAfterCheckpoints(n): after the n-th successful checkpoint every
/// later checkpoint fails (its records are dropped) and cancelled() turns
/// true — a process killed right after checkpoint n, as far as the store can
/// tell. Thread-safe like the SDK promises.
class MemoryImportContext : public sdk::ImportContext {
public:
    MemoryImportContext(MemoryStore& store, sdk::HttpTransport& transport, std::string configJson,
                        sdk::Credentials credentials);

    const std::string& configJson() const override { return _config; }
    const sdk::Credentials& credentials() const override { return _credentials; }
    const std::string& hostName() const override { return _hostName; }
    sdk::HttpTransport& http() override { return _transport; }
    sdk::Logger& logger() override { return _logger; }
    std::int64_t nowMs() const override { return _nowMs.load(); }
    bool cancelled() const override { return _cancelled.load(); }
    std::string loadState() const override { return _store.state(); }
    void progress(std::uint64_t done, std::uint64_t total, const std::string& unit) override;
    bool emit(const std::string& stream, sdk::Record record) override;
    bool checkpoint(const std::string& state) override;

    void setNowMs(std::int64_t nowMs) { _nowMs = nowMs; }
    void cancel() { _cancelled = true; }
    void crashAfterCheckpoints(std::uint64_t n) { _crashAfter = n; }
    /// Ends the run: commits the buffer with the last state when `ok`.
    void finish(bool ok);

    std::uint64_t checkpoints() const { return _checkpoints.load(); }
    std::uint64_t emitted() const { return _emitted.load(); }
    std::string lastProgress() const;
    const CapturingLogger& log() const { return _logger; }

private:
    MemoryStore& _store;
    sdk::HttpTransport& _transport;
    std::string _config;
    sdk::Credentials _credentials;
    std::string _hostName = "test-host";
    CapturingLogger _logger;
    std::atomic<std::int64_t> _nowMs{0};
    std::atomic<bool> _cancelled{false};
    std::atomic<std::uint64_t> _crashAfter{0};
    std::atomic<std::uint64_t> _checkpoints{0};
    std::atomic<std::uint64_t> _emitted{0};
    mutable std::mutex _mutex;
    std::vector<std::pair<std::string, sdk::Record>> _buffer;
    std::string _lastState;
    std::string _progress;
};

} // namespace jobhost::plugins::postup::test
