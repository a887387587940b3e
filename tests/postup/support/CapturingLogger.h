// jobhost postup tests — CapturingLogger.h
// An sdk::Logger that keeps every line in memory.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "jobhost/sdk/Logger.h"

namespace jobhost::plugins::postup::test {

/// Keeps lines as "LEVEL message"; echoes them to stderr when the
/// environment variable POSTUP_TEST_VERBOSE is set. Thread-safe.
class CapturingLogger : public sdk::Logger {
public:
    CapturingLogger();
    void log(sdk::LogLevel level, const std::string& message) override;
    std::vector<std::string> lines() const;
    /// True when some line contains `text`.
    bool contains(const std::string& text) const;

private:
    mutable std::mutex _mutex;
    std::vector<std::string> _lines;
    bool _echo = false;
};

} // namespace jobhost::plugins::postup::test
