// jobhost host — HostImportContext.h
// sdk::ImportContext: emit buffers; checkpoint commits records + state in
// one transaction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "runtime/ContextCore.h"
#include "store/RunRepository.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

namespace jobhost::host {

/// The context of one ImportJob::run. emit() buffers records in memory;
/// checkpoint(state) writes, in ONE store transaction on the context's own
/// connection: every buffered record (insert-or-ignore by (stream, natural
/// key), per-stream sequence), the job state, and the run's counters and
/// checkpoint-after — and the run's lease, renewed in the same transaction:
/// when another worker took the run over (its lease had expired), the
/// checkpoint is refused and nothing of it is stored. A crash therefore loses
/// only records emitted after the last checkpoint, re-emitted records never
/// duplicate, and two workers never both commit a run.
/// Thread-safe (one mutex); never throws into plugin code: a failed commit
/// is logged, the buffer is dropped and checkpoint() returns false.
class HostImportContext : public JobContextAdapter<sdk::ImportContext> {
public:
    /// `streams` are the stream names the manifest declares; each checkpoint
    /// extends the run's lease to now + `leaseMs`.
    HostImportContext(ContextCore& core, const Store& store, std::int64_t jobId, std::int64_t runId, std::set<std::string> streams,
                      std::int64_t leaseMs);

    bool emit(const std::string& stream, sdk::Record record) override;
    bool checkpoint(const std::string& state) override;

    /// After run() returned Ok: commits records emitted since the last
    /// checkpoint with the last committed state. Returns false on failure.
    bool commitPending();
    /// Records emitted since the last checkpoint (discarded unless committed).
    std::size_t pendingCount() const;
    RunCounters counters() const;
    /// The message of the last failed commit (empty when none).
    std::string lastError() const;
    /// True once a checkpoint found that the run no longer holds its job's claim.
    bool leaseLost() const;

private:
    bool commit(const std::string& state);

    mutable std::mutex _mutex;
    const Store& _store;
    std::unique_ptr<Poco::Data::Session> _pSession;
    std::int64_t _jobId;
    std::int64_t _runId;
    std::int64_t _leaseMs;
    bool _leaseLost = false;
    std::set<std::string> _streams;
    std::set<std::string> _warnedStreams;
    std::vector<std::pair<std::string, sdk::Record>> _buffer;
    RunCounters _counters;
    std::string _lastError;
};

} // namespace jobhost::host
