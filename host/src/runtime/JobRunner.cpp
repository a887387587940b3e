// jobhost host — JobRunner.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/JobRunner.h"

#include <cerrno>
#include <csignal>
#include <set>

#include <Poco/Data/Transaction.h>
#include <Poco/NumberParser.h>

#include "app/HostException.h"
#include "runtime/ContextCore.h"
#include "runtime/HostImportContext.h"
#include "runtime/RunLease.h"
#include "runtime/RunLogger.h"
#include "security/CredentialSealer.h"
#include "store/AuthorizationRepository.h"
#include "transport/RetryPolicy.h"

namespace jobhost::host {
namespace {

const char* failureName(sdk::FailureClass failure) {
    switch (failure) {
    case sdk::FailureClass::Auth: return "auth";
    case sdk::FailureClass::Config: return "config";
    case sdk::FailureClass::Remote: return "remote";
    case sdk::FailureClass::Data: return "data";
    case sdk::FailureClass::None: break;
    }
    return "remote";
}

/// True when `worker` ("host:pid") names a process of this host that is gone.
bool workerIsGone(const std::string& worker, const std::string& self) {
    std::size_t colon = worker.rfind(':');
    if (colon == std::string::npos || worker == self) return false;
    std::string host = worker.substr(0, colon);
    if (host != RuntimeServices::currentHostName()) return false; // another machine: its lease logic decides
    int pid = 0;
    if (!Poco::NumberParser::tryParse(worker.substr(colon + 1), pid) || pid <= 0) return true;
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

} // namespace

JobRunner::JobRunner(RuntimeServices& services) : _services(services) {}

JobRunner::JobRunner(RuntimeServices& services, RunObserverFactory observerForRun)
    : _services(services), _observerForRun(std::move(observerForRun)) {}

RunObserver* JobRunner::observerOf(std::int64_t runId, RunObserver* observer, std::shared_ptr<RunObserver>& holder) const {
    if (!_observerForRun) return observer;
    try {
        holder = _observerForRun(runId, observer);
    } catch (const std::exception& e) {
        if (observer) observer->onLog("warning", "run #" + std::to_string(runId) + ": no live progress: " + e.what());
        holder.reset();
    }
    return holder ? holder.get() : observer;
}

RetrySettings JobRunner::retrySettings(const ProviderManifest& manifest, const JobRecord& job) {
    RetrySettings settings = manifest.runRetry;
    if (job.retry.maxAttempts) settings.maxAttempts = static_cast<int>(*job.retry.maxAttempts);
    if (job.retry.baseMs) settings.baseMs = *job.retry.baseMs;
    if (job.retry.capMs) settings.capMs = *job.retry.capMs;
    if (job.retry.maxElapsedMs) settings.maxElapsedMs = *job.retry.maxElapsedMs;
    return settings;
}

RunResult JobRunner::run(const std::string& jobName, const std::string& trigger, RunObserver* observer, const CancelCheck& cancelled) {
    Poco::Data::Session session = _services.store.openSession();
    return execute(JobRepository(session).get(jobName), trigger, observer, cancelled);
}

RunResult JobRunner::runJob(std::int64_t jobId, const std::string& trigger, RunObserver* observer, const CancelCheck& cancelled) {
    Poco::Data::Session session = _services.store.openSession();
    auto job = JobRepository(session).findById(jobId);
    if (!job) throw NotFoundException("job id " + std::to_string(jobId) + " does not exist");
    return execute(*job, trigger, observer, cancelled);
}

RunResult JobRunner::execute(const JobRecord& job, const std::string& trigger, RunObserver* observer, const CancelCheck& cancelled) {
    const ProviderManifest& manifest = _services.plugins.manifest(job.provider);
    const JobType* type = manifest.findJobType(job.type);
    if (!type) throw ConfigException("job \"" + job.name + "\": provider " + job.provider + " has no job type \"" + job.type + "\"");
    if (type->role != JobRole::Import)
        throw ConfigException("job \"" + job.name + "\" is an export job; export jobs are driven by the export runner under 'jobhost serve', not run once");
    RetrySettings retry = retrySettings(manifest, job);
    Clock& clock = *_services.pClock;

    Poco::Data::Session session = _services.store.openSession();
    JobRepository jobs(session);
    RunRepository runs(session);

    RunResult result;
    result.jobName = job.name;
    result.maxAttempts = retry.maxAttempts;
    RunRecord run;
    run.jobId = job.id;
    run.jobName = job.name;
    run.startedAt = clock.epochMs();
    run.worker = _services.worker;
    run.checkpointBefore = jobs.loadState(job.id);
    JobSchedule schedule;
    try {
        Poco::Data::Transaction transaction(session);
        run.id = 0;
        run.trigger = "pending";
        run.id = runs.insert(run); // a write first: takes the write lock at once
        schedule = jobs.schedule(job.id);
        if (!jobs.claim(job.id, run.id, run.startedAt, _services.worker, run.startedAt + _services.runLeaseMs)) {
            transaction.rollback();
            JobSchedule holder = jobs.schedule(job.id);
            result.status = "busy";
            result.error = "job \"" + job.name + "\" is already running (run #" + std::to_string(holder.runningRunId.value_or(0)) + " on " +
                           holder.claimedBy + ")";
            return result;
        }
        run.trigger = trigger.empty() ? schedule.nextTrigger : trigger;
        run.attempt = schedule.attempt + 1;
        if (!schedule.firstAttemptAt || schedule.attempt == 0) schedule.firstAttemptAt = run.startedAt;
        schedule.lastStartedAt = run.startedAt;
        jobs.saveSchedule(schedule);
        runs.setStart(run.id, run.trigger, run.attempt);
        transaction.commit();
    } catch (const Poco::Exception& e) {
        throw StoreException("job \"" + job.name + "\": cannot start a run: " + e.displayText());
    }
    result.runId = run.id;
    result.trigger = run.trigger;
    result.attempt = run.attempt;
    std::shared_ptr<RunObserver> runObserver; // outlives every user of `observer` below
    observer = observerOf(run.id, observer, runObserver);
    // Renewed until the run is recorded; a run taken over by another worker
    // (its lease expired) is asked to stop like a cancelled one.
    RunLease lease(_services.store, _services.pClock, job.id, run.id, _services.runLeaseMs);
    bool leaseLost = false;
    const CancelCheck stopAsked = [&cancelled, &lease] { return (cancelled && cancelled()) || lease.lost(); };

    // Everything from here on is recorded on the run row.
    sdk::Outcome outcome;
    std::string failureClass;
    RunCounters counters;
    std::optional<std::string> checkpointAfter;
    std::shared_ptr<RunLogger> logger;
    Redactor redactor;
    try {
        AuthorizationRepository authorizations(session);
        OpenedCredentials credentials = CredentialSealer(_services.secrets).open(authorizations.get(job.authorization));
        redactor = Redactor(credentials.secretValues);
        logger = std::make_shared<RunLogger>(_services.store, run.id, redactor, _services.pClock, observer, _services.logLimits);
        logger->info("run #" + std::to_string(run.id) + " of job " + job.name + " started (trigger " + run.trigger + ", attempt " +
                     std::to_string(run.attempt) + " of " + std::to_string(retry.maxAttempts) + ")");
        std::shared_ptr<sdk::HttpTransport> transport =
            _services.transports.create(manifest, job.authorization, credentials.secretValues, logger, stopAsked);
        std::shared_ptr<LoadedPlugin> plugin = _services.plugins.plugin(job.provider);
        std::string createError;
        std::shared_ptr<sdk::ImportJob> importJob = plugin->createImportJob(job.type, createError);
        if (!importJob) {
            outcome = sdk::Outcome::fail(sdk::FailureClass::Config, "cannot create import job \"" + job.type + "\": " + createError);
        } else {
            std::set<std::string> streams;
            for (const StreamSpec& s : manifest.streams) streams.insert(s.name);
            ContextCore core({job.configJson, credentials.fields, _services.hostName, transport, logger, _services.pClock, stopAsked, observer,
                              run.checkpointBefore.value_or("")});
            HostImportContext context(core, _services.store, job.id, run.id, streams, _services.runLeaseMs);
            try {
                outcome = importJob->run(context);
            } catch (const std::exception& e) {
                outcome = sdk::Outcome::fail(sdk::FailureClass::None, std::string("the plugin threw an exception: ") + e.what());
                failureClass = "internal";
            } catch (...) {
                outcome = sdk::Outcome::fail(sdk::FailureClass::None, "the plugin threw a non-standard exception");
                failureClass = "internal";
            }
            // A failed store write explains the run better than the plugin's
            // "checkpoint failed" (disk full, read-only store: StoreFaultHint).
            if (!outcome.isOk() && !context.lastError().empty() && outcome.message.find(context.lastError()) == std::string::npos)
                outcome.message += " (" + context.lastError() + ")";
            std::size_t pending = context.pendingCount();
            if (outcome.isOk() && !context.commitPending())
                outcome = sdk::Outcome::retry("committing the records emitted after the last checkpoint failed: " + context.lastError());
            else if (!outcome.isOk() && pending > 0)
                logger->info(std::to_string(pending) + " records emitted after the last checkpoint were discarded; the next run redoes them");
            counters = context.counters();
            if (counters.checkpoints > 0) checkpointAfter = core.committedState();
            leaseLost = context.leaseLost();
        }
    } catch (const HostException& e) {
        outcome = sdk::Outcome::fail(sdk::FailureClass::Config, e.message());
    } catch (const std::exception& e) {
        outcome = sdk::Outcome::fail(sdk::FailureClass::None, std::string("internal error: ") + e.what());
        failureClass = "internal";
    }

    // Outcome → run row and schedule.
    std::int64_t now = clock.epochMs();
    bool wasCancelled = cancelled && cancelled();
    run.endedAt = now;
    run.counters = counters;
    run.checkpointAfter = checkpointAfter ? checkpointAfter : run.checkpointBefore;
    std::string message = redactor.apply(outcome.message);
    std::optional<std::int64_t> nextByInterval;
    if (job.enabled && job.intervalSeconds > 0) nextByInterval = now + job.intervalSeconds * 1000;

    // Decide first, log, then write run + schedule + release in one
    // transaction whose first statement is a write (no snapshot upgrade).
    JobSchedule next = jobs.schedule(job.id); // the claim keeps other runners off this row
    std::string summary;
    next.lastEndedAt = now;
    {
        auto resetChain = [&] {
            next.attempt = 0;
            next.firstAttemptAt.reset();
            next.nextRunAt = nextByInterval;
            next.nextTrigger = "schedule";
        };
        if (outcome.status == sdk::OutcomeStatus::Ok) {
            run.status = "ok";
            resetChain();
            next.lastError.clear();
            summary = "ok";
        } else if (outcome.status == sdk::OutcomeStatus::Retry && wasCancelled) {
            run.status = "cancelled";
            run.error = message.empty() ? "stopped by shutdown" : message;
            next.nextRunAt = now; // resume from the checkpoint at the next start
            next.nextTrigger = "recovery";
            summary = "cancelled; resumes at the last checkpoint on the next start";
        } else if (outcome.status == sdk::OutcomeStatus::Retry) {
            RetryPolicy policy(retry);
            std::int64_t elapsed = now - next.firstAttemptAt.value_or(run.startedAt);
            RetryDecision decision = policy.decide(static_cast<int>(run.attempt), elapsed, outcome.retryAfterMs, *_services.pRandom);
            if (decision.retry) {
                run.status = "retry";
                run.error = message;
                run.nextAttemptAt = now + decision.delayMs;
                next.attempt = run.attempt;
                next.nextRunAt = run.nextAttemptAt;
                next.nextTrigger = "retry";
                next.lastError = message;
                summary = "retry " + std::to_string(run.attempt + 1) + "/" + std::to_string(retry.maxAttempts) + " in " +
                          std::to_string(decision.delayMs) + " ms: " + message;
            } else {
                run.status = "failed";
                run.failureClass = "exhausted";
                run.error = "gave up: " + decision.reason + "; last error: " + message;
                next.lastError = run.error;
                resetChain();
                summary = "failed: " + run.error;
            }
        } else {
            run.status = "failed";
            run.failureClass = failureClass.empty() ? failureName(outcome.failure) : failureClass;
            run.error = message;
            next.lastError = message;
            resetChain();
            summary = "failed (" + run.failureClass + "): " + message;
        }
        next.lastStatus = run.status;
        if (logger) {
            logger->log(run.status == "failed" ? sdk::LogLevel::Error : sdk::LogLevel::Info,
                        "run #" + std::to_string(run.id) + " " + summary + " (read " + std::to_string(counters.read) + ", written " +
                            std::to_string(counters.written) + ", duplicates " + std::to_string(counters.duplicate) + ")");
            logger->finish();
            run.logLinesDropped = logger->droppedLines();
        }
    }
    try {
        Poco::Data::Transaction transaction(session);
        // The fence once more: a run taken over meanwhile records nothing —
        // the worker that took it marked it abandoned and resumes the job.
        if (leaseLost || lease.lost() || !jobs.renewLease(job.id, run.id, now + _services.runLeaseMs)) {
            transaction.rollback();
            result.status = "lost";
            result.error = "run #" + std::to_string(run.id) + " of job \"" + job.name +
                           "\" lost its lease (no renewal reached the store in time) and was taken over by another worker; "
                           "what it committed before stays, the rest is redone by the run that took over";
            result.counters = counters;
            if (observer) observer->onLog("error", result.error);
            return result;
        }
        runs.finish(run);
        jobs.saveSchedule(next);
        jobs.release(job.id, run.id);
        transaction.commit();
    } catch (const Poco::Exception& e) {
        throw StoreException("job \"" + job.name + "\": cannot record the end of run #" + std::to_string(run.id) + ": " + e.displayText());
    }

    result.status = run.status;
    result.failureClass = run.failureClass;
    result.error = run.error;
    result.counters = counters;
    result.nextRunAt = next.nextRunAt;
    // Profiles follow every import run that wrote records, and every ok run:
    // the records a killed run committed are built by the run that finishes
    // its work, even when that one writes nothing new itself.
    if (_services.afterImportRun && (counters.written > 0 || run.status == "ok")) {
        try {
            _services.afterImportRun(result);
        } catch (const Poco::Exception& e) {
            if (observer) observer->onLog("error", "job \"" + job.name + "\": updating profiles after run #" + std::to_string(run.id) + " failed: " + e.displayText());
        } catch (const std::exception& e) {
            if (observer) observer->onLog("error", "job \"" + job.name + "\": updating profiles after run #" + std::to_string(run.id) + " failed: " + e.what());
        }
    }
    return result;
}

std::vector<RunRecord> JobRunner::recoverAbandoned() {
    Poco::Data::Session session = _services.store.openSession();
    RunRepository runs(session);
    JobRepository jobs(session);
    std::vector<RunRecord> abandoned;
    for (RunRecord run : runs.running()) {
        std::int64_t now = _services.pClock->epochMs();
        // Gone: a process of this machine that no longer exists. Expired: any
        // worker, on any machine, that stopped renewing the run's lease.
        const bool gone = workerIsGone(run.worker, _services.worker);
        std::optional<std::int64_t> expiredAt;
        if (!gone) {
            const JobSchedule claim = jobs.schedule(run.jobId);
            if (claim.runningRunId != run.id || claim.leaseExpiresAt.value_or(0) >= now) continue;
            expiredAt = claim.leaseExpiresAt.value_or(0);
        }
        Poco::Data::Transaction transaction(session);
        if (gone) {
            jobs.release(run.jobId, run.id);
        } else if (!jobs.releaseExpired(run.jobId, run.id, now)) {
            transaction.rollback(); // renewed after all, between the look and the release
            continue;
        }
        run.status = "abandoned";
        run.endedAt = now;
        run.error = gone ? "interrupted: process " + run.worker +
                               " ended without finishing the run (crash, kill or power loss); rescheduled to resume at its last checkpoint"
                         : "interrupted: worker " + run.worker + " stopped renewing the run's lease (expired " +
                               std::to_string((now - *expiredAt) / 1000) + " s before " + _services.worker +
                               " took it over); rescheduled to resume at its last checkpoint";
        runs.finish(run);
        auto job = jobs.findById(run.jobId);
        JobSchedule schedule = jobs.schedule(run.jobId);
        schedule.lastStatus = "abandoned";
        schedule.lastEndedAt = now;
        schedule.lastError = run.error;
        if (job && job->enabled) {
            schedule.nextRunAt = now;
            schedule.nextTrigger = "recovery";
        }
        jobs.saveSchedule(schedule);
        transaction.commit();
        abandoned.push_back(run);
    }
    return abandoned;
}

} // namespace jobhost::host
