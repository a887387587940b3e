// tests/host/postgres — StoreOptionTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "StoreOptionTest.h"

#include "InProcessCli.h"
#include "TempDirectory.h"
#include "TestDatabases.h"

#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Net/ServerSocket.h>

#include <vector>

#include "store/Migrations.h"
#include "store/Store.h"

using namespace Poco::Data::Keywords;

namespace jobhost::tests {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }


/// Sets a variable for one scope and puts the old state back.
class ScopedVariable {
public:
    ScopedVariable(std::string name, const std::string& value) : _name(std::move(name)), _had(Poco::Environment::has(_name)) {
        if (_had) _old = Poco::Environment::get(_name);
        Poco::Environment::set(_name, value);
    }
    ~ScopedVariable() {
        if (_had) Poco::Environment::set(_name, _old);
        else ::unsetenv(_name.c_str());
    }

private:
    std::string _name;
    bool _had;
    std::string _old;
};

using postgres::CliRun;
using postgres::runCli;

int migrationsIn(const std::string& database) {
    Poco::Data::Session session("postgresql", postgres::server().connectionString() + " dbname=" + database);
    int tables = 0, versions = 0;
    session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'", into(tables), now;
    if (tables) session << "SELECT COUNT(*) FROM schema_migrations", into(versions), now;
    return versions;
}

} // namespace

void StoreOptionTest::testStoreOptionOpensThePostgresDatabase() {
    TempDirectory data;
    const std::string database = postgres::freshDatabase("option_store");
    CliRun run = runCli({"--data-dir", data.path(), "--store", postgres::urlOf(database), "runs"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.err, 0, run.exitCode);
    CPPUNIT_ASSERT_EQUAL(std::string("no runs yet\n"), run.out);
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), migrationsIn(database));
    CPPUNIT_ASSERT(!Poco::File(host::Store::defaultFile(data.path())).exists());
}

void StoreOptionTest::testEnvironmentSelectsTheStoreAndTheOptionWins() {
    TempDirectory data;
    const std::string fromEnvironment = postgres::freshDatabase("option_env"), fromOption = postgres::freshDatabase("option_wins");
    {
        ScopedVariable store("JOBHOST_STORE", postgres::urlOf(fromEnvironment));
        CliRun run = runCli({"--data-dir", data.path(), "runs"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(run.err, 0, run.exitCode);
        CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), migrationsIn(fromEnvironment));
        CPPUNIT_ASSERT_EQUAL(0, migrationsIn(fromOption));

        CliRun overridden = runCli({"--data-dir", data.path(), "--store", postgres::urlOf(fromOption), "runs"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(overridden.err, 0, overridden.exitCode);
        CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), migrationsIn(fromOption));
    }
    CPPUNIT_ASSERT(!Poco::File(host::Store::defaultFile(data.path())).exists());
    // Without either: the embedded default.
    CliRun embedded = runCli({"--data-dir", data.path(), "runs"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(embedded.err, 0, embedded.exitCode);
    CPPUNIT_ASSERT(Poco::File(host::Store::defaultFile(data.path())).exists());
}

void StoreOptionTest::testMalformedStoreIsNamedWithWhereItCameFrom() {
    TempDirectory data;
    CliRun option = runCli({"--data-dir", data.path(), "--store", "postgresql://jobhost@:5432/db", "runs"});
    CPPUNIT_ASSERT_EQUAL(78, option.exitCode);
    CPPUNIT_ASSERT_MESSAGE(option.err, contains(option.err, "jobhost: --store: no host in store URL postgresql://...@:5432/db"));

    ScopedVariable store("JOBHOST_STORE", "postgresql://jobhost@127.0.0.1:5432");
    CliRun environment = runCli({"--data-dir", data.path(), "runs"});
    CPPUNIT_ASSERT_EQUAL(78, environment.exitCode);
    CPPUNIT_ASSERT_MESSAGE(environment.err, contains(environment.err, "jobhost: JOBHOST_STORE: "));
    CPPUNIT_ASSERT_MESSAGE(environment.err, contains(environment.err, "no database"));
    CPPUNIT_ASSERT_EQUAL(std::string(), option.out + environment.out);
    CPPUNIT_ASSERT(!Poco::File(host::Store::defaultFile(data.path())).exists());
}

void StoreOptionTest::testUnreachableStoreExits70WithoutThePassword() {
    TempDirectory data;
    int closedPort = 0;
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        closedPort = socket.address().port();
    }
    const std::string url = "postgresql://jobhost:hunter2-secret@127.0.0.1:" + std::to_string(closedPort) + "/jobhost";
    CliRun run = runCli({"--data-dir", data.path(), "--store", url, "runs"});
    CPPUNIT_ASSERT_EQUAL(70, run.exitCode);
    CPPUNIT_ASSERT_MESSAGE(run.err, contains(run.err, "postgresql://jobhost@127.0.0.1:" + std::to_string(closedPort) +
                                                         "/jobhost: cannot connect to the PostgreSQL store"));
    CPPUNIT_ASSERT_MESSAGE(run.err, !contains(run.err, "hunter2"));
}

void StoreOptionTest::testCopiedStoreAnswersLikeTheOriginal() {
    TempDirectory data;
    {
        host::Store source(host::Store::defaultFile(data.path()));
        Poco::Data::Session session = source.openSession();
        session << "INSERT INTO jobs (id, name, provider, type, authorization_name, config_json, interval_seconds, enabled, created_at, "
                   "updated_at) VALUES (1, 'nightly', 'postup', 'import', 'main', '{}', 86400, 1, 1764800000000, 1764800000000)",
            now;
        session << "INSERT INTO runs (id, job_id, job_name, trigger, attempt, status, error, started_at, ended_at, records_read, "
                   "records_written, checkpoint_after, worker) VALUES (1, 1, 'nightly', 'schedule', 1, 'succeeded', '', 1764800000000, "
                   "1764800042000, 120, 118, '{\"lists\":3}', 'host-1:1'), (2, 1, 'nightly', 'manual', 2, 'failed', 'PostUp said no', "
                   "1764900000000, 1764900001000, 0, 0, NULL, 'host-1:2')",
            now;
        session << "INSERT INTO run_log (run_id, at, level, message) VALUES (1, 1764800000001, 'info', 'started'), "
                   "(1, 1764800041999, 'warning', 'list 7: 2 recipients without email')",
            now;
    }
    const std::string url = postgres::urlOf(postgres::freshDatabase("option_copy"));
    CliRun copy = runCli({"--data-dir", data.path(), "store", "copy", "--to", url});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(copy.err, 0, copy.exitCode);
    for (const std::vector<std::string>& verb : {std::vector<std::string>{"runs"}, {"runs", "--log", "1"}, {"runs", "nightly"}}) {
        std::vector<std::string> onSqlite{"--data-dir", data.path()}, onPostgres{"--data-dir", data.path(), "--store", url};
        onSqlite.insert(onSqlite.end(), verb.begin(), verb.end());
        onPostgres.insert(onPostgres.end(), verb.begin(), verb.end());
        CliRun a = runCli(onSqlite), b = runCli(onPostgres);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(a.err, 0, a.exitCode);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(b.err, 0, b.exitCode);
        CPPUNIT_ASSERT_MESSAGE(a.out, contains(a.out, "nightly"));
        CPPUNIT_ASSERT_EQUAL(a.out, b.out);
    }
}

} // namespace jobhost::tests
