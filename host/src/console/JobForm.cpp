// jobhost host — JobForm.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobForm.h"

#include "config/DeclarativeConfig.h"
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
    JobRecord job;
    job.name = name.empty() ? errors.text(body, "name", true) : name;
    if (name.empty() && !job.name.empty() && !AuthorizationForm::validName(job.name))
        errors.add("name", "names are 1-64 letters, digits, '.', '_' or '-'");
    // Never echo a secret config value in an error message.
    try {
        if (body->has("provider") && body->has("type") && body->has("config") && body->get("config").type() == typeid(Object::Ptr)) {
            Object::Ptr config = body->getObject("config");
            if (const JobType* type = plugins.manifest(body->getValue<std::string>("provider")).findJobType(body->getValue<std::string>("type")))
                for (const auto& key : type->config.secretKeys())
                    if (config->has(key)) errors.mask(config->get(key));
        }
    } catch (const Poco::Exception&) {
        // unknown provider or non-string fields: readJob below names the problem
    }

    // The job object of a declarative config is the body without its name:
    // validated by the very code `jobhost apply` uses.
    Object::Ptr definition = new Object(*body);
    definition->remove("name");
    auto inStore = [&](const JobSpec& spec) -> std::string {
        std::optional<AuthorizationRecord> authorization = AuthorizationRepository(session).find(spec.authorization);
        if (!authorization) return "\"" + spec.authorization + "\" does not exist; create it first";
        bool providerKnown = true; // an unknown provider is reported as such, not as a mismatch
        try {
            plugins.manifest(spec.provider);
        } catch (const HostException&) {
            providerKnown = false;
        }
        if (authorization->provider != spec.provider && providerKnown)
            return "\"" + spec.authorization + "\" belongs to provider " + authorization->provider + ", not " + spec.provider;
        return {};
    };
    std::vector<std::string> problems;
    JobSpec spec = DeclarativeConfig::readJob(job.name, definition, "", plugins, inStore, problems);
    for (const auto& line : problems) errors.addLine(line);
    errors.raiseIfAny();

    job.provider = spec.provider;
    job.type = spec.type;
    job.authorization = spec.authorization;
    job.enabled = spec.enabled;
    job.configJson = JsonDocument::stringify(spec.config);
    const JobType* type = plugins.manifest(spec.provider).findJobType(spec.type);
    job.intervalSeconds = spec.intervalSeconds.value_or(type ? type->defaultIntervalSeconds : 0);
    job.retry = JobRetryOverride{spec.retry.maxAttempts, spec.retry.baseMs, spec.retry.capMs, spec.retry.maxElapsedMs};
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
