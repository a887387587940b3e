// jobhost exports tests — MemoryExportContext.h
// An sdk::ExportContext with in-memory state over a real transport.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "jobhost/sdk/ExportJob.h"

namespace jobhost::host::exports::test {

/// Keeps log lines and the saved state in memory. `onSave` (optional) runs
/// after each saveState. Thread-safe; never throws.
class MemoryExportContext : public sdk::ExportContext, public sdk::Logger {
public:
    MemoryExportContext(std::string configJson, sdk::Credentials credentials, std::shared_ptr<sdk::HttpTransport> transport,
                        std::string hostName = "testhost");

    const std::string& configJson() const override { return _configJson; }
    const sdk::Credentials& credentials() const override { return _credentials; }
    const std::string& hostName() const override { return _hostName; }
    sdk::HttpTransport& http() override { return *_pTransport; }
    sdk::Logger& logger() override { return *this; }
    std::int64_t nowMs() const override;
    bool cancelled() const override { return _cancelled.load(); }
    std::string loadState() const override;
    void progress(std::uint64_t, std::uint64_t, const std::string&) override {}
    bool saveState(const std::string& state) override;
    void log(sdk::LogLevel level, const std::string& message) override;

    void setState(const std::string& state);
    void setCancelled(bool cancelled) { _cancelled = cancelled; }
    std::vector<std::string> lines() const;
    std::function<void(const std::string&)> onSave;

private:
    std::string _configJson;
    sdk::Credentials _credentials;
    std::shared_ptr<sdk::HttpTransport> _pTransport;
    std::string _hostName;
    std::atomic<bool> _cancelled{false};
    mutable std::mutex _mutex;
    std::string _state;
    std::vector<std::string> _lines;
};

} // namespace jobhost::host::exports::test
