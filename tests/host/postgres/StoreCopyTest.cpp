// tests/host/postgres — StoreCopyTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "StoreCopyTest.h"

#include "InProcessCli.h"
#include "TempDirectory.h"
#include "TestDatabases.h"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include "app/HostException.h"
#include "store/Store.h"
#include "store/StoreCopier.h"

using namespace Poco::Data::Keywords;

namespace jobhost::tests {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }


struct SourceColumn {
    std::string name, type;
    bool notNull = false;
    bool key = false; // part of the primary key (SQLite lets those be NULL unless declared NOT NULL)
};

std::vector<SourceColumn> sourceColumns(Poco::Data::Session& session, const std::string& table) {
    std::string t = table;
    std::vector<std::string> names, types;
    std::vector<int> notNull, key;
    session << "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", use(t), into(names), into(types), into(notNull), into(key), now;
    std::vector<SourceColumn> columns;
    for (std::size_t i = 0; i < names.size(); ++i) columns.push_back({names[i], types[i], notNull[i] != 0, key[i] != 0});
    return columns;
}

/// Three rows in every table of the SQLite store, through its declared
/// column types only (so a table added later is filled too): ids and *_id
/// columns are the row number (references resolve: jobs 1-3 own runs 1-3);
/// row 2 holds NULL wherever a column allows it; other integers are
/// -7 / INT64_MIN / INT64_MAX; bytes hold NUL and 0xFF, or nothing at all.
void fillEveryTable(Poco::Data::Session& session) {
    session.begin();
    for (const auto& table : host::StoreCopier::tables()) {
        const auto columns = sourceColumns(session, table);
        for (int row = 1; row <= 3; ++row) {
            std::string names, marks;
            std::vector<Poco::Data::AbstractBinding::Ptr> binds;
            std::vector<std::unique_ptr<Poco::Nullable<Poco::Int64>>> ints;
            std::vector<std::unique_ptr<Poco::Nullable<std::string>>> texts;
            std::vector<std::unique_ptr<Poco::Nullable<Poco::Data::BLOB>>> blobs;
            Poco::Data::Statement insert(session);
            for (const auto& c : columns) {
                names += (names.empty() ? "\"" : ", \"") + c.name + "\"";
                marks += marks.empty() ? "" : ", ";
                // Empty bytes as a literal: Poco's SQLite binder sends an empty BLOB as NULL.
                if (c.type == "BLOB" && row == 3) {
                    marks += "x''";
                    continue;
                }
                marks += "?";
                const bool key = c.name == "id" || (c.name.size() > 3 && c.name.compare(c.name.size() - 3, 3, "_id") == 0) ||
                                 c.name == "seq" || c.name == "code";
                const bool null = row == 2 && !c.notNull && !c.key && !key;
                if (c.type == "INTEGER") {
                    const Poco::Int64 value = key ? row
                                                  : row == 1 ? -7
                                                  : row == 2 ? std::numeric_limits<Poco::Int64>::min()
                                                             : std::numeric_limits<Poco::Int64>::max();
                    ints.push_back(std::make_unique<Poco::Nullable<Poco::Int64>>(null ? Poco::Nullable<Poco::Int64>() : Poco::Nullable<Poco::Int64>(value)));
                    insert.addBind(use(*ints.back()));
                } else if (c.type == "TEXT") {
                    const std::string value = table + "." + c.name + " row " + std::to_string(row) + " 'single' \"double\" \\ tab\t ünï ✓";
                    texts.push_back(std::make_unique<Poco::Nullable<std::string>>(null ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(value)));
                    insert.addBind(use(*texts.back()));
                } else if (c.type == "BLOB") {
                    const std::string bytes = std::string("\0\xff\x01jobhost\0", 11) + table;
                    blobs.push_back(std::make_unique<Poco::Nullable<Poco::Data::BLOB>>(
                        null ? Poco::Nullable<Poco::Data::BLOB>()
                             : Poco::Nullable<Poco::Data::BLOB>(
                                   Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()))));
                    insert.addBind(use(*blobs.back()));
                } else {
                    CPPUNIT_FAIL(table + "." + c.name + ": the test has no value for declared type " + c.type);
                }
            }
            insert << "INSERT INTO \"" + table + "\" (" + names + ") VALUES (" + marks + ")";
            try {
                insert.execute();
            } catch (const Poco::Exception& e) {
                CPPUNIT_FAIL("filling " + table + " row " + std::to_string(row) + ": " + e.displayText());
            }
        }
    }
    session.commit();
}

