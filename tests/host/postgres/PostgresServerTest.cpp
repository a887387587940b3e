// tests/host/postgres — PostgresServerTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostgresServerTest.h"

#include "jobhost/testing/PostgresServer.h"

#include <libpq-fe.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>

namespace jobhost::tests {

using testing::PostgresServer;

namespace {

bool acceptsConnections(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

/// Live processes whose command line mentions `text` (a server's folder).
int processesMentioning(const std::string& text) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const std::string cmdline = PostgresServer::commandLineOf(static_cast<pid_t>(std::stol(name)));
        if (cmdline.find(text) != std::string::npos && std::stoi(name) != ::getpid()) ++count;
    }
    return count;
}

/// The postmaster of the cluster in `directory` runs (its argv: .../postgres -D DIR/data -p N).
bool postmasterRuns(const std::string& directory) {
    return processesMentioning(std::string("postgres\0-D\0", 12) + directory + "/data") > 0;
}

/// The destructor (or a failed start) returns only once all is gone.
void assertLeftNothing(const std::string& directory, int port) {
    CPPUNIT_ASSERT_MESSAGE("a process still runs in " + directory, processesMentioning(directory) == 0);
    CPPUNIT_ASSERT_MESSAGE(directory + " still exists", !std::filesystem::exists(directory));
    if (port > 0) {
        CPPUNIT_ASSERT_MESSAGE("port " + std::to_string(port) + " still accepts connections", !acceptsConnections(port));
    }
    // Nothing comes back either (a postmaster still starting would create its socket and lock files).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CPPUNIT_ASSERT_MESSAGE(directory + " came back", !std::filesystem::exists(directory));
}

std::string startFailure(const PostgresServer::Options& options) {
    try {
        PostgresServer server(options);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    CPPUNIT_FAIL("PostgresServer started, a failure was expected");
    return {};
}

void assertContains(const std::string& text, const std::string& part) {
    CPPUNIT_ASSERT_MESSAGE("'" + part + "' not in: " + text, text.find(part) != std::string::npos);
}

/// Sets an environment variable for one scope.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : _name(name) {
        if (const char* old = std::getenv(name)) _old = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (_old) ::setenv(_name, _old->c_str(), 1);
        else ::unsetenv(_name);
    }

private:
    const char* _name;
    std::optional<std::string> _old;
};

} // namespace

void PostgresServerTest::testTwoServersHaveOwnPortsAndFoldersAndLeaveNothing() {
    auto first = std::make_unique<PostgresServer>();
    auto second = std::make_unique<PostgresServer>();
    const int ports[] = {first->port(), second->port()};
    const std::string folders[] = {first->directory(), second->directory()};

    CPPUNIT_ASSERT(ports[0] != ports[1]);
    CPPUNIT_ASSERT(folders[0] != folders[1]);
    for (int i = 0; i < 2; ++i) {
        CPPUNIT_ASSERT(ports[i] > 0 && ports[i] < 65536);
        CPPUNIT_ASSERT(std::filesystem::is_directory(folders[i] + "/data"));
        CPPUNIT_ASSERT(acceptsConnections(ports[i]));
        CPPUNIT_ASSERT(postmasterRuns(folders[i]));
    }

    first.reset();
    assertLeftNothing(folders[0], ports[0]);
    CPPUNIT_ASSERT(acceptsConnections(ports[1])); // the other one is untouched
    second.reset();
    assertLeftNothing(folders[1], ports[1]);
}

