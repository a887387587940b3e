// jobhost postup tests — CapturingLogger.cpp
// SPDX-License-Identifier: Apache-2.0
#include "CapturingLogger.h"

#include <cstdlib>
#include <iostream>

namespace jobhost::plugins::postup::test {

CapturingLogger::CapturingLogger() : _echo(std::getenv("POSTUP_TEST_VERBOSE") != nullptr) {}

void CapturingLogger::log(sdk::LogLevel level, const std::string& message) {
    static const char* const kNames[] = {"DEBUG", "INFO", "WARN", "ERROR"};
    std::string line = std::string(kNames[static_cast<int>(level)]) + " " + message;
    std::lock_guard<std::mutex> lock(_mutex);
    if (_echo) std::cerr << "  [log] " << line << "\n";
    if (_lines.size() < 100000) _lines.push_back(std::move(line));
}

std::vector<std::string> CapturingLogger::lines() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _lines;
}

bool CapturingLogger::contains(const std::string& text) const {
    std::lock_guard<std::mutex> lock(_mutex);
    for (const auto& line : _lines)
        if (line.find(text) != std::string::npos) return true;
    return false;
}

} // namespace jobhost::plugins::postup::test