/// The columns of `table` that the PostgreSQL store types BYTEA (some are
/// TEXT in SQLite's declarations but hold bytes: profiles.profile_json).
std::set<std::string> byteColumns(Poco::Data::Session& postgres, const std::string& table) {
    std::string t = table;
    std::vector<std::string> names;
    postgres << "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = $1 AND data_type = 'bytea'",
        use(t), into(names), now;
    return {names.begin(), names.end()};
}

/// Every row of `table` as text, sorted: one cell per column, NULL told
/// apart from '' and bytes shown in hex. `postgres` picks the SQL of each engine.
std::vector<std::string> dump(Poco::Data::Session& session, bool postgres, const std::string& table,
                              const std::vector<SourceColumn>& columns, const std::set<std::string>& bytes) {
    std::vector<std::string> rows;
    std::string select;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string c = "\"" + columns[i].name + "\"";
        std::string expression;
        if (bytes.count(columns[i].name)) expression = postgres ? "'x' || upper(encode(" + c + ", 'hex'))" : "'x' || hex(" + c + ")";
        else if (columns[i].type == "INTEGER") expression = "'i' || CAST(" + c + " AS TEXT)";
        else expression = "'t' || " + c;
        // (SQLite's hex(NULL) is '', so NULL is told by IS NULL, not by COALESCE.)
        select += (select.empty() ? "" : " || '|' || ") + std::string("CASE WHEN ") + c + " IS NULL THEN 'NULL' ELSE " + expression + " END";
    }
    session << "SELECT " + select + " FROM \"" + table + "\"", into(rows), now;
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::map<std::string, Poco::Int64> countsOf(const host::Store& store) {
    Poco::Data::Session session = store.openSession();
    std::map<std::string, Poco::Int64> counts;
    for (const auto& table : host::StoreCopier::tables()) {
        Poco::Int64 rows = -1;
        session << "SELECT COUNT(*) FROM \"" + table + "\"", into(rows), now;
        counts[table] = rows;
    }
    return counts;
}

std::string copyError(host::StoreCopier& copier) {
    try {
        copier.copy();
    } catch (const host::StoreException& e) {
        return e.message();
    }
    return "(copied)";
}

using postgres::CliRun;
using postgres::runCli;

} // namespace

void StoreCopyTest::testEveryTableIsCopiedValueForValue() {
    TempDirectory folder;
    host::Store source(folder.file("jobhost.db"));
    {
        Poco::Data::Session session = source.openSession();
        fillEveryTable(session);
    }
    host::Store target(postgres::locationOf(postgres::freshDatabase("copy_values")));
    host::StoreCopier copier(source, target);
    copier.setBatchRows(2); // pages of 2 and 1 rows
    std::vector<std::string> reported;
    const auto copied = copier.copy([&](const host::StoreCopier::TableCopy& t) { reported.push_back(t.table); });

    CPPUNIT_ASSERT_EQUAL(host::StoreCopier::tables().size(), copied.size());
    CPPUNIT_ASSERT(reported == host::StoreCopier::tables());
    Poco::Data::Session from = source.openSession(), to = target.openSession();
    for (const auto& table : copied) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(table.table, Poco::Int64{3}, table.rows);
        const auto columns = sourceColumns(from, table.table);
        const auto bytes = byteColumns(to, table.table);
        const auto expected = dump(from, false, table.table, columns, bytes);
        const auto actual = dump(to, true, table.table, columns, bytes);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(table.table, std::size_t{3}, expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) CPPUNIT_ASSERT_EQUAL_MESSAGE(table.table, expected[i], actual[i]);
    }
    // The fill reached the corners the copy must keep apart.
    std::vector<std::string> fields;
    to << "SELECT COALESCE(upper(encode(fields, 'hex')), 'NULL') FROM stream_events ORDER BY seq", into(fields), now;
    CPPUNIT_ASSERT_EQUAL(std::string(""), fields.at(2)); // empty, not NULL
    CPPUNIT_ASSERT(fields.at(0).rfind("00FF016A6F62686F737400", 0) == 0);
    Poco::Nullable<Poco::Int64> extreme;
    to << "SELECT MIN(interval_seconds) FROM jobs", into(extreme), now;
    CPPUNIT_ASSERT_EQUAL(std::numeric_limits<Poco::Int64>::min(), extreme.value());
}

