// jobhost host — JobForm.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobForm.h"

#include "console/ApiException.h"
#include "console/AuthorizationForm.h"
#include "console/FormErrors.h"
#include "store/AuthorizationRepository.h"
#include "util/JsonDocument.h"

namespace jobhost::host {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

JobRecord JobForm::read(const Object::Ptr& body, const PluginRegistry& plugins, Poco::Data::Session& session, const std::string& name) {
    FormErrors errors;
    errors.refuseUnknown(body, "", {"name", "provider", "type", "authorization", "schedule", "enabled", "config"});
    JobRecord job;
    job.name = name.empty() ? errors.text(body, "name", true) : name;
    if (name.empty() && !job.name.empty() && !AuthorizationForm::validName(job.name))
        errors.add("name", "names are 1-64 letters, digits, '.', '_' or '-'");
    job.provider = errors.text(body, "provider", true);
    job.type = errors.text(body, "type", true);
    job.authorization = errors.text(body, "authorization", true);
    if (body->has("enabled")) {
        Var v = body->get("enabled");
        if (v.type() != typeid(bool)) errors.add("enabled", "expected boolean");
        else job.enabled = v.convert<bool>();
    }
    std::optional<Poco::Int64> interval;
    if (body->has("schedule") && !body->get("schedule").isEmpty()) {
        Var s = body->get("schedule");
        if (s.type() != typeid(Object::Ptr)) {
            errors.add("schedule", "expected an object {\"interval_seconds\": N}");
        } else {
            Object::Ptr schedule = s.extract<Object::Ptr>();
            errors.refuseUnknown(schedule, "schedule", {"interval_seconds"});
            if (schedule->has("interval_seconds")) {
                Var v = schedule->get("interval_seconds");
                if (v.type() == typeid(bool) || !v.isInteger() || v.convert<Poco::Int64>() < 0)
                    errors.add("schedule.interval_seconds", "expected a non-negative integer (0 = manual only)");
                else interval = v.convert<Poco::Int64>();
            }
        }
    }
    Object::Ptr config = new Object;
    if (body->has("config") && !body->get("config").isEmpty()) {
        Var c = body->get("config");
        if (c.type() != typeid(Object::Ptr)) errors.add("config", "expected an object");
        else config = c.extract<Object::Ptr>();
    }
    bool providerKnown = false;
    if (!job.provider.empty() && !job.type.empty()) {
        try {
            const JobType* type = plugins.manifest(job.provider).findJobType(job.type);
            providerKnown = true;
            if (!type) {
                errors.add("type", "\"" + job.type + "\" is not a job type of provider " + job.provider);
            } else {
                for (const auto& key : type->config.secretKeys())
                    if (config->has(key)) errors.mask(config->get(key));
                std::vector<std::string> problems;
                Object::Ptr validated = type->config.validate(config, "config", problems);
                for (const auto& p : problems) errors.addLine(p);
                if (problems.empty()) job.configJson = JsonDocument::stringify(validated);
                job.intervalSeconds = interval.value_or(type->defaultIntervalSeconds);
            }
        } catch (const HostException& e) {
            errors.add("provider", e.message());
        }
    }
    if (!job.authorization.empty()) {
        std::optional<AuthorizationRecord> authorization = AuthorizationRepository(session).find(job.authorization);
        if (!authorization) errors.add("authorization", "\"" + job.authorization + "\" does not exist; create it first");
        else if (providerKnown && authorization->provider != job.provider)
            errors.add("authorization", "\"" + job.authorization + "\" belongs to provider " + authorization->provider + ", not " + job.provider);
    }
    errors.raiseIfAny();
    return job;
}

void JobForm::reschedule(JobRepository& jobs, Poco::Int64 jobId, const JobRecord& job, Poco::Int64 nowMs) {
    JobSchedule schedule = jobs.schedule(jobId);
    if (job.enabled && schedule.attempt > 0 && schedule.nextRunAt) return; // a pending retry keeps its time
    if (job.enabled && job.intervalSeconds > 0)
        schedule.nextRunAt = schedule.lastEndedAt ? std::max(*schedule.lastEndedAt + job.intervalSeconds * 1000, nowMs) : nowMs;
    else
        schedule.nextRunAt.reset();
    schedule.nextTrigger = "schedule";
    jobs.saveSchedule(schedule);
}

} // namespace jobhost::host
