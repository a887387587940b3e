// jobhost postup tests — MemoryStore.cpp
// SPDX-License-Identifier: Apache-2.0
#include "MemoryStore.h"

namespace jobhost::plugins::postup::test {

MemoryStore::MemoryStore(bool keepRecords) : _keepRecords(keepRecords) {}

void MemoryStore::commit(std::vector<std::pair<std::string, sdk::Record>>& buffered, const std::string& state) {
    std::lock_guard<std::mutex> lock(_mutex);
    for (auto& [stream, record] : buffered) {
        if (!_keepRecords) {
            ++_counts[stream];
            continue;
        }
        auto& records = _streams[stream];
        const std::string key = record.naturalKey;
        if (records.emplace(key, std::move(record)).second) ++_counts[stream];
        else ++_duplicates;
    }
    buffered.clear();
    _state = state;
    ++_commits;
}

std::string MemoryStore::state() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _state;
}

void MemoryStore::setState(const std::string& state) {
    std::lock_guard<std::mutex> lock(_mutex);
    _state = state;
}

std::size_t MemoryStore::count(const std::string& stream) const {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _counts.find(stream);
    return it == _counts.end() ? 0 : it->second;
}

std::map<std::string, sdk::Record> MemoryStore::records(const std::string& stream) const {
    std::lock_guard<std::mutex> lock(_mutex);
    std::map<std::string, sdk::Record> out;
    auto it = _streams.find(stream);
    if (it != _streams.end())
        for (const auto& [key, record] : it->second) out.emplace(key, record);
    return out;
}

std::uint64_t MemoryStore::duplicatesIgnored() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _duplicates;
}

std::uint64_t MemoryStore::commits() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _commits;
}

std::string MemoryStore::field(const sdk::Record& record, const std::string& name) {
    for (const auto& [key, value] : record.fields)
        if (key == name) return value;
    return {};
}

} // namespace jobhost::plugins::postup::test
