// jobhost postup tests — ReportTimeZoneTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ReportTimeZoneTest.h"

#include <iostream>
#include <map>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "ImportState.h"
#include "PostupImportJob.h"
#include "client/PostupDate.h"
#include "support/DirectHttpTransport.h"
#include "support/MemoryImportContext.h"
#include "support/MemoryStore.h"
#include "support/ScriptedServer.h"

#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
#include "profiles/InMemoryProfileBuilder.h"
#include "lql/MappingSet.h"
#endif

namespace jobhost::plugins::postup::test {
namespace {

constexpr std::int64_t kNowMs = 1796126400000; // 2026-12-01T12:00:00Z

/// One OPEN report across the end of US daylight time (Sun 1 Nov 2026,
/// 02:00 CDT → 01:00 CST): zone-less times in both report formats, one
/// time in the repeated hour, and one time with a zone.
const char* const kOpenReport = "RecipID\tAddress\tExternalID\tOpenTime\r\n"
                                "7\ta@example.com\tX7\t10/31/2026 20:30\r\n"
                                "7\ta@example.com\tX7\t2026-11-01 01:30:00\r\n"
                                "7\ta@example.com\tX7\t2026-11-01 12:00:00\r\n"
                                "7\ta@example.com\tX7\t2026-10-31T23:00:00Z\r\n"
                                "7\ta@example.com\tX7\t11/29/2026 3:15\r\n"
                                "7\ta@example.com\tX7\t2026-11-29 15:15:05\r\n";

/// Runs the activity phase of one import against a scripted PostUp that
/// serves one mailing with kOpenReport; returns the committed records.
std::vector<sdk::Record> importWithZone(const std::string& zoneSetting, sdk::Outcome* outcomeOut = nullptr) {
    ScriptedServer server;
    server.push(200, R"({"siteId":"SITE-1","title":"Demo","status":"ACTIVE","version":"1"})");
    server.push(200, R"([{"campaignId":1001,"title":"Autumn"}])");
    server.push(200, R"([{"mailingId":50001,"campaignId":1001,"title":"M","status":"DONE","scheduledTime":"2026-10-30 10:00:00"}])");
    server.push({200, kOpenReport, "text/tab-separated-values", {}});
    server.push({200, "RecipID\tAddress\tExternalID\tClickTime\tURL\tLinkID\r\n", "text/tab-separated-values", {}});
    server.push({200, "RecipID\tAddress\tExternalID\tBounceTime\tBounceType\tBounceCode\r\n", "text/tab-separated-values", {}});
    server.push({200, "RecipID\tAddress\tExternalID\tBounceTime\tBounceType\tBounceCode\r\n", "text/tab-separated-values", {}});

    MemoryStore store;
    ImportState state;
    state.lastUsersImportMs = kNowMs - 3600000; // recipients are not due: activity only
    store.setState(state.toJson());
    DirectHttpTransport transport;
    const std::string config = "{\"site_id\":\"SITE-1\",\"api_base_url\":\"" + server.baseUrl() + "/api\",\"report_base_url\":\"" +
                               server.baseUrl() + "\",\"site_short_name\":\"demo\",\"report_concurrency\":1" + zoneSetting + "}";
    MemoryImportContext context(store, transport, config, {{"username", "api@example.com"}, {"password", "secret"}});
    context.setNowMs(kNowMs);
    PostupImportJob job;
    const auto outcome = job.run(context);
    context.finish(outcome.isOk());
    if (outcomeOut) *outcomeOut = outcome;
    else CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());
    std::vector<sdk::Record> out;
    for (auto& [key, record] : store.records("postup_activity")) out.push_back(record);
    return out;
}

std::multiset<std::string> eventTimes(const std::vector<sdk::Record>& records) {
    std::multiset<std::string> out;
    for (const auto& r : records) {
        CPPUNIT_ASSERT_EQUAL(PostupDate::formatIsoUtc(r.eventTimeMs), MemoryStore::field(r, "event_time"));
        out.insert(MemoryStore::field(r, "event_time"));
    }
    return out;
}

#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
using Counts = std::map<std::string, int>;

/// The records through the default postup_activity mapping; the profile's
/// map field `name` as key → count.
Counts profileMap(const std::vector<sdk::Record>& records, const std::string& name) {
    using namespace jobhost::host::profiles;
    using jobhost::host::lql::MappingSet;
    auto mappings = std::make_shared<MappingSet>();
    mappings->addFile(std::string(JOBHOST_POSTUP_MANIFEST_DIR) + "/postup/postup_activity.lql");
    InMemoryProfileBuilder builder(mappings);
    for (const auto& r : records) {
        std::map<std::string, std::string> event(r.fields.begin(), r.fields.end());
        builder.process("postup_activity", event, TimeMs{r.eventTimeMs});
    }
    const auto ids = builder.profileIds();
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), ids.size());
    Poco::JSON::Parser parser;
    const auto plain = parser.parse(builder.profile(ids.front())->toPlainJson()).extract<Poco::JSON::Object::Ptr>();
    Counts out;
    const auto field = plain->getObject(name);
    CPPUNIT_ASSERT_MESSAGE(name + " missing in " + builder.profile(ids.front())->toPlainJson(), field);
    for (const auto& [key, value] : *field) out[key] = value.convert<int>();
    return out;
}
#endif

} // namespace

