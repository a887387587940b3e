// jobhost postup tests — MemoryStore.h
// Committed stream records and plugin state, shared by successive test runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "jobhost/sdk/Record.h"

namespace jobhost::plugins::postup::test {

/// What the host's store does for an import, in memory: a checkpoint commits
/// buffered records and the state together; at most one record per
/// (stream, naturalKey) is kept — a repeated key is ignored, as the SDK
/// promises. With keepRecords = false only counts are kept (benchmarks).
/// Thread-safe.
class MemoryStore {
public:
    explicit MemoryStore(bool keepRecords = true);

    void commit(std::vector<std::pair<std::string, sdk::Record>>& buffered, const std::string& state);
    std::string state() const;
    void setState(const std::string& state);

    /// Distinct records committed to `stream`.
    std::size_t count(const std::string& stream) const;
    /// Copies of the committed records of `stream`, by natural key.
    std::map<std::string, sdk::Record> records(const std::string& stream) const;
    std::uint64_t duplicatesIgnored() const;
    std::uint64_t commits() const;

    /// The value of `field` in `record`, empty when absent.
    static std::string field(const sdk::Record& record, const std::string& name);

private:
    bool _keepRecords;
    mutable std::mutex _mutex;
    std::map<std::string, std::unordered_map<std::string, sdk::Record>> _streams;
    std::map<std::string, std::size_t> _counts;
    std::string _state;
    std::uint64_t _duplicates = 0;
    std::uint64_t _commits = 0;
};

} // namespace jobhost::plugins::postup::test
