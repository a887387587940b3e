// jobhost host — ExportView.h
// The JSON shape of an export job (queue, counters, state) and of its dead letters.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "exports/DeadLetterRepository.h"
#include "plugins/PluginRegistry.h"

namespace jobhost::host {

/// Stateless; thread-safe. An export job is a job whose manifest job type
/// has role "export", or any job name the export tables still hold rows for
/// (then "provider" is null when the job definition is gone).
///
/// One export: {"job", "provider", "type", "enabled", "audience", "state",
/// "outboxDepth", "waiting", "inflight", "retrying", "deadLetters",
/// "oldestWaitingAt", "lastDeliveryAt", "lastError", "counters":
/// {"batches", "delivered", "skipped", "rejected", "retried", "skippedBy":
/// {reason: count}}}. state is
/// "paused" (job disabled), "not started" (no subscription and no batch
/// yet), "failing" (the last batch had an error), "delivering" (rows wait
/// or are in flight) or "idle". The audience is the subscription's, else
/// the job config's "audience". lastDeliveryAt is when the export runner
/// last applied a batch's results (whatever they were); retrying counts
/// waiting rows that failed before. Dead-letter snapshots (profile data) are
/// not shown, only ids and reasons.
class ExportView {
public:
    /// Every export job, ordered by name. Reads with a fixed number of
    /// statements. Throws Poco::Data exceptions on store failure.
    static Poco::JSON::Array::Ptr list(Poco::Data::Session& session, const PluginRegistry* pPlugins);
    /// The export job `job`. Throws ApiException(404) naming the job when it
    /// is no export job (unknown, or an import job); Poco::Data exceptions on
    /// store failure.
    static Poco::JSON::Object::Ptr load(Poco::Data::Session& session, const PluginRegistry* pPlugins, const std::string& job);
    /// {"id", "job", "outboxId", "audience", "profileId", "event", "at",
    /// "reason", "attempts", "createdAt"}.
    static Poco::JSON::Object::Ptr deadLetter(const exports::DeadLetter& letter);

private:
    static Poco::JSON::Array::Ptr select(Poco::Data::Session& session, const PluginRegistry* pPlugins, const std::string& job);
};

} // namespace jobhost::host
