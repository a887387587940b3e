// jobhost host — JobForm.h
// Reads and validates a job from a console request body, like `apply` does.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include "plugins/PluginRegistry.h"
#include "store/JobRepository.h"

namespace jobhost::host {

/// Body: the declarative config's job object plus its name —
/// {"name", "provider", "type", "authorization", "schedule":
/// {"interval_seconds"}, "enabled", "retry": {"max_attempts", "base_ms",
/// "cap_ms", "max_elapsed_ms"}, "config": {...}}. Stateless; thread-safe.
class JobForm {
public:
    /// Validates `body` with DeclarativeConfig::readJob — the code `apply`
    /// uses (unknown keys refused, config checked and defaults filled by the
    /// job type's ConfigSchema) — where the authorization must exist in the
    /// store and belong to the same provider. `name` overrides the body's name
    /// (PUT /jobs/{name}). Returns a record without id/timestamps; retry is
    /// the body's "retry" block (unset overrides when absent). Throws
    /// ApiException(400) whose field names the first problem ("name",
    /// "type", "schedule.interval_seconds", "config.site_id", ...); secret
    /// config values never appear in the message.
    static JobRecord read(const Poco::JSON::Object::Ptr& body, const PluginRegistry& plugins, Poco::Data::Session& session,
                          const std::string& name);

    /// Sets the job's next run the way ConfigApplier does after a schedule
    /// or enabled change: a pending retry keeps its time; an enabled job
    /// with an interval runs at lastEnded + interval (now when it never
    /// ran); otherwise nothing is scheduled. Call inside the write
    /// transaction. Throws Poco::Data exceptions on store failure.
    static void reschedule(JobRepository& jobs, Poco::Int64 jobId, const JobRecord& job, Poco::Int64 nowMs);
};

} // namespace jobhost::host
