// jobhost postup tests — SimHarness.cpp
// SPDX-License-Identifier: Apache-2.0
#include "SimHarness.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "ActivityImporter.h"
#include "PostupImportJob.h"
#include "client/PostupDate.h"

#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
#include "transport/ManualClock.h"
#include "transport/PocoHttpTransport.h"
#endif

namespace jobhost::plugins::postup::test {

SimHarness::SimHarness(sim::SimulatorOptions options) {
    if (!options.now) options.now = kNowSeconds;
    _pServer = std::make_unique<sim::SimulatorServer>(options);
    _pServer->start();
    DirectHttpTransport::Options transport;
    transport.maxAttempts = 8;
    transport.baseBackoffMs = 1;
    transport.maxBackoffMs = 20;
    transport.maxRetryAfterMs = 20;
    _pTransport = std::make_unique<DirectHttpTransport>(transport);
#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
    host::PocoHttpTransport::Options hostOptions;
    hostOptions.retry.maxAttempts = 8;
    hostOptions.retry.baseMs = 1;
    hostOptions.retry.capMs = 20;
    hostOptions.retry.maxElapsedMs = 0;
    hostOptions.pClock = std::make_shared<host::ManualClock>();
    _pPluginTransport = std::make_shared<host::PocoHttpTransport>(hostOptions);
    _pRecorder = std::make_unique<RecordingTransport>(*_pPluginTransport);
#else
    _pRecorder = std::make_unique<RecordingTransport>(*_pTransport);
#endif
}

SimHarness::~SimHarness() { _pServer->stop(); }

const char* SimHarness::transportName() {
#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
    return "host PocoHttpTransport";
#else
    return "DirectHttpTransport";
#endif
}

std::string SimHarness::config(const std::string& extra) const {
    std::string json = "{\"site_id\":\"" + _pServer->siteId() + "\",\"api_base_url\":\"" + _pServer->apiBaseUrl() +
                       "\",\"report_base_url\":\"" + _pServer->reportBaseUrl() + "\",\"site_short_name\":\"" +
                       _pServer->siteName() + "\"";
    if (!extra.empty()) json += "," + extra;
    return json + "}";
}

sdk::Credentials SimHarness::credentials(const std::string& user, const std::string& password) const {
    return {{"username", user}, {"password", password}, {"api_base_url", _pServer->apiBaseUrl()}};
}

sdk::Outcome SimHarness::runOnce(MemoryStore& store, std::int64_t nowMs,
                                 const std::function<void(MemoryImportContext&)>& setup, const std::string& config,
                                 const sdk::Credentials* credentials) {
    MemoryImportContext context(store, *_pRecorder, config.empty() ? this->config() : config,
                                credentials ? *credentials : this->credentials());
    context.setNowMs(nowMs ? nowMs : this->nowMs());
    if (setup) setup(context);
    PostupImportJob job;
    const sdk::Outcome outcome = job.run(context);
    context.finish(outcome.isOk());
    return outcome;
}

sdk::Outcome SimHarness::runToCompletion(MemoryStore& store, std::int64_t nowMs, int maxRuns, const std::string& config) {
    sdk::Outcome outcome;
    for (int i = 0; i < maxRuns; ++i) {
        outcome = runOnce(store, nowMs, {}, config);
        if (outcome.status != sdk::OutcomeStatus::Retry) break;
    }
    return outcome;
}

Poco::Dynamic::Var SimHarness::simGet(const std::string& path) {
    sdk::HttpRequest request;
    request.url = _pServer->baseUrl() + path;
    const auto response = _pTransport->send(request);
    if (response.status != 200) throw std::runtime_error("GET " + path + " → " + std::to_string(response.status));
    Poco::JSON::Parser parser;
    return parser.parse(response.body);
}

std::set<std::int64_t> SimHarness::mailingsInWindow(std::int64_t nowMs, int windowDays) {
    std::set<std::int64_t> out;
    const auto value = simGet("/_sim/mailings");
    Poco::JSON::Array::Ptr array;
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        array = value.extract<Poco::JSON::Array::Ptr>();
    } else {
        auto object = value.extract<Poco::JSON::Object::Ptr>();
        array = object->getArray("mailings");
    }
    const std::int64_t from = nowMs - static_cast<std::int64_t>(windowDays) * 86400000;
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto m = array->getObject(static_cast<unsigned>(i));
        if (!m->has("scheduledEpoch") || m->isNull("scheduledEpoch")) continue;
        const std::int64_t at = m->getValue<Poco::Int64>("scheduledEpoch") * 1000;
        if (at >= from && at <= nowMs) out.insert(m->getValue<Poco::Int64>("mailingId"));
    }
    return out;
}

std::set<std::string> SimHarness::expectedActivityKeys(std::int64_t nowMs, int windowDays) {
    std::set<std::string> keys;
    for (auto mailing : mailingsInWindow(nowMs, windowDays)) {
        for (const char* type : {"OPEN", "CLICK", "HARD", "SOFT"}) {
            for (const auto& row : _pServer->expectedActivity(mailing, type)) {
                const auto ms = PostupDate::parseMs(row.time);
                keys.insert(ActivityImporter::naturalKey(mailing, row.recipientId, type, ms.value_or(-1)));
            }
        }
    }
    return keys;
}

std::int64_t SimHarness::totalMemberships() {
    std::int64_t total = 0;
    for (const auto& counts : _pServer->listCounts()) total += counts.total;
    return total;
}

} // namespace jobhost::plugins::postup::test
