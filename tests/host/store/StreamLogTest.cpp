// tests/host/store — StreamLogTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "StreamLogTest.h"

#include "TempDirectory.h"
#include "jobhost/testing/StoreUnderTest.h"
#include "profiles/StreamEventFields.h"
#include "store/Migrations.h"
#include "store/Store.h"
#include "store/StreamFieldsCodec.h"
#include "store/StreamRepository.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

namespace jobhost::tests {

using host::StreamFieldsCodec;

void StreamLogTest::testFieldsRoundTripExactly() {
    const std::string nul("a\0b", 3);
    const std::string longValue(300, 'x'); // a two-byte length
    const StreamFieldsCodec::Fields cases[] = {
        {},
        {{"", ""}},
        {{"recipientId", "1001"}, {"address", "Jane <jane@example.com>"}, {"recipientId", "1002"}}, // order and repeats kept
        {{"nul", nul}, {"caf\xc3\xa9", "\xe2\x82\xac"}, {"long", longValue}, {"quote", "\"[],\\"}},
    };
    for (const auto& fields : cases) {
        const std::string bytes = StreamFieldsCodec::encode(fields);
        CPPUNIT_ASSERT(StreamFieldsCodec::isBinary(bytes));
        StreamFieldsCodec::Fields back;
        CPPUNIT_ASSERT(StreamFieldsCodec::decode(bytes, back));
        CPPUNIT_ASSERT(fields == back);
    }
    // At most three quarters of the JSON text of the same pairs (51 vs 68 bytes).
    const std::string bytes = StreamFieldsCodec::encode({{"campaign_id", "501"}, {"event_type", "open"}, {"recipientId", "1234"}});
    const std::string json = R"([["campaign_id","501"],["event_type","open"],["recipientId","1234"]])";
    CPPUNIT_ASSERT(bytes.size() * 4 <= json.size() * 3);
    // The builder's reader takes both forms; a later repeat of a name wins.
    auto event = host::profiles::StreamEventFields::decode(
        StreamFieldsCodec::encode({{"a", "1"}, {"n", nul}, {"a", "2"}}));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, event.size());
    CPPUNIT_ASSERT_EQUAL(std::string("2"), event["a"]);
    CPPUNIT_ASSERT(nul == event["n"]);
    CPPUNIT_ASSERT(!StreamFieldsCodec::isBinary(json));
    CPPUNIT_ASSERT_EQUAL(std::string("open"), host::profiles::StreamEventFields::decode(json)["event_type"]);
}

void StreamLogTest::testDamagedFieldsAreRefusedWithoutThrowing() {
    const std::string bytes = StreamFieldsCodec::encode({{"recipientId", "1001"}, {"event_type", "open"}});
    // Every truncation is refused; the pairs before the cut are kept.
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        StreamFieldsCodec::Fields back;
        CPPUNIT_ASSERT_MESSAGE("cut at " + std::to_string(n), !StreamFieldsCodec::decode(bytes.substr(0, n), back));
        CPPUNIT_ASSERT(back.size() <= 1);
        if (n >= 1 + 1 + 12 + 5) CPPUNIT_ASSERT_EQUAL(std::size_t{1}, back.size()); // first pair complete
        (void)host::profiles::StreamEventFields::decode(bytes.substr(0, n)); // never throws
    }
    StreamFieldsCodec::Fields back;
    CPPUNIT_ASSERT(!StreamFieldsCodec::decode(bytes + "x", back));                              // bytes after the last pair
    CPPUNIT_ASSERT(!StreamFieldsCodec::decode(std::string("\0\xff\xff\xff\x0f", 5), back));      // count beyond the end
    CPPUNIT_ASSERT(!StreamFieldsCodec::decode(std::string("\0\x01\x7f", 3), back));              // length beyond the end
    CPPUNIT_ASSERT(!StreamFieldsCodec::decode(std::string(12, '\x80').insert(0, 1, '\0'), back)); // endless varint
    CPPUNIT_ASSERT(!StreamFieldsCodec::decode("[]", back));                                      // JSON is not the binary form
}

