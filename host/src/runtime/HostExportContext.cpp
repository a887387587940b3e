// jobhost host — HostExportContext.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/HostExportContext.h"

#include "store/JobRepository.h"

namespace jobhost::host {

HostExportContext::HostExportContext(ContextCore& core, const Store& store, std::int64_t jobId, std::int64_t runId)
    : JobContextAdapter<sdk::ExportContext>(core), _store(store), _jobId(jobId), _runId(runId) {}

bool HostExportContext::saveState(const std::string& state) {
    std::string error;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        try {
            if (!_pSession) _pSession = std::make_unique<Poco::Data::Session>(_store.openSession());
            JobRepository(*_pSession).saveState(_jobId, state, _runId, _core.nowMs());
            _core.setCommittedState(state);
            return true;
        } catch (const std::exception& e) {
            error = e.what();
            _pSession.reset();
        }
    }
    _core.logger().error("saving the export state failed: " + error);
    return false;
}

} // namespace jobhost::host
