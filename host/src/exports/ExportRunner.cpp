// jobhost host — ExportRunner.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportRunner.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <Poco/Data/Transaction.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "app/HostException.h"
#include "audiences/AudienceService.h"
#include "exports/DeadLetterRepository.h"
#include "security/CredentialSealer.h"
#include "store/AuthorizationRepository.h"
#include "transport/RetryPolicy.h"
#include "util/ChaosHook.h"

namespace jobhost::host::exports {
namespace {

using Poco::JSON::Object;

Object::Ptr parseObject(const std::string& text) {
    Poco::JSON::Parser parser;
    auto value = parser.parse(text.empty() ? std::string("{}") : text);
    if (value.type() != typeid(Object::Ptr)) throw Poco::DataFormatException("not a JSON object");
    return value.extract<Object::Ptr>();
}

/// A profile field as the text an export writes: strings as-is, other
/// scalars formatted, lists joined with ',', maps as JSON.
std::string fieldText(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) return {};
    if (value.isString()) return value.extract<std::string>();
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        std::string out;
        auto array = value.extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (i) out += ",";
            out += fieldText(array->get(static_cast<unsigned>(i)));
        }
        return out;
    }
    if (value.type() == typeid(Object::Ptr)) {
        std::ostringstream out;
        value.extract<Object::Ptr>()->stringify(out);
        return out.str();
    }
    return value.convert<std::string>();
}

sdk::ChangeKind kindOf(const std::string& event) {
    if (event == "exit") return sdk::ChangeKind::Exit;
    if (event == "update") return sdk::ChangeKind::Update;
    return sdk::ChangeKind::Enter;
}

} // namespace

ExportRunner::ExportRunner(RuntimeServices& services, std::string jobName) : ExportRunner(services, std::move(jobName), Options{}) {}

ExportRunner::ExportRunner(RuntimeServices& services, std::string jobName, Options options)
    : _services(services), _jobName(std::move(jobName)), _options(std::move(options)), _session(services.store.openSession()) {}

ExportRunner::~ExportRunner() = default;