void StreamLogTest::testRepositoryStoresEachFieldNameOncePerStream() {
    testing::StoreUnderTest db;
    host::Store& store = db.store();
    Poco::Data::Session session = store.openSession();
    host::StreamRepository streams(session);
    auto event = [](const std::string& stream, const std::string& key, StreamFieldsCodec::Fields fields) {
        host::StreamEvent e;
        e.stream = stream;
        e.naturalKey = key;
        e.fields = StreamFieldsCodec::encode(fields);
        return e;
    };
    const std::vector<host::StreamEvent> first{
        event("activity", "a1", {{"recipientId", "1"}, {"event_type", "open"}}),
        event("activity", "a2", {{"event_type", "click"}, {"recipientId", "2"}, {"url_clicked", "https://x/"}}),
        event("users", "u1", {{"recipientId", "1"}, {"address", "a@example.com"}}),
    };
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, streams.appendAll(first));
    // A name added by a transaction that rolled back is gone with it; the
    // next append gives it a code again.
    {
        Poco::Data::Transaction transaction(session);
        CPPUNIT_ASSERT(streams.append(event("activity", "a3", {{"bounce_reason", "full"}})));
        transaction.rollback();
    }
    CPPUNIT_ASSERT(streams.append(event("activity", "a4", {{"bounce_reason", "full"}, {"recipientId", "4"}})));

    int names = 0, activityNames = 0;
    session << "SELECT COUNT(*) FROM stream_field_names", into(names), now;
    session << "SELECT COUNT(*) FROM stream_field_names f JOIN streams s ON s.id = f.stream_id WHERE s.name = 'activity'",
        into(activityNames), now;
    CPPUNIT_ASSERT_EQUAL(6, names); // activity: 4 names, users: 2 — each once
    CPPUNIT_ASSERT_EQUAL(4, activityNames);
    // Stored coded (no names), read back self-contained and exact.
    std::vector<Poco::Data::BLOB> stored;
    session << "SELECT e.fields FROM stream_events e JOIN streams s ON s.id = e.stream_id WHERE s.name = 'activity' ORDER BY seq",
        into(stored), now;
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, stored.size());
    CPPUNIT_ASSERT_EQUAL(char('\1'), static_cast<char>(stored[0].rawContent()[0]));
    CPPUNIT_ASSERT(stored[1].size() + 3 * 8 < first[1].fields.size()); // three names of >= 10 bytes left out
    auto activity = streams.readAfter("activity", 0, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, activity.size());
    CPPUNIT_ASSERT(activity[0].fields == first[0].fields);
    CPPUNIT_ASSERT(activity[1].fields == first[1].fields);
    CPPUNIT_ASSERT(activity[2].fields == StreamFieldsCodec::encode({{"bounce_reason", "full"}, {"recipientId", "4"}}));
    CPPUNIT_ASSERT(streams.readAfter("users", 0, 10)[0].fields == first[2].fields);

    // A damaged or unknown code expands to the pairs before it, never throws.
    std::string out;
    const std::string coded = StreamFieldsCodec::encodeCoded({{"a", "1"}, {"b", "2"}}, [](const std::string& n) { return n == "a" ? 0u : 7u; });
    CPPUNIT_ASSERT(!StreamFieldsCodec::expandCoded(coded, {"a"}, out));
    CPPUNIT_ASSERT(out == StreamFieldsCodec::encode({{"a", "1"}}));
    for (std::size_t n = 0; n < coded.size(); ++n) CPPUNIT_ASSERT(!StreamFieldsCodec::expandCoded(coded.substr(0, n), {"a", "b"}, out));
}

void StreamLogTest::testMigrationKeepsEveryEventOfASchema6Store() {
    Poco::Data::SQLite::Connector::registerConnector();
    TempDirectory dir;
    const std::string file = dir.file("jobhost.db");
    {
        // A store as schema 6 left it, with JSON fields in stream_events.
        Poco::Data::Session session("SQLite", file);
        session << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)", now;
        for (const auto& migration : host::Migrations::all()) {
            if (migration.version > 6) break;
            for (const auto& sql : migration.statements) session << sql, now;
            int version = migration.version;
            std::string name = migration.name;
            session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)", use(version), use(name), now;
        }
        session << "INSERT INTO stream_events (stream, seq, natural_key, event_time, ingested_at, job_id, run_id, fields_json) VALUES "
                   "('postup_users', 1, 'u:1', 10, 11, NULL, NULL, '[[\"recipientId\",\"1\"]]'), "
                   "('postup_users', 2, NULL, 20, 21, NULL, NULL, '[[\"recipientId\",\"2\"]]'), "
                   "('postup_activity', 1, 'a:1', 30, 31, NULL, NULL, '[[\"event_type\",\"open\"],[\"recipientId\",\"1\"]]')",
            now;
    }
    host::Store store(file);
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), store.schemaVersion());
    Poco::Data::Session session = store.openSession();
    host::StreamRepository streams(session);
    auto users = streams.readAfter("postup_users", 0, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, users.size());
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), users[0].seq);
    CPPUNIT_ASSERT_EQUAL(std::string("u:1"), users[0].naturalKey);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(10), users[0].eventTimeMs);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(11), users[0].ingestedAtMs);
    CPPUNIT_ASSERT_EQUAL(std::string("[[\"recipientId\",\"1\"]]"), users[0].fields); // kept as it was
    CPPUNIT_ASSERT_EQUAL(std::string(), users[1].naturalKey);
    CPPUNIT_ASSERT_EQUAL(std::string("2"), host::profiles::StreamEventFields::decode(users[1].fields)["recipientId"]);
    auto activity = streams.readAfter("postup_activity", 0, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, activity.size());
    CPPUNIT_ASSERT_EQUAL(std::string("open"), host::profiles::StreamEventFields::decode(activity[0].fields)["event_type"]);

    // Appends after the migration continue each stream's sequence, still
    // refuse a natural key stored before it, and write the binary form.
    host::StreamEvent repeat;
    repeat.stream = "postup_users";
    repeat.naturalKey = "u:1";
    CPPUNIT_ASSERT(!streams.append(repeat));
    host::StreamEvent fresh;
    fresh.stream = "postup_users";
    fresh.naturalKey = "u:3";
    fresh.fields = StreamFieldsCodec::encode({{"recipientId", "3"}});
    CPPUNIT_ASSERT(streams.append(fresh));
    host::StreamEvent other;
    other.stream = "new_stream";
    other.naturalKey = "u:1"; // keys are per stream
    CPPUNIT_ASSERT(streams.append(other));
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(3), streams.headSeq("postup_users"));
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), streams.headSeq("new_stream"));
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(3), streams.count("postup_users"));
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), streams.count("unknown"));
    auto after = streams.readAfter("postup_users", 2, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, after.size());
    CPPUNIT_ASSERT(after[0].fields == fresh.fields);
    CPPUNIT_ASSERT(streams.duplicateKeys("postup_users").empty());
}

} // namespace jobhost::tests
