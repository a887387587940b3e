// jobhost host — JobView.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobView.h"

#include <Poco/JSON/Array.h>

#include "app/HostException.h"
#include "console/RunView.h"
#include "util/JsonDocument.h"

namespace jobhost::host {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

namespace {
template <typename T>
Var orNull(const std::optional<T>& v) {
    return v ? Var(*v) : Var();
}
} // namespace

Object::Ptr JobView::toJson(const JobRecord& job, const std::optional<JobSchedule>& schedule, const std::optional<RunRecord>& lastRun,
                            const PluginRegistry* pPlugins) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("name", job.name);
    o->set("provider", job.provider);
    o->set("type", job.type);
    o->set("authorization", job.authorization);
    o->set("enabled", job.enabled);
    Object::Ptr config;
    try {
        config = JsonDocument::parseObject(job.configJson, "job " + job.name);
    } catch (const Poco::Exception&) {
        config = new Object;
    }
    Poco::JSON::Array::Ptr secretFields = new Poco::JSON::Array;
    if (pPlugins) {
        try {
            if (const JobType* type = pPlugins->manifest(job.provider).findJobType(job.type)) {
                o->set("role", type->role == JobRole::Import ? "import" : "export");
                for (const auto& key : type->config.secretKeys()) {
                    config->remove(key);
                    secretFields->add(key);
                }
            }
        } catch (const Poco::Exception&) {
            o->set("role", Var()); // unknown provider: shown without role
        }
    }
    o->set("config", config);
    o->set("secretFields", secretFields);
    Object::Ptr s = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    s->set("interval_seconds", job.intervalSeconds);
    std::string state = job.enabled ? (job.intervalSeconds > 0 ? "scheduled" : "manual") : "paused";
    if (schedule) {
        s->set("nextRunAt", orNull(schedule->nextRunAt));
        s->set("nextTrigger", schedule->nextTrigger);
        s->set("attempt", schedule->attempt);
        s->set("lastStartedAt", orNull(schedule->lastStartedAt));
        s->set("lastEndedAt", orNull(schedule->lastEndedAt));
        s->set("lastStatus", schedule->lastStatus);
        s->set("lastError", schedule->lastError);
        s->set("runningRunId", orNull(schedule->runningRunId));
        if (schedule->runningRunId) state = "running";
    }
    o->set("schedule", s);
    Object::Ptr retry = new Object(Poco::JSON_PRESERVE_KEY_ORDER); // overrides of the manifest's run retry; null = manifest default
    retry->set("max_attempts", orNull(job.retry.maxAttempts));
    retry->set("base_ms", orNull(job.retry.baseMs));
    retry->set("cap_ms", orNull(job.retry.capMs));
    retry->set("max_elapsed_ms", orNull(job.retry.maxElapsedMs));
    o->set("retry", retry);
    o->set("state", state);
    o->set("lastRun", lastRun ? Var(RunView::toJson(*lastRun, std::nullopt, nullptr)) : Var());
    o->set("createdAt", job.createdAt);
    o->set("updatedAt", job.updatedAt);
    return o;
}

Object::Ptr JobView::load(Poco::Data::Session& session, const JobRecord& job, const PluginRegistry* pPlugins) {
    std::optional<JobSchedule> schedule;
    try {
        schedule = JobRepository(session).schedule(job.id);
    } catch (const NotFoundException&) {
        schedule.reset(); // a job without a schedule row is shown without one
    }
    std::vector<RunRecord> runs = RunRepository(session).list(job.name, 1);
    return toJson(job, schedule, runs.empty() ? std::nullopt : std::optional<RunRecord>(runs.front()), pPlugins);
}

} // namespace jobhost::host
