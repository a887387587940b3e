// jobhost host — ExportRunner.h
// Drives one export job: outbox → batches → ExportJob::deliver → results.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "audiences/OutboxRepository.h"
#include "exports/ExportLogger.h"
#include "exports/ExportStatusRepository.h"
#include "jobhost/sdk/ExportJob.h"
#include "plugins/ProviderManifest.h"
#include "runtime/ContextCore.h"
#include "runtime/HostExportContext.h"
#include "runtime/RuntimeServices.h"
#include "store/JobRepository.h"

namespace jobhost::host::exports {

/// What one step() did.
struct ExportStep {
    std::string status;          ///< idle | delivered | retry | failed | prepare-retry | prepare-failed
    std::size_t items = 0;       ///< changes handed to deliver()
    ExportTotals totals;         ///< results of this batch
    std::string error;           ///< redacted outcome message when not ok
    std::int64_t waitMs = 0;     ///< prepare-*: how long run() waits before trying again
};

/// One runner per export job (manifest role "export").
///
/// start(): loads the job, its manifest and credentials; subscribes the job
/// to its audience (AudienceService::startExport — with backfill only when
/// the subscription is new or names another audience, so a process restart
/// does not re-send every member); and remembers outbox rows left "inflight"
/// by a crashed process as the recovery batch.
///
/// step(): sends at most one batch. A batch is due when the recovery batch
/// exists, when batch_size changes wait, when the oldest waiting change is
/// flush_interval_ms old, or when `force` is set and anything waits.
/// prepare() runs once per session (and again after a Fail). Results are
/// applied in one store transaction: Delivered/Skipped → row deleted;
/// RetryLater → row re-queued at now + backoff (manifest retry.export_item,
/// Retry-After honoured), and dead-lettered with "retries exhausted" after
/// max_attempts; Rejected → dead letter with the plugin's reason. A whole
/// batch Retry re-queues every item the same way; a Fail dead-letters every
/// item with the message and forces prepare() again. Totals go to
/// export_status (skipped ones also per reason) in the same transaction.
/// Order per user: a change is not claimed while an older change of the same
/// profile is still in the outbox (OutboxRepository::ready); the guard is
/// read from the store, so it also holds after a restart of the runner.
///
/// Crash safety: rows are marked inflight before deliver(); a crash leaves
/// them inflight and the next start() delivers exactly those rows first.
/// The plugin keeps what it has sent but not yet confirmed in its state
/// (saved through the ExportContext before it waits), so the re-delivered
/// batch resumes instead of applying the changes twice.
///
/// Ownership: owns its store session, plugin job and context. Thread-safety:
/// one thread drives a runner; run() blocks that thread. Failure: start()
/// throws NotFoundException/ConfigException/StoreException; step() throws
/// StoreException when the store fails (the batch stays inflight and is
/// recovered on the next start); plugin failures are values.
class ExportRunner {
public:
    struct Options {
        std::optional<int> batchSize;              ///< overrides the job's batch_size
        std::optional<std::int64_t> flushIntervalMs; ///< overrides the job's flush_interval_ms
        std::int64_t idleSleepMs = 50;             ///< run(): pause when nothing is due
        /// The plugin job to drive; null = created from the provider's plugin.
        std::shared_ptr<sdk::ExportJob> pJob;
    };

    ExportRunner(RuntimeServices& services, std::string jobName);
    ExportRunner(RuntimeServices& services, std::string jobName, Options options);
    ~ExportRunner();

    void start(const CancelCheck& cancelled = {});
    ExportStep step(bool force = false);
    /// step() until `cancelled`, sleeping idleSleepMs when idle.
    void run(const CancelCheck& cancelled);
    /// step(true) until nothing ready is left or `maxSteps` steps ran.
    std::vector<ExportStep> drain(std::size_t maxSteps = 1000000);

    int batchSize() const { return _batchSize; }
    std::int64_t flushIntervalMs() const { return _flushIntervalMs; }
    std::int64_t waiting();
    const ExportLogger& logger() const { return *_pLogger; }

private:
    std::vector<sdk::ExportChange> changesFor(const std::vector<audiences::OutboxItem>& items) const;
    ExportStep deliverBatch(const std::vector<audiences::OutboxItem>& items);
    void applyResults(const std::vector<audiences::OutboxItem>& items, const sdk::DeliveryResult& result, ExportStep& step);
    std::int64_t backoffMs(std::int64_t attempts, std::optional<std::int64_t> retryAfterMs, bool& exhausted) const;

    RuntimeServices& _services;
    std::string _jobName;
    Options _options;
    JobRecord _job;
    ProviderManifest _manifest;
    Poco::Data::Session _session;
    std::string _audience;
    std::string _emailField = "email";
    int _batchSize = 1000;
    std::int64_t _flushIntervalMs = 5000;
    std::shared_ptr<ExportLogger> _pLogger;
    std::shared_ptr<sdk::ExportJob> _pJob;
    std::unique_ptr<ContextCore> _pCore;
    std::unique_ptr<HostExportContext> _pContext;
    bool _prepared = false;
    int _prepareFailures = 0;
    std::vector<audiences::OutboxItem> _recovery;
    bool _started = false;
};

} // namespace jobhost::host::exports
