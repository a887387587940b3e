// jobhost postup tests — MemoryImportContext.cpp
// SPDX-License-Identifier: Apache-2.0
#include "MemoryImportContext.h"

namespace jobhost::plugins::postup::test {

MemoryImportContext::MemoryImportContext(MemoryStore& store, sdk::HttpTransport& transport, std::string configJson,
                                         sdk::Credentials credentials)
    : _store(store), _transport(transport), _config(std::move(configJson)), _credentials(std::move(credentials)) {}

void MemoryImportContext::progress(std::uint64_t done, std::uint64_t total, const std::string& unit) {
    std::lock_guard<std::mutex> lock(_mutex);
    _progress = std::to_string(done) + "/" + std::to_string(total) + " " + unit;
}

std::string MemoryImportContext::lastProgress() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _progress;
}

bool MemoryImportContext::emit(const std::string& stream, sdk::Record record) {
    if (stream != "postup_users" && stream != "postup_activity") return false;
    std::lock_guard<std::mutex> lock(_mutex);
    _buffer.emplace_back(stream, std::move(record));
    ++_emitted;
    return true;
}

bool MemoryImportContext::checkpoint(const std::string& state) {
    std::lock_guard<std::mutex> lock(_mutex);
    const std::uint64_t crashAfter = _crashAfter.load();
    if (crashAfter != 0 && _checkpoints.load() >= crashAfter) {
        _buffer.clear();
        _cancelled = true;
        return false;
    }
    _store.commit(_buffer, state);
    _lastState = state;
    ++_checkpoints;
    if (crashAfter != 0 && _checkpoints.load() >= crashAfter) _cancelled = true;
    return true;
}

void MemoryImportContext::finish(bool ok) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (ok && !_buffer.empty()) _store.commit(_buffer, _store.state());
    _buffer.clear();
}

} // namespace jobhost::plugins::postup::test
