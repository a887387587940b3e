// jobhost host — ExportView.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ExportView.h"

#include <map>
#include <optional>

#include "app/HostException.h"
#include "audiences/OutboxRepository.h"
#include "console/ApiException.h"
#include "exports/ExportOverviewRepository.h"
#include "store/JobRepository.h"
#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

/// True when the job's manifest says its type exports; false for imports and
/// for jobs whose provider or type the host does not know.
bool isExportJob(const JobRecord& job, const PluginRegistry* pPlugins) {
    if (!pPlugins) return false;
    try {
        const JobType* type = pPlugins->manifest(job.provider).findJobType(job.type);
        return type && type->role == JobRole::Export;
    } catch (const HostException&) {
        return false; // unknown provider: not shown as an export unless the export tables know it
    }
}

/// The job config's "audience"; "" when absent or the config is not an object.
std::string configuredAudience(const JobRecord& job) {
    try {
        Object::Ptr config = JsonDocument::parseObject(job.configJson, "job " + job.name);
        return config->optValue<std::string>("audience", "");
    } catch (const Poco::Exception&) {
        return {};
    }
}

Object::Ptr toJson(const std::string& name, const std::optional<JobRecord>& job, const std::optional<audiences::ExportSubscription>& subscription,
                   const exports::ExportQueueCounts& c) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("job", name);
    o->set("provider", job ? Var(job->provider) : Var());
    o->set("type", job ? Var(job->type) : Var());
    o->set("enabled", job ? Var(job->enabled) : Var());
    std::string audience = subscription ? subscription->audience : job ? configuredAudience(*job) : std::string();
    o->set("audience", audience.empty() ? Var() : Var(audience));
    std::string lastError = c.status ? c.status->lastError : std::string();
    std::string state = job && !job->enabled ? "paused"
                        : !subscription && !c.status ? "not started"
                        : !lastError.empty() ? "failing"
                        : c.outboxDepth() > 0 ? "delivering"
                                              : "idle";
    o->set("state", state);
    o->set("outboxDepth", c.outboxDepth());
    o->set("waiting", c.waiting);
    o->set("inflight", c.inflight);
    o->set("retrying", c.retrying);
    o->set("deadLetters", c.deadLetters);
    o->set("oldestWaitingAt", c.oldestWaitingAt ? Var(*c.oldestWaitingAt) : Var());
    o->set("lastDeliveryAt", c.status && c.status->lastBatchAt ? Var(*c.status->lastBatchAt) : Var());
    o->set("lastError", lastError.empty() ? Var() : Var(lastError));
    Object::Ptr counters = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    exports::ExportTotals totals = c.status ? c.status->totals : exports::ExportTotals{};
    counters->set("batches", totals.batches);
    counters->set("delivered", totals.delivered);
    counters->set("skipped", totals.skipped);
    counters->set("rejected", totals.rejected);
    counters->set("retried", totals.retried);
    Object::Ptr skippedBy = new Object(Poco::JSON_PRESERVE_KEY_ORDER); // reason → count; adds up to skipped
    for (const auto& [reason, count] : totals.skippedBy) skippedBy->set(reason, count);
    counters->set("skippedBy", skippedBy);
    o->set("counters", counters);
    return o;
}

} // namespace

Poco::JSON::Array::Ptr ExportView::select(Poco::Data::Session& session, const PluginRegistry* pPlugins, const std::string& only) {
    std::map<std::string, JobRecord> jobs; // every job (or just `only`), by name
    if (only.empty()) {
        for (JobRecord& job : JobRepository(session).list()) jobs.emplace(job.name, std::move(job));
    } else if (auto job = JobRepository(session).find(only)) {
        jobs.emplace(only, std::move(*job));
    }
    std::map<std::string, exports::ExportQueueCounts> counts = exports::ExportOverviewRepository(session).counts(only);
    std::map<std::string, audiences::ExportSubscription> subscriptions;
    for (auto& s : audiences::OutboxRepository(session).subscriptions())
        if (only.empty() || s.job == only) subscriptions.emplace(s.job, std::move(s));

    // Export jobs by definition, plus every name the export tables hold rows
    // for (a job deleted or re-typed since), so their dead letters stay reachable.
    std::map<std::string, std::optional<JobRecord>> exportJobs;
    for (const auto& [name, job] : jobs)
        if (isExportJob(job, pPlugins)) exportJobs.emplace(name, job);
    auto addKnown = [&](const std::string& name) {
        if (exportJobs.count(name)) return;
        auto job = jobs.find(name);
        exportJobs.emplace(name, job == jobs.end() ? std::nullopt : std::optional<JobRecord>(job->second));
    };
    for (const auto& entry : counts) addKnown(entry.first);
    for (const auto& entry : subscriptions) addKnown(entry.first);

    Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
    for (const auto& [name, job] : exportJobs) {
        auto c = counts.find(name);
        auto s = subscriptions.find(name);
        out->add(toJson(name, job, s == subscriptions.end() ? std::nullopt : std::optional<audiences::ExportSubscription>(s->second),
                        c == counts.end() ? exports::ExportQueueCounts{} : c->second));
    }
    return out;
}

Poco::JSON::Array::Ptr ExportView::list(Poco::Data::Session& session, const PluginRegistry* pPlugins) { return select(session, pPlugins, ""); }

Poco::JSON::Object::Ptr ExportView::load(Poco::Data::Session& session, const PluginRegistry* pPlugins, const std::string& job) {
    if (job.empty()) throw ApiException(404, "no export job \"\"");
    Poco::JSON::Array::Ptr found = select(session, pPlugins, job);
    if (found->size() == 0) {
        if (JobRepository(session).find(job))
            throw ApiException(404, "job \"" + job + "\" is not an export job (its type has role import)");
        throw ApiException(404, "no export job \"" + job + "\"; GET /api/v1/exports lists them");
    }
    return found->getObject(0);
}

Poco::JSON::Object::Ptr ExportView::deadLetter(const exports::DeadLetter& d) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", d.id);
    o->set("job", d.job);
    o->set("outboxId", d.outboxId);
    o->set("audience", d.audience);
    o->set("profileId", d.profileId);
    o->set("event", d.event);
    o->set("at", d.at);
    o->set("reason", d.reason);
    o->set("attempts", d.attempts);
    o->set("createdAt", d.createdAt);
    return o;
}

} // namespace jobhost::host