void StoreCopyTest::testIdsContinueAfterTheCopiedOnes() {
    TempDirectory folder;
    host::Store source(folder.file("jobhost.db"));
    {
        Poco::Data::Session session = source.openSession();
        fillEveryTable(session);
        // SQLite's AUTOINCREMENT remembers id 10 after its row is gone.
        session << "INSERT INTO export_outbox (id, job, audience, profile_id, event, at, profile_json, state, attempts, available_at, "
                   "created_at) VALUES (10, 'j', 'a', 1, 'enter', 0, '{}', 'done', 0, 0, 0)",
            now;
        session << "DELETE FROM export_outbox WHERE id = 10", now;
    }
    host::Store target(postgres::locationOf(postgres::freshDatabase("copy_ids")));
    host::StoreCopier(source, target).copy();

    Poco::Data::Session to = target.openSession();
    Poco::Int64 outboxId = 0, runId = 0, auditId = 0;
    to << "INSERT INTO export_outbox (job, audience, profile_id, event, at, profile_json, state, attempts, available_at, created_at) "
          "VALUES ('j', 'a', 1, 'enter', 0, '{}', 'pending', 0, 0, 0) RETURNING id",
        into(outboxId), now;
    to << "INSERT INTO runs (job_id, job_name, trigger, attempt, status, started_at, worker) "
          "VALUES (1, 'j', 'manual', 1, 'running', 0, 'w') RETURNING id",
        into(runId), now;
    to << "INSERT INTO audit_log (at, actor, action, object_type, object_name, detail) VALUES (0, 'a', 'b', 'c', 'd', 'e') RETURNING id",
        into(auditId), now;
    CPPUNIT_ASSERT_EQUAL(Poco::Int64{11}, outboxId);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64{4}, runId);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64{4}, auditId);
    // Ids of deleted rows are not given again.
    to << "DELETE FROM export_dead_letters", now;
    Poco::Int64 deadLetterId = 0;
    to << "INSERT INTO export_dead_letters (job, outbox_id, audience, profile_id, event, at, profile_json, reason, attempts, created_at) "
          "VALUES ('j', 1, 'a', 1, 'enter', 0, '{}', 'r', 1, 0) RETURNING id",
        into(deadLetterId), now;
    CPPUNIT_ASSERT_EQUAL(Poco::Int64{4}, deadLetterId);
}

void StoreCopyTest::testTargetThatIsNotEmptyIsRefusedAndKept() {
    TempDirectory folder;
    host::Store source(folder.file("jobhost.db"));
    {
        Poco::Data::Session session = source.openSession();
        fillEveryTable(session);
    }
    host::Store target(postgres::locationOf(postgres::freshDatabase("copy_twice")));
    host::StoreCopier(source, target).copy();
    const auto before = countsOf(target);

    host::StoreCopier again(source, target);
    const std::string message = copyError(again);
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, "table authorizations: holds 3 rows"));
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, "empty store only"));
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, "nothing was copied"));
    CPPUNIT_ASSERT(before == countsOf(target));
}