void ReportTimeZoneTest::testSameReportInChicagoAndUtc() {
    // Default (no setting) is America/Chicago.
    const auto byDefault = importWithZone("");
    const auto chicago = importWithZone(",\"report_time_zone\":\"America/Chicago\"");
    const auto utc = importWithZone(",\"report_time_zone\":\"UTC\"");
    const std::multiset<std::string> chicagoTimes = {
        "2026-11-01T01:30:00Z", // 10/31 20:30 CDT (-5), before the change
        "2026-11-01T07:30:00Z", // 01:30 repeated: the later one, CST
        "2026-11-01T18:00:00Z", // 12:00 CST (-6), after the change
        "2026-10-31T23:00:00Z", // carries Z: never shifted
        "2026-11-29T09:15:00Z", // 11/29/2026 3:15 CST
        "2026-11-29T21:15:05Z"};
    const std::multiset<std::string> utcTimes = {"2026-10-31T20:30:00Z", "2026-11-01T01:30:00Z", "2026-11-01T12:00:00Z",
                                                 "2026-10-31T23:00:00Z", "2026-11-29T03:15:00Z", "2026-11-29T15:15:05Z"};
    CPPUNIT_ASSERT(chicagoTimes == eventTimes(byDefault));
    CPPUNIT_ASSERT(chicagoTimes == eventTimes(chicago));
    CPPUNIT_ASSERT(utcTimes == eventTimes(utc));
}

void ReportTimeZoneTest::testProfileFieldsFollowTheZone() {
#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
    const auto chicago = importWithZone(",\"report_time_zone\":\"America/Chicago\"");
    const auto utc = importWithZone(",\"report_time_zone\":\"UTC\"");
    // hourofweek: Sunday 00:00 UTC = 0; Saturday 23:00 = 167.
    CPPUNIT_ASSERT((Counts{{"1", 1}, {"7", 1}, {"18", 1}, {"167", 1}, {"9", 1}, {"21", 1}}) == profileMap(chicago, "pu_hourofweek"));
    CPPUNIT_ASSERT((Counts{{"164", 1}, {"1", 1}, {"12", 1}, {"167", 1}, {"3", 1}, {"15", 1}}) == profileMap(utc, "pu_hourofweek"));
    // yymm in UTC: 10/31 20:30 CDT is already November in UTC.
    CPPUNIT_ASSERT((Counts{{"2610", 1}, {"2611", 5}}) == profileMap(chicago, "pu_monthly"));
    CPPUNIT_ASSERT((Counts{{"2610", 2}, {"2611", 4}}) == profileMap(utc, "pu_monthly"));
#else
    std::cerr << " (skipped: built without jobhost::core) ";
#endif
}

void ReportTimeZoneTest::testUnknownZoneIsConfigError() {
    sdk::Outcome outcome;
    const auto none = importWithZone(",\"report_time_zone\":\"Mars/Olympus_Mons\"", &outcome);
    CPPUNIT_ASSERT(outcome.status == sdk::OutcomeStatus::Fail);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.message.rfind("job config report_time_zone: unknown IANA time zone \"Mars/Olympus_Mons\"", 0) == 0);
    CPPUNIT_ASSERT(none.empty());
    importWithZone(",\"report_time_zone\":\"../../etc/passwd\"", &outcome);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.message.find("is not an IANA time zone name") != std::string::npos);
    importWithZone(",\"report_time_zone\":7", &outcome);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.message.find("report_time_zone must be a string") != std::string::npos);
}

} // namespace jobhost::plugins::postup::test
