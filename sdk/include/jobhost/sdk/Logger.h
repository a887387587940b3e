// jobhost SDK — Logger.h
// Log sink the host gives plugins; it redacts secrets before storing.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace jobhost::sdk {

enum class LogLevel : std::uint8_t { Debug, Info, Warning, Error };

/// Thread-safe. Never throws. The host replaces every known secret value
/// (passwords, tokens) with "***" before the line reaches a log, the run
/// history or the console, and keeps a bounded excerpt per run.
class Logger {
public:
    virtual ~Logger() = default;
    virtual void log(LogLevel level, const std::string& message) = 0;

    void debug(const std::string& message) { log(LogLevel::Debug, message); }
    void info(const std::string& message) { log(LogLevel::Info, message); }
    void warning(const std::string& message) { log(LogLevel::Warning, message); }
    void error(const std::string& message) { log(LogLevel::Error, message); }
};

} // namespace jobhost::sdk
