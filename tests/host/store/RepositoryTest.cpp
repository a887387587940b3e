// tests/host/store — RepositoryTest.cpp
// Repository SQL: de-duplication, sequences, claims, state, runs, audit.
// SPDX-License-Identifier: Apache-2.0
#include "RepositoryTest.h"

#include "jobhost/testing/StoreUnderTest.h"
#include "app/HostException.h"
#include "store/AuditRepository.h"
#include "store/AuthorizationRepository.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

namespace jobhost::tests {
namespace {

host::StreamEvent event(const std::string& stream, const std::string& key) {
    host::StreamEvent e;
    e.stream = stream;
    e.naturalKey = key;
    e.eventTimeMs = 1;
    e.ingestedAtMs = 2;
    e.fields = host::StreamFieldsCodec::encode({{"k", key}});
    return e;
}

host::JobRecord job(const std::string& name) {
    host::JobRecord j;
    j.name = name;
    j.provider = "p";
    j.type = "t";
    j.authorization = "a";
    j.intervalSeconds = 60;
    return j;
}

} // namespace

void RepositoryTest::testStreamAppendIgnoresDuplicateNaturalKeys() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session session = store.openSession();
    host::StreamRepository streams(session);
    CPPUNIT_ASSERT(streams.append(event("s", "a")));
    CPPUNIT_ASSERT(streams.append(event("s", "b")));
    CPPUNIT_ASSERT(!streams.append(event("s", "a")));
    CPPUNIT_ASSERT(streams.append(event("other", "a"))); // keys are per stream
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), streams.count("s"));
    CPPUNIT_ASSERT(streams.duplicateKeys("s").empty());
    auto events = streams.readAfter("s", 0, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), events.size());
    CPPUNIT_ASSERT(host::StreamFieldsCodec::encode({{"k", "a"}}) == events[0].fields);
}

void RepositoryTest::testStreamSequencePerStreamAndConsumerPosition() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session session = store.openSession();
    host::StreamRepository streams(session);
    for (std::string key : {"1", "2", "3"}) streams.append(event("x", key));
    streams.append(event("y", "1"));
    streams.append(event("x", "2")); // ignored: no sequence number consumed
    streams.append(event("x", "4"));
    auto events = streams.readAfter("x", 0, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t(4), events.size());
    for (std::size_t i = 0; i < events.size(); ++i) CPPUNIT_ASSERT_EQUAL(Poco::Int64(i + 1), events[i].seq);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), streams.headSeq("y"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), streams.readAfter("x", 2, 10).size());
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), streams.consumerPosition("profiles", "x"));
    streams.saveConsumerPosition("profiles", "x", 3, 10);
    streams.saveConsumerPosition("profiles", "x", 4, 11);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(4), streams.consumerPosition("profiles", "x"));
}

void RepositoryTest::testEmptyNaturalKeyIsNeverDeduplicated() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session session = store.openSession();
    host::StreamRepository streams(session);
    CPPUNIT_ASSERT(streams.append(event("s", "")));
    CPPUNIT_ASSERT(streams.append(event("s", "")));
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), streams.count("s"));
}

void RepositoryTest::testClaimIsExclusiveUntilReleased() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session one = store.openSession();
    Poco::Data::Session two = store.openSession();
    Poco::Int64 id = host::JobRepository(one).insert(job("j"));
    CPPUNIT_ASSERT(host::JobRepository(one).claim(id, 10, 1, "h:1", 60001));
    CPPUNIT_ASSERT(!host::JobRepository(two).claim(id, 11, 2, "h:2", 60002)); // another connection (process) sees the claim
    auto claims = host::JobRepository(two).claims();
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), claims.size());
    CPPUNIT_ASSERT_EQUAL(std::string("h:1"), claims[0].claimedBy);
    host::JobRepository(two).release(id, 11); // not the holder: no effect
    CPPUNIT_ASSERT(!host::JobRepository(two).claim(id, 11, 2, "h:2", 60002));
    host::JobRepository(one).release(id, 10);
    CPPUNIT_ASSERT(host::JobRepository(two).claim(id, 11, 2, "h:2", 60002));
}

