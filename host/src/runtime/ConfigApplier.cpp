// jobhost host — ConfigApplier.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/ConfigApplier.h"

#include <functional>

#include <Poco/Data/Transaction.h>
#include <Poco/JSON/Array.h>

#include "app/HostException.h"
#include "security/CredentialSealer.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/AuditRepository.h"
#include "store/AuthorizationRepository.h"
#include "store/JobRepository.h"
#include "util/ChaosHook.h"
#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {

std::string detail(const std::vector<std::string>& changedFields) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
    for (const auto& f : changedFields) fields->add(f);
    o->set("changed", fields);
    return JsonDocument::stringify(o);
}

} // namespace

int ApplyReport::count(const std::string& action) const {
    int n = 0;
    for (const auto& c : changes) n += c.action == action;
    return n;
}

ConfigApplier::ConfigApplier(const Store& store, const PluginRegistry& manifests, const SecretBox& secrets)
    : _store(store), _manifests(manifests), _secrets(secrets) {}

ApplyReport ConfigApplier::apply(const DeclarativeConfig& config, const std::string& actor, std::int64_t nowMs) {
    CredentialSealer sealer(_secrets);
    Poco::Data::Session session = _store.openSession();
    AuthorizationRepository authorizations(session);
    JobRepository jobs(session);
    AudienceDefinitionRepository audiences(session);
    AuditRepository audit(session);

    // Plan outside the transaction (reads, secret resolution, sealing); the
    // transaction below only writes, so it takes the write lock at once.
    ApplyReport report;
    std::vector<std::function<void()>> writes;
    auto record = [&](ApplyChange change, std::function<void()> write) {
        if (change.action != "unchanged") {
            writes.push_back(std::move(write));
            std::string action = change.action == "created" ? "create" : "update";
            AuditEntry entry{0, nowMs, actor, action, change.objectType, change.name, detail(change.changedFields)};
            writes.push_back([&audit, entry] { audit.append(entry); });
        }
        report.changes.push_back(std::move(change));
    };

    for (const AuthorizationSpec& spec : config.authorizations()) {
        Poco::JSON::Object::Ptr resolved = config.resolveSecrets(spec, _manifests);
        const AuthMethod* method = _manifests.manifest(spec.provider).findAuthMethod(spec.method);
        std::vector<std::string> secretKeys = method ? method->fields.secretKeys() : std::vector<std::string>{};
        std::optional<AuthorizationRecord> existing = authorizations.find(spec.name);
        AuthorizationRecord next = existing.value_or(AuthorizationRecord{});
        ApplyChange change{"authorization", spec.name, "unchanged", {}};
        if (!existing) {
            change.action = "created";
            change.changedFields = {"provider", "method", "label", "description", "fields"};
            next.createdAt = nowMs;
        } else {
            if (existing->provider != spec.provider) change.changedFields.push_back("provider");
            if (existing->method != spec.method) change.changedFields.push_back("method");
            if (existing->label != spec.label) change.changedFields.push_back("label");
            if (existing->description != spec.description) change.changedFields.push_back("description");
            std::vector<std::string> fieldChanges;
            sealer.same(*existing, resolved, fieldChanges);
            for (const auto& f : fieldChanges) change.changedFields.push_back("fields." + f);
            if (!change.changedFields.empty()) change.action = "updated";
        }
        if (change.action == "unchanged") {
            record(change, {});
            continue;
        }
        next.name = spec.name;
        next.provider = spec.provider;
        next.method = spec.method;
        next.label = spec.label;
        next.description = spec.description;
        next.updatedAt = nowMs;
        sealer.seal(next, resolved, secretKeys);
        bool create = !existing;
        record(change, [&authorizations, next, create] { create ? (void)authorizations.insert(next) : authorizations.update(next); });
    }

    for (const JobSpec& spec : config.jobs()) {
        const ProviderManifest& manifest = _manifests.manifest(spec.provider);
        const JobType* type = manifest.findJobType(spec.type);
        JobRecord next;
        std::optional<JobRecord> existing = jobs.find(spec.name);
        if (existing) next = *existing;
        next.name = spec.name;
        next.provider = spec.provider;
        next.type = spec.type;
        next.authorization = spec.authorization;
        next.configJson = JsonDocument::stringify(spec.config);
        next.intervalSeconds = spec.intervalSeconds.value_or(type ? type->defaultIntervalSeconds : 0);
        next.enabled = spec.enabled;
        next.retry = JobRetryOverride{spec.retry.maxAttempts, spec.retry.baseMs, spec.retry.capMs, spec.retry.maxElapsedMs};
        next.updatedAt = nowMs;
        ApplyChange change{"job", spec.name, "unchanged", {}};
        bool scheduleChanged = false;
        if (!existing) {
            change.action = "created";
            change.changedFields = {"provider", "type", "authorization", "config", "schedule", "enabled", "retry"};
            next.createdAt = nowMs;
            scheduleChanged = true;
        } else {
            if (existing->provider != next.provider) change.changedFields.push_back("provider");
            if (existing->type != next.type) change.changedFields.push_back("type");
            if (existing->authorization != next.authorization) change.changedFields.push_back("authorization");
            if (existing->configJson != next.configJson) change.changedFields.push_back("config");
            if (existing->intervalSeconds != next.intervalSeconds) change.changedFields.push_back("schedule");
            if (existing->enabled != next.enabled) change.changedFields.push_back("enabled");
            if (!(existing->retry == next.retry)) change.changedFields.push_back("retry");
            scheduleChanged = existing->intervalSeconds != next.intervalSeconds || existing->enabled != next.enabled;
            if (!change.changedFields.empty()) change.action = "updated";
        }
        if (change.action == "unchanged") {
            record(change, {});
            continue;
        }
        bool create = !existing;
        record(change, [&jobs, next, create, scheduleChanged, nowMs] {
            Poco::Int64 id = next.id;
            if (create) id = jobs.insert(next);
            else jobs.update(next);
            if (!scheduleChanged) return;
            JobSchedule schedule = jobs.schedule(id);
            if (schedule.attempt > 0 && schedule.nextRunAt) return; // a pending retry keeps its time
            if (next.enabled && next.intervalSeconds > 0)
                schedule.nextRunAt = schedule.lastEndedAt ? *schedule.lastEndedAt + next.intervalSeconds * 1000 : nowMs;
            else
                schedule.nextRunAt.reset();
            schedule.nextTrigger = "schedule";
            jobs.saveSchedule(schedule);
        });
    }

    for (const AudienceSpec& spec : config.audiences()) {
        std::optional<AudienceDefinition> existing = audiences.find(spec.slug);
        AudienceDefinition next{spec.slug, spec.name, spec.filter, existing ? existing->createdAt : nowMs, nowMs};
        ApplyChange change{"audience", spec.slug, "unchanged", {}};
        if (!existing) {
            change.action = "created";
            change.changedFields = {"name", "filter"};
        } else {
            if (existing->name != spec.name) change.changedFields.push_back("name");
            if (existing->filter != spec.filter) change.changedFields.push_back("filter");
            if (!change.changedFields.empty()) change.action = "updated";
        }
        bool create = !existing;
        record(change, [&audiences, next, create] { create ? audiences.insert(next) : audiences.update(next); });
    }

    if (writes.empty()) return report;
    try {
        Poco::Data::Transaction transaction(session);
        for (auto& write : writes) {
            ChaosHook::reach("apply"); // inside the apply transaction, between two writes
            write();
        }
        transaction.commit();
    } catch (const Poco::Exception& e) {
        throw StoreException(_store.file() + ": applying " + config.origin() + " failed, nothing was changed: " + e.displayText());
    }
    return report;
}

} // namespace jobhost::host