void ExportRunner::start(const CancelCheck& cancelled) {
    _job = JobRepository(_session).get(_jobName);
    _manifest = _services.plugins.manifest(_job.provider);
    const JobType* type = _manifest.findJobType(_job.type);
    if (!type) throw ConfigException("job \"" + _job.name + "\": provider " + _job.provider + " has no job type \"" + _job.type + "\"");
    if (type->role != JobRole::Export) throw ConfigException("job \"" + _job.name + "\" is not an export job");

    // The job config: the runner's own keys and the subscription's fields.
    std::vector<std::string> fields;
    bool backfill = true;
    try {
        auto config = parseObject(_job.configJson);
        _audience = config->optValue<std::string>("audience", "");
        _emailField = config->optValue<std::string>("email_field", "email");
        _batchSize = config->optValue<int>("batch_size", 1000);
        _flushIntervalMs = config->optValue<Poco::Int64>("flush_interval_ms", 5000);
        backfill = config->optValue<bool>("backfill", true);
        fields.push_back(_emailField);
        if (auto mappings = config->getObject("field_mappings"))
            for (const auto& [profileField, target] : *mappings) fields.push_back(profileField);
    } catch (const Poco::Exception& e) {
        throw ConfigException("job \"" + _job.name + "\": unreadable export config: " + e.displayText());
    }
    if (_audience.empty()) throw ConfigException("job \"" + _job.name + "\": export config has no \"audience\"");
    if (_options.batchSize) _batchSize = *_options.batchSize;
    if (_options.flushIntervalMs) _flushIntervalMs = *_options.flushIntervalMs;
    _batchSize = std::max(1, _batchSize);
    std::sort(fields.begin(), fields.end());
    fields.erase(std::unique(fields.begin(), fields.end()), fields.end());

    // Credentials, logger, transport, context.
    OpenedCredentials credentials;
    try {
        AuthorizationRepository authorizations(_session);
        credentials = CredentialSealer(_services.secrets).open(authorizations.get(_job.authorization));
    } catch (const HostException&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw StoreException("job \"" + _job.name + "\": cannot read authorization \"" + _job.authorization + "\": " + e.displayText());
    }
    _pLogger = std::make_shared<ExportLogger>(_job.name, Redactor(credentials.secretValues));
    auto transport = _services.transports.create(_manifest, _job.authorization, credentials.secretValues, _pLogger, cancelled);
    ContextCore::Settings settings;
    settings.configJson = _job.configJson;
    settings.credentials = credentials.fields;
    settings.hostName = _services.hostName;
    settings.pTransport = transport;
    settings.pLogger = _pLogger;
    settings.pClock = _services.pClock;
    settings.cancelled = cancelled;
    settings.committedState = JobRepository(_session).loadState(_job.id).value_or("");
    _pCore = std::make_unique<ContextCore>(std::move(settings));
    _pContext = std::make_unique<HostExportContext>(*_pCore, _services.store, _job.id, 0);

    _pJob = _options.pJob;
    if (!_pJob) {
        std::string error;
        _pJob = _services.plugins.plugin(_job.provider)->createExportJob(_job.type, error);
        if (!_pJob) throw ConfigException("job \"" + _job.name + "\": cannot create export job \"" + _job.type + "\": " + error);
    }

    // Subscription (+ backfill when new) and the crash-recovery batch.
    const std::int64_t now = _services.pClock->epochMs();
    try {
        audiences::OutboxRepository outbox(_session);
        auto existing = outbox.subscription(_job.name);
        const bool fresh = !existing || existing->audience != _audience;
        if (fresh || existing->fields != fields || existing->backfill != backfill) {
            audiences::ExportSubscription subscription{_job.name, _audience, fields, backfill && fresh, lql::TimeMs{now}};
            audiences::AudienceService service(_session);
            auto stats = service.startExport(subscription, lql::TimeMs{now});
            _pLogger->info("export " + _job.name + " subscribed to audience \"" + _audience + "\"" +
                           (subscription.backfill ? " with backfill: " + std::to_string(stats.enters) + " members queued" : ""));
        }
        for (auto& item : outbox.all(_job.name))
            if (item.state == "inflight") _recovery.push_back(std::move(item));
        if (!_recovery.empty())
            _pLogger->warning(std::to_string(_recovery.size()) + " changes were in flight when the last session stopped; delivering them first");
    } catch (const Poco::Exception& e) {
        throw StoreException("job \"" + _job.name + "\": cannot start the export: " + e.displayText());
    }
    _started = true;
}

std::int64_t ExportRunner::waiting() {
    return audiences::OutboxRepository(_session).waitingCount(_jobName) + static_cast<std::int64_t>(_recovery.size());
}

std::vector<sdk::ExportChange> ExportRunner::changesFor(const std::vector<audiences::OutboxItem>& items) const {
    std::vector<sdk::ExportChange> changes;
    changes.reserve(items.size());
    for (const auto& item : items) {
        sdk::ExportChange change;
        change.itemId = item.id;
        change.kind = kindOf(item.event);
        change.profileId = std::to_string(item.profile);
        try {
            auto profile = parseObject(item.profileJson);
            // A null field counts as absent: the plugin leaves its column out
            // instead of blanking the remote value.
            for (const auto& [name, value] : *profile)
                if (!value.isEmpty()) change.fields[name] = fieldText(value);
        } catch (const Poco::Exception&) {
            // an unreadable snapshot leaves the fields empty; the plugin rejects the missing email
        }
        auto email = change.fields.find(_emailField);
        if (email != change.fields.end()) change.email = email->second;
        changes.push_back(std::move(change));
    }
    return changes;
}

std::int64_t ExportRunner::backoffMs(std::int64_t attempts, std::optional<std::int64_t> retryAfterMs, bool& exhausted) const {
    RetryPolicy policy(_manifest.exportItemRetry);
    RetryDecision decision = policy.decide(static_cast<int>(attempts), 0, retryAfterMs, *_services.pRandom);
    exhausted = !decision.retry;
    return decision.delayMs;
}

