// jobhost SDK — ImportJob.h
// A batch job that reads a remote system into host streams.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "jobhost/sdk/JobContext.h"
#include "jobhost/sdk/Outcome.h"
#include "jobhost/sdk/Record.h"

namespace jobhost::sdk {

/// Context of ImportJob::run. emit() buffers; checkpoint() commits the
/// buffered records and the new plugin state in ONE store transaction, so a
/// crash loses only work after the last checkpoint, which the next run
/// redoes from that checkpoint's state.
class ImportContext : public JobContext {
public:
    /// Buffers a record for `stream` (a stream the manifest declares).
    /// Returns false (and drops the record) when the stream is unknown.
    virtual bool emit(const std::string& stream, Record record) = 0;
    /// Commits buffered records together with `state`. Returns false when the
    /// store failed; the buffered records are then discarded and the plugin
    /// should return Outcome::retry (the host resumes at the previous state).
    virtual bool checkpoint(const std::string& state) = 0;
};

/// An import job instance; created per run by Plugin::createImportJob.
/// run() is called once per object, on a host worker thread. It must not let
/// exceptions escape (the host still catches them and fails the run). Records
/// emitted after the last checkpoint are discarded unless the run returns Ok,
/// in which case the host commits them with the last checkpointed state.
class ImportJob {
public:
    virtual ~ImportJob() = default;
    virtual Outcome run(ImportContext& context) = 0;
};

} // namespace jobhost::sdk