void StoreCopyTest::testUnknownSourceTableIsRefusedBeforeAnythingIsWritten() {
    TempDirectory folder;
    host::Store source(folder.file("jobhost.db"));
    {
        Poco::Data::Session session = source.openSession();
        fillEveryTable(session);
        session << "CREATE TABLE team_notes (note TEXT)", now;
    }
    host::Store target(postgres::locationOf(postgres::freshDatabase("copy_unknown")));
    host::StoreCopier copier(source, target);
    const std::string message = copyError(copier);
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, source.display() + ", table team_notes: is not a jobhost table"));
    for (const auto& [table, rows] : countsOf(target)) CPPUNIT_ASSERT_EQUAL_MESSAGE(table, Poco::Int64{0}, rows);
}

void StoreCopyTest::testValueThePostgresColumnWouldChangeRollsEverythingBack() {
    TempDirectory folder;
    host::Store source(folder.file("jobhost.db"));
    {
        Poco::Data::Session session = source.openSession();
        fillEveryTable(session);
        session << "UPDATE runs SET attempt = 'three' WHERE id = 2", now; // SQLite keeps the text
    }
    host::Store target(postgres::locationOf(postgres::freshDatabase("copy_typed")));
    host::StoreCopier copier(source, target);
    const std::string message = copyError(copier);
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, "table runs: column attempt: 1 rows hold values the PostgreSQL column cannot take"));
    // authorizations and jobs were copied before runs was read: rolled back.
    for (const auto& [table, rows] : countsOf(target)) CPPUNIT_ASSERT_EQUAL_MESSAGE(table, Poco::Int64{0}, rows);
}

void StoreCopyTest::testCliCopiesAndPrintsCountsWithoutThePassword() {
    TempDirectory data;
    {
        host::Store source(host::Store::defaultFile(data.path()));
        Poco::Data::Session session = source.openSession();
        fillEveryTable(session);
    }
    const std::string database = postgres::freshDatabase("copy_cli");
    const std::string url = postgres::urlOf(database, "s3cr3t-pw");
    CliRun run = runCli({"--data-dir", data.path(), "store", "copy", "--to", url});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.err + run.out, 0, run.exitCode);
    CPPUNIT_ASSERT_MESSAGE(run.out, contains(run.out, "  stream_events                          3\n"));
    const Poco::Int64 total = 3 * static_cast<Poco::Int64>(host::StoreCopier::tables().size());
    CPPUNIT_ASSERT_MESSAGE(run.out, contains(run.out, "jobhost: copied " + std::to_string(total) + " rows in " +
                                                          std::to_string(host::StoreCopier::tables().size()) + " tables"));
    CPPUNIT_ASSERT_MESSAGE(run.out, contains(run.out, "--store " + postgres::urlOf(database)));
    CPPUNIT_ASSERT_MESSAGE(run.err, contains(run.err, "jobhost: copying " + host::Store::defaultFile(data.path())));
    CPPUNIT_ASSERT(!contains(run.out + run.err, "s3cr3t"));
    host::Store copy(postgres::locationOf(database));
    for (const auto& [table, rows] : countsOf(copy)) CPPUNIT_ASSERT_EQUAL_MESSAGE(table, Poco::Int64{3}, rows);

    // The same copy again: refused (exit 70), the message names the table, and no password.
    CliRun again = runCli({"--data-dir", data.path(), "store", "copy", "--to", url});
    CPPUNIT_ASSERT_EQUAL(70, again.exitCode);
    CPPUNIT_ASSERT_MESSAGE(again.err, contains(again.err, "table authorizations: holds 3 rows"));
    CPPUNIT_ASSERT(!contains(again.out + again.err, "s3cr3t"));
}

void StoreCopyTest::testCliRefusesAPostgresSource() {
    TempDirectory data;
    const std::string url = postgres::urlOf(postgres::freshDatabase("copy_source"));
    CliRun run = runCli({"--data-dir", data.path(), "--store", url, "store", "copy", "--to", url});
    CPPUNIT_ASSERT_EQUAL(64, run.exitCode);
    CPPUNIT_ASSERT_MESSAGE(run.err, contains(run.err, "must be an embedded SQLite store, but --store names " + url));
    CPPUNIT_ASSERT_EQUAL(std::string(), run.out);
}

} // namespace jobhost::tests
