// jobhost host — JobRunner.h
// Runs one import job once: claim, credentials, plugin call, checkpointed
// ingestion, outcome → run row + schedule/retry bookkeeping.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plugins/ProviderManifest.h"
#include "runtime/RunObserver.h"
#include "runtime/RunResult.h"
#include "runtime/RuntimeServices.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"

namespace jobhost::host {

/// Stateless apart from the services it holds; run() may be called from
/// several threads at once (each call opens its own store connections).
/// At most one run per job at a time is enforced by a claim in the store,
/// so this holds across processes too.
class JobRunner {
public:
    explicit JobRunner(RuntimeServices& services);
    /// Same, and every run's observer comes from `observerForRun(runId,
    /// observer)` once the run row exists (live per-run progress for the
    /// console); an empty factory behaves like the constructor above.
    JobRunner(RuntimeServices& services, RunObserverFactory observerForRun);

    /// Runs the job named `jobName` now and waits for it. `trigger` is
    /// recorded on the run (manual, schedule, retry, recovery); empty = the
    /// trigger the schedule planned. Returns status "busy" when another run
    /// holds the job. Throws NotFoundException (unknown job), ConfigException
    /// (unknown provider/job type, export job) before any run row exists;
    /// every later problem — credentials that do not decrypt, a plugin that
    /// fails to load, throws or returns Fail — is recorded on the run and
    /// returned as status "failed". Store failures throw StoreException.
    RunResult run(const std::string& jobName, const std::string& trigger, RunObserver* observer, const CancelCheck& cancelled);
    /// Same, by job id (the scheduler's entry point).
    RunResult runJob(std::int64_t jobId, const std::string& trigger, RunObserver* observer, const CancelCheck& cancelled);

    /// Marks runs left "running" as "abandoned", releases their claims and
    /// reschedules their jobs to run now (trigger "recovery"), resuming at
    /// their last checkpoint: runs of a process of this host that no longer
    /// exists, and runs of any worker on any host whose lease expired (it
    /// stopped renewing: died, hung or lost the store). Runs whose lease
    /// holds are left alone. Returns the runs it marked.
    std::vector<RunRecord> recoverAbandoned();

    /// The manifest's run retry settings with the job's overrides applied.
    static RetrySettings retrySettings(const ProviderManifest& manifest, const JobRecord& job);

private:
    RunResult execute(const JobRecord& job, const std::string& trigger, RunObserver* observer, const CancelCheck& cancelled);

    /// The observer of run `runId`: the factory's, or `observer` when there
    /// is none (or it fails). `holder` keeps the factory's object alive.
    RunObserver* observerOf(std::int64_t runId, RunObserver* observer, std::shared_ptr<RunObserver>& holder) const;

    RuntimeServices& _services;
    RunObserverFactory _observerForRun;
};

} // namespace jobhost::host