void PostgresServerTest::testConnectionStringAndUrlReachTheDatabase() {
    PostgresServer::Options options;
    options.user = "store_owner";
    options.database = "store_db";
    PostgresServer server(options);
    const std::string port = std::to_string(server.port());

    CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), server.host());
    CPPUNIT_ASSERT_EQUAL(std::string("store_owner"), server.user());
    CPPUNIT_ASSERT_EQUAL(std::string("store_db"), server.database());
    CPPUNIT_ASSERT_EQUAL("host=127.0.0.1 port=" + port + " user=store_owner dbname=store_db", server.connectionString());
    CPPUNIT_ASSERT_EQUAL("postgresql://store_owner@127.0.0.1:" + port + "/store_db", server.url());

    // Both forms reach the created database over TCP, as that user, through libpq.
    for (const std::string& conninfo : {server.connectionString(), server.url()}) {
        std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(conninfo.c_str()), &PQfinish);
        CPPUNIT_ASSERT_MESSAGE(conninfo + ": " + PQerrorMessage(connection.get()),
                               PQstatus(connection.get()) == CONNECTION_OK);
        std::unique_ptr<PGresult, decltype(&PQclear)> result(
            PQexec(connection.get(), "SELECT current_database(), current_user, inet_server_addr()::text, "
                                     "current_setting('server_version_num')::int / 10000"),
            &PQclear);
        CPPUNIT_ASSERT_EQUAL(PGRES_TUPLES_OK, PQresultStatus(result.get()));
        CPPUNIT_ASSERT_EQUAL(std::string("store_db"), std::string(PQgetvalue(result.get(), 0, 0)));
        CPPUNIT_ASSERT_EQUAL(std::string("store_owner"), std::string(PQgetvalue(result.get(), 0, 1)));
        CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1/32"), std::string(PQgetvalue(result.get(), 0, 2)));
        CPPUNIT_ASSERT_EQUAL(std::string("15"), std::string(PQgetvalue(result.get(), 0, 3)));
    }
}

void PostgresServerTest::testBadBinDirectoryNamesTheFix() {
    PostgresServer::Options options;
    options.binDirectory = "/nonexistent/postgresql/bin";
    const std::string message = startFailure(options);
    assertContains(message, "Options::binDirectory is /nonexistent/postgresql/bin");
    assertContains(message, "initdb, pg_ctl, postgres, pg_isready, createdb");
    assertContains(message, "PostgreSQL tests need the Debian package postgresql-15: run scripts/setup");
}

void PostgresServerTest::testBinDirectoryFromTheEnvironment() {
    ScopedEnvironment bin("JOBHOST_POSTGRES_BIN_DIR", "/usr/bin/../share"); // exists, holds no server
    const std::string message = startFailure({});
    assertContains(message, "JOBHOST_POSTGRES_BIN_DIR is /usr/bin/../share");
    assertContains(message, "run scripts/setup");
}

void PostgresServerTest::testUnsafeNamesAreRefused() {
    for (const char* name : {"", "two words", "x;drop", "Upper", "1st", "quote'"}) {
        PostgresServer::Options options;
        options.database = name;
        try {
            PostgresServer server(options);
            CPPUNIT_FAIL(std::string("database '") + name + "' was accepted");
        } catch (const std::invalid_argument& e) {
            assertContains(e.what(), "Options::database '" + std::string(name) + "' must be");
        }
    }
    PostgresServer::Options options;
    options.user = "a b";
    CPPUNIT_ASSERT_THROW(PostgresServer{options}, std::invalid_argument);
}

void PostgresServerTest::testStartTimeoutFailsAndCleansUp() {
    PostgresServer::Options options;
    options.startTimeout = std::chrono::seconds(0); // pg_ctl -t 0 stops waiting at once
    const std::string message = startFailure(options);
    assertContains(message, "the server did not start within 0 s (Options::startTimeout)");
    assertContains(message, "pg_ctl: server did not start in time"); // the command's own output
    assertContains(message, "If the machine is busy, raise Options::startTimeout.");
    assertContains(message, "run scripts/setup");

    // The message names the folder (in the command); it is gone, with its server.
    std::smatch folder;
    CPPUNIT_ASSERT_MESSAGE(message, std::regex_search(message, folder, std::regex("/[^ ]*jobhost-postgres-[A-Za-z0-9]{6}")));
    std::smatch port;
    CPPUNIT_ASSERT_MESSAGE(message, std::regex_search(message, port, std::regex("-p ([0-9]+)")));
    assertLeftNothing(folder.str(), std::stoi(port[1].str()));
}

} // namespace jobhost::tests