ExportStep ExportRunner::step(bool force) {
    if (!_started) throw HostException("ExportRunner::step() before start()");
    ExportStep result;
    const std::int64_t now = _services.pClock->epochMs();

    // prepare() once per session, and again after a Fail.
    if (!_prepared) {
        sdk::Outcome outcome;
        try {
            outcome = _pJob->prepare(*_pContext);
        } catch (const std::exception& e) {
            outcome = sdk::Outcome::fail(sdk::FailureClass::None, std::string("the plugin threw an exception: ") + e.what());
        } catch (...) {
            outcome = sdk::Outcome::fail(sdk::FailureClass::None, "the plugin threw a non-standard exception");
        }
        if (!outcome.isOk()) {
            ++_prepareFailures;
            RetryPolicy policy(_manifest.runRetry);
            const std::int64_t backoff = std::max<std::int64_t>(policy.backoffCeilingMs(_prepareFailures), 1000);
            result.status = outcome.status == sdk::OutcomeStatus::Retry ? "prepare-retry" : "prepare-failed";
            result.error = outcome.message;
            result.waitMs = policy.effectiveDelayMs(backoff, outcome.retryAfterMs);
            _pLogger->error("prepare: " + outcome.message);
            try {
                ExportStatusRepository(_session).add(_job.name, {}, now, "prepare: " + outcome.message);
            } catch (const Poco::Exception& e) {
                throw StoreException("job \"" + _job.name + "\": cannot record the export status: " + e.displayText());
            }
            return result;
        }
        _prepared = true;
        _prepareFailures = 0;
    }

    std::vector<audiences::OutboxItem> items;
    try {
        if (!_recovery.empty()) {
            items = std::move(_recovery);
            _recovery.clear();
        } else {
            audiences::OutboxRepository outbox(_session);
            const std::int64_t waitingCount = outbox.waitingCount(_jobName);
            auto oldest = outbox.oldestWaiting(_jobName);
            const bool due = waitingCount >= _batchSize || (oldest && now - oldest->ms >= _flushIntervalMs) || (force && waitingCount > 0);
            if (!due) {
                result.status = "idle";
                return result;
            }
            // ready() leaves out every change of a profile whose older change
            // is still in the outbox (e.g. waiting for its retry): order per user.
            items = outbox.ready(_jobName, lql::TimeMs{now}, static_cast<std::size_t>(_batchSize));
            if (items.empty()) {
                result.status = "idle";
                return result;
            }
            std::vector<std::int64_t> ids;
            for (const auto& item : items) ids.push_back(item.id);
            Poco::Data::Transaction transaction(_session);
            outbox.markInflight(ids);
            transaction.commit();
            for (auto& item : items) ++item.attempts;
        }
    } catch (const Poco::Exception& e) {
        throw StoreException("job \"" + _job.name + "\": cannot claim a batch: " + e.displayText());
    }
    return deliverBatch(items);
}

ExportStep ExportRunner::deliverBatch(const std::vector<audiences::OutboxItem>& items) {
    ExportStep step;
    step.items = items.size();
    sdk::DeliveryResult result;
    try {
        result = _pJob->deliver(*_pContext, changesFor(items));
    } catch (const std::exception& e) {
        result.outcome = sdk::Outcome::fail(sdk::FailureClass::None, std::string("the plugin threw an exception: ") + e.what());
    } catch (...) {
        result.outcome = sdk::Outcome::fail(sdk::FailureClass::None, "the plugin threw a non-standard exception");
    }
    ChaosHook::reach("export-results"); // PostUp has the batch, the outbox does not know yet
    applyResults(items, result, step);
    return step;
}

