// jobhost exports tests — MemoryExportContext.cpp
// SPDX-License-Identifier: Apache-2.0
#include "support/MemoryExportContext.h"

#include <chrono>
#include <cstdlib>
#include <iostream>

namespace jobhost::host::exports::test {

MemoryExportContext::MemoryExportContext(std::string configJson, sdk::Credentials credentials,
                                         std::shared_ptr<sdk::HttpTransport> transport, std::string hostName)
    : _configJson(std::move(configJson)), _credentials(std::move(credentials)), _pTransport(std::move(transport)),
      _hostName(std::move(hostName)) {}

std::int64_t MemoryExportContext::nowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string MemoryExportContext::loadState() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _state;
}

bool MemoryExportContext::saveState(const std::string& state) {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _state = state;
    }
    if (onSave) onSave(state);
    return true;
}

void MemoryExportContext::setState(const std::string& state) {
    std::lock_guard<std::mutex> lock(_mutex);
    _state = state;
}

void MemoryExportContext::log(sdk::LogLevel level, const std::string& message) {
    static const bool echo = std::getenv("EXPORT_TEST_VERBOSE") != nullptr;
    const char* name = level == sdk::LogLevel::Debug ? "DEBUG" : level == sdk::LogLevel::Info ? "INFO"
                     : level == sdk::LogLevel::Warning ? "WARNING" : "ERROR";
    std::lock_guard<std::mutex> lock(_mutex);
    _lines.push_back(std::string(name) + " " + message);
    if (echo) std::cerr << name << " " << message << "\n";
}

std::vector<std::string> MemoryExportContext::lines() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _lines;
}

} // namespace jobhost::host::exports::test
