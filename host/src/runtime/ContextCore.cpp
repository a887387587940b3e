// jobhost host — ContextCore.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/ContextCore.h"

namespace jobhost::host {

ContextCore::ContextCore(Settings settings) : _settings(std::move(settings)), _committedState(_settings.committedState) {}

bool ContextCore::cancelled() const {
    try {
        return _settings.cancelled && _settings.cancelled();
    } catch (const std::exception&) {
        return true;
    }
}

std::string ContextCore::committedState() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _committedState;
}

void ContextCore::setCommittedState(const std::string& state) {
    std::lock_guard<std::mutex> lock(_mutex);
    _committedState = state;
}

void ContextCore::progress(std::uint64_t done, std::uint64_t total, const std::string& unit) {
    if (_settings.pObserver) _settings.pObserver->onProgress(done, total, unit);
}

} // namespace jobhost::host