void ExportRunner::applyResults(const std::vector<audiences::OutboxItem>& items, const sdk::DeliveryResult& result, ExportStep& step) {
    const std::int64_t now = _services.pClock->epochMs();
    std::map<std::int64_t, const sdk::ItemResult*> byId;
    if (result.outcome.isOk())
        for (const auto& r : result.items) byId[r.itemId] = &r;

    std::vector<std::int64_t> done;
    std::vector<std::pair<const audiences::OutboxItem*, std::string>> dead;
    std::vector<std::pair<const audiences::OutboxItem*, std::int64_t>> later;
    auto retry = [&](const audiences::OutboxItem& item, const std::string& why, std::optional<std::int64_t> retryAfterMs) {
        bool exhausted = false;
        const std::int64_t delay = backoffMs(item.attempts, retryAfterMs, exhausted);
        if (exhausted) dead.emplace_back(&item, "retries exhausted after " + std::to_string(item.attempts) + " attempts: " + why);
        else later.emplace_back(&item, now + delay);
    };
    for (const auto& item : items) {
        if (result.outcome.status == sdk::OutcomeStatus::Retry) {
            retry(item, result.outcome.message, result.outcome.retryAfterMs);
            continue;
        }
        if (result.outcome.status == sdk::OutcomeStatus::Fail) {
            dead.emplace_back(&item, result.outcome.message);
            continue;
        }
        auto it = byId.find(item.id);
        if (it == byId.end()) {
            retry(item, "the plugin returned no result for this change", std::nullopt);
            continue;
        }
        const sdk::ItemResult& r = *it->second;
        switch (r.status) {
        case sdk::ItemStatus::Delivered:
            ++step.totals.delivered;
            done.push_back(item.id);
            break;
        case sdk::ItemStatus::Skipped:
            ++step.totals.skipped;
            ++step.totals.skippedBy[r.message.empty() ? std::string("skipped by the plugin") : r.message];
            done.push_back(item.id);
            _pLogger->debug("change " + std::to_string(item.id) + " skipped: " + r.message);
            break;
        case sdk::ItemStatus::RetryLater:
            retry(item, r.message, r.retryAfterMs);
            break;
        case sdk::ItemStatus::Rejected:
            dead.emplace_back(&item, r.message.empty() ? "rejected by the plugin" : r.message);
            break;
        }
    }
    step.totals.retried = static_cast<std::int64_t>(later.size());
    step.totals.rejected = static_cast<std::int64_t>(dead.size());
    step.totals.batches = 1;
    step.status = result.outcome.isOk() ? "delivered" : result.outcome.status == sdk::OutcomeStatus::Retry ? "retry" : "failed";
    step.error = result.outcome.isOk() ? std::string() : result.outcome.message;
    if (result.outcome.status == sdk::OutcomeStatus::Fail) _prepared = false;

    try {
        Poco::Data::Transaction transaction(_session);
        audiences::OutboxRepository outbox(_session);
        DeadLetterRepository deadLetters(_session);
        outbox.complete(done);
        for (const auto& [item, availableAt] : later) outbox.retryLater(item->id, lql::TimeMs{availableAt});
        std::vector<std::int64_t> deadIds;
        for (const auto& [item, reason] : dead) {
            deadLetters.add(*item, reason, now);
            deadIds.push_back(item->id);
        }
        outbox.complete(deadIds);
        ExportStatusRepository(_session).add(_job.name, step.totals, now, step.error);
        transaction.commit();
    } catch (const Poco::Exception& e) {
        throw StoreException("job \"" + _job.name + "\": cannot record the results of a batch: " + e.displayText());
    }
    if (!step.error.empty() || step.totals.rejected > 0 || step.totals.retried > 0)
        _pLogger->info("batch of " + std::to_string(items.size()) + ": delivered " + std::to_string(step.totals.delivered) + ", skipped " +
                       std::to_string(step.totals.skipped) + ", retry later " + std::to_string(step.totals.retried) + ", dead letters " +
                       std::to_string(step.totals.rejected) + (step.error.empty() ? "" : " (" + step.error + ")"));
}

void ExportRunner::run(const CancelCheck& cancelled) {
    while (!(cancelled && cancelled())) {
        ExportStep s = step(false);
        std::int64_t pause = 0;
        if (s.status == "idle") pause = _options.idleSleepMs;
        else if (s.status == "prepare-retry" || s.status == "prepare-failed") pause = s.waitMs;
        if (pause > 0) _services.pClock->sleepFor(pause, cancelled);
    }
}

std::vector<ExportStep> ExportRunner::drain(std::size_t maxSteps) {
    std::vector<ExportStep> steps;
    for (std::size_t i = 0; i < maxSteps; ++i) {
        ExportStep s = step(true);
        if (s.status == "idle") break;
        steps.push_back(s);
        if (s.status == "prepare-failed" || s.status == "prepare-retry") break;
    }
    return steps;
}

} // namespace jobhost::host::exports
