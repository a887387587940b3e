// jobhost host — HostExportContext.h
// sdk::ExportContext: durable plugin state for export jobs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include <Poco/Data/Session.h>

#include "runtime/ContextCore.h"
#include "store/Store.h"

namespace jobhost::host {

/// The context of ExportJob::prepare/deliver. saveState() upserts the job
/// state on the context's own connection and makes it what loadState()
/// returns. Thread-safe; never throws into plugin code (a store failure is
/// logged and saveState returns false).
class HostExportContext : public JobContextAdapter<sdk::ExportContext> {
public:
    /// `runId` may be 0 when the export runner has no run row.
    HostExportContext(ContextCore& core, const Store& store, std::int64_t jobId, std::int64_t runId);

    bool saveState(const std::string& state) override;

private:
    std::mutex _mutex;
    const Store& _store;
    std::unique_ptr<Poco::Data::Session> _pSession;
    std::int64_t _jobId;
    std::int64_t _runId;
};

} // namespace jobhost::host
