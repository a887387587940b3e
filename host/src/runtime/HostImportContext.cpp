// jobhost host — HostImportContext.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/HostImportContext.h"

#include <Poco/Data/Transaction.h>

#include "store/JobRepository.h"
#include "store/StoreFaultHint.h"
#include "util/ChaosHook.h"

namespace jobhost::host {

HostImportContext::HostImportContext(ContextCore& core, const Store& store, std::int64_t jobId, std::int64_t runId,
                                     std::set<std::string> streams, std::int64_t leaseMs)
    : JobContextAdapter<sdk::ImportContext>(core), _store(store), _jobId(jobId), _runId(runId), _leaseMs(leaseMs), _streams(std::move(streams)) {}

bool HostImportContext::emit(const std::string& stream, sdk::Record record) {
    bool warn = false;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (_streams.count(stream)) {
            ChaosHook::reach("import-emit"); // mid-page: records buffered, nothing committed
            _buffer.emplace_back(stream, std::move(record));
            ++_counters.read;
            return true;
        }
        warn = _warnedStreams.insert(stream).second;
    }
    if (warn) _core.logger().warning("emit: stream \"" + stream + "\" is not declared in the provider manifest; its records are dropped");
    return false;
}

bool HostImportContext::commit(const std::string& state) {
    // Called with _mutex held. Nothing here logs while the transaction is
    // open: the run logger writes through another connection.
    std::int64_t now = _core.nowMs();
    RunCounters counters = _counters;
    try {
        if (!_pSession) _pSession = std::make_unique<Poco::Data::Session>(_store.openSession());
        Poco::Data::Transaction transaction(*_pSession);
        JobRepository jobs(*_pSession);
        jobs.saveState(_jobId, state, _runId, now); // a write first: takes the write lock at once
        // The fence: only the run that holds the claim commits. Taken over
        // (lease expired, another worker resumed the job), this run stores nothing more.
        if (!jobs.renewLease(_jobId, _runId, now + _leaseMs)) {
            transaction.rollback();
            _leaseLost = true;
            _lastError = "checkpoint refused: run #" + std::to_string(_runId) +
                         " no longer holds its job's lease (another worker took the run over after the lease expired); nothing of "
                         "this checkpoint was stored";
            return false;
        }
        StreamRepository streams(*_pSession);
        std::vector<StreamEvent> events;
        events.reserve(_buffer.size());
        for (const auto& [stream, record] : _buffer) {
            StreamEvent event;
            event.stream = stream;
            event.naturalKey = record.naturalKey;
            event.eventTimeMs = record.eventTimeMs ? record.eventTimeMs : now;
            event.ingestedAtMs = now;
            event.jobId = _jobId;
            event.runId = _runId;
            event.fields = StreamFieldsCodec::encode(record.fields);
            events.push_back(std::move(event));
        }
        const std::size_t written = streams.appendAll(events);
        counters.written += static_cast<std::int64_t>(written);
        counters.duplicate += static_cast<std::int64_t>(events.size() - written);
        ++counters.checkpoints;
        RunRepository(*_pSession).saveProgress(_runId, counters, state);
        transaction.commit();
    } catch (const std::exception& e) {
        _lastError = std::string("checkpoint failed: ") + e.what();
        const std::string hint = StoreFaultHint::forMessage(_store.file(), e.what());
        if (!hint.empty()) _lastError += " — " + hint;
        _pSession.reset();
        return false;
    }
    _counters = counters;
    _core.setCommittedState(state);
    return true;
}

bool HostImportContext::checkpoint(const std::string& state) {
    bool ok;
    std::string error;
    RunCounters counters;
    ChaosHook::reach("import-checkpoint"); // between emit and checkpoint: the page is buffered, not committed
    {
        std::lock_guard<std::mutex> lock(_mutex);
        ok = commit(state);
        _buffer.clear(); // committed, or discarded on failure (the plugin resumes from the previous state)
        error = _lastError;
        counters = _counters;
    }
    if (!ok) {
        _core.logger().error(error + "; emitted records since the previous checkpoint were discarded");
        return false;
    }
    if (_core.observer()) _core.observer()->onCheckpoint(counters);
    return true;
}

bool HostImportContext::commitPending() {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_buffer.empty()) return true;
    bool ok = commit(_core.committedState());
    _buffer.clear();
    return ok;
}

bool HostImportContext::leaseLost() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _leaseLost;
}

std::size_t HostImportContext::pendingCount() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _buffer.size();
}

RunCounters HostImportContext::counters() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _counters;
}

std::string HostImportContext::lastError() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _lastError;
}

} // namespace jobhost::host