void RepositoryTest::testDueJobsAndState() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session session = store.openSession();
    host::JobRepository jobs(session);
    Poco::Int64 a = jobs.insert(job("a"));
    Poco::Int64 b = jobs.insert(job("b"));
    host::JobRecord disabled = job("c");
    disabled.enabled = false;
    Poco::Int64 c = jobs.insert(disabled);
    for (auto [id, at] : {std::pair{a, 100}, std::pair{b, 50}, std::pair{c, 10}}) {
        host::JobSchedule s = jobs.schedule(id);
        s.nextRunAt = at;
        jobs.saveSchedule(s);
    }
    auto due = jobs.dueJobs(100, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), due.size());
    CPPUNIT_ASSERT_EQUAL(b, due[0]); // earliest first; disabled job skipped
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), jobs.dueJobs(60, 10).size());
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(50), jobs.nextDueAt().value());
    jobs.claim(b, 1, 0, "h:1", 60000);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), jobs.dueJobs(100, 10).size()); // claimed jobs are not due
    CPPUNIT_ASSERT(!jobs.loadState(a));
    jobs.saveState(a, "s1", 1, 5);
    jobs.saveState(a, "s2", 2, 6);
    CPPUNIT_ASSERT_EQUAL(std::string("s2"), jobs.loadState(a).value());
    CPPUNIT_ASSERT_THROW(jobs.get("missing"), host::NotFoundException);
}

void RepositoryTest::testRunRowAndLog() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session session = store.openSession();
    Poco::Int64 jobId = host::JobRepository(session).insert(job("j"));
    host::RunRepository runs(session);
    host::RunRecord run;
    run.jobId = jobId;
    run.jobName = "j";
    run.trigger = "manual";
    run.startedAt = 1000;
    run.worker = "h:1";
    run.checkpointBefore = "before";
    run.id = runs.insert(run);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), runs.running().size());
    runs.saveProgress(run.id, {5, 4, 1, 0, 0, 2}, "mid");
    runs.appendLog(run.id, 1001, "info", "hello");
    run.status = "ok";
    run.endedAt = 2000;
    run.counters = {10, 9, 1, 0, 0, 3};
    run.checkpointAfter = "after";
    runs.finish(run);
    auto stored = runs.find(run.id).value();
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), stored.status);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(9), stored.counters.written);
    CPPUNIT_ASSERT_EQUAL(std::string("before"), stored.checkpointBefore.value());
    CPPUNIT_ASSERT_EQUAL(std::string("after"), stored.checkpointAfter.value());
    CPPUNIT_ASSERT(runs.running().empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), runs.list("j", 10).size());
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), runs.list("other", 10).size());
    CPPUNIT_ASSERT_EQUAL(std::string("hello"), runs.log(run.id).at(0).message);
}

void RepositoryTest::testAuthorizationAndAuditRoundTrip() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session session = store.openSession();
    host::AuthorizationRepository authorizations(session);
    host::AuthorizationRecord r;
    r.name = "a";
    r.provider = "p";
    r.method = "m";
    r.label = "A";
    r.fieldsJson = "{\"user\":\"u\"}";
    r.secretNonce = std::string("\x00\x01\x02", 3);
    r.secretCiphertext = std::string("\xff\x00zz", 4);
    authorizations.insert(r);
    auto stored = authorizations.get("a");
    CPPUNIT_ASSERT(stored.secretNonce == r.secretNonce);
    CPPUNIT_ASSERT(stored.secretCiphertext == r.secretCiphertext);
    CPPUNIT_ASSERT_THROW(authorizations.get("b"), host::NotFoundException);
    host::AuditRepository audit(session);
    audit.append({0, 1, "cli:t", "create", "authorization", "a", "{}"});
    CPPUNIT_ASSERT_EQUAL(std::string("authorization"), audit.list(10).at(0).objectType);
}

} // namespace jobhost::tests
