// tests/host/transport — CapturingLogger.h
// An sdk::Logger that keeps every line for assertions.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include <jobhost/sdk/Logger.h>

namespace jobhost::tests {

/// Thread-safe; never throws (except bad_alloc).
class CapturingLogger : public sdk::Logger {
public:
    void log(sdk::LogLevel, const std::string& message) override {
        std::lock_guard<std::mutex> lock(_mutex);
        _lines.push_back(message);
    }
    std::vector<std::string> lines() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _lines;
    }

private:
    mutable std::mutex _mutex;
    std::vector<std::string> _lines;
};

} // namespace jobhost::tests
