// StoreUnderTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/testing/StoreUnderTest.h"

#include "jobhost/testing/PostgresServer.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <atomic>
#include <map>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <unistd.h>

using namespace Poco::Data::Keywords;

namespace jobhost::testing {
namespace {

/// The process's one server, started on first use; stopped by static
/// destruction at exit (its watchdog covers a crash).
PostgresServer& sharedServer() {
    static std::mutex mutex;
    static std::unique_ptr<PostgresServer> server;
    std::lock_guard<std::mutex> lock(mutex);
    if (!server) server = std::make_unique<PostgresServer>();
    return *server;
}

Poco::Data::Session adminSession(PostgresServer& server) {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
    return Poco::Data::Session("postgresql", server.connectionString());
}

std::string pgUrl(const PostgresServer& server, const std::string& database) {
    return "postgresql://" + server.user() + "@" + server.host() + ":" + std::to_string(server.port()) + "/" + database;
}

} // namespace

bool StoreUnderTest::postgresRequested() {
    const char* value = std::getenv("JOBHOST_TEST_STORE");
    const std::string engine = value ? value : "";
    if (engine.empty() || engine == "sqlite") return false;
    if (engine == "postgresql") return true;
    throw std::runtime_error("JOBHOST_TEST_STORE='" + engine + "': expected sqlite or postgresql");
}

std::string StoreUnderTest::locationFor(const std::string& dataDirectory) {
    if (!postgresRequested()) return host::Store::defaultFile(dataDirectory);
    static std::mutex mutex;
    static std::map<std::string, std::string> databases;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = databases.find(dataDirectory);
    if (it == databases.end()) {
        const std::string name = "home_" + std::to_string(::getpid()) + "_" + std::to_string(databases.size() + 1);
        PostgresServer& server = sharedServer();
        try {
            Poco::Data::Session admin = adminSession(server);
            admin << "CREATE DATABASE " + name, now;
        } catch (const Poco::Exception& e) {
            throw std::runtime_error("StoreUnderTest: CREATE DATABASE " + name + " on " + pgUrl(server, "") + ": " + e.displayText());
        }
        it = databases.emplace(dataDirectory, pgUrl(server, name)).first;
    }
    return it->second;
}

StoreUnderTest::StoreUnderTest() {
    Poco::File folder(Poco::TemporaryFile::tempName());
    folder.createDirectories();
    _directory = folder.path();
    if (!postgresRequested()) {
        _pStore = std::make_unique<host::Store>(_directory + "/jobhost.db");
        return;
    }
    static std::atomic<int> counter{0};
    _database = "store_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    PostgresServer& server = sharedServer();
    try {
        Poco::Data::Session admin = adminSession(server);
        admin << "CREATE DATABASE " + _database, now; // a name made here: [a-z0-9_]
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("StoreUnderTest: CREATE DATABASE " + _database + " on " + pgUrl(server, "") + ": " + e.displayText());
    }
    _pStore = std::make_unique<host::Store>(host::StoreLocation::parse(pgUrl(server, _database)));
}

StoreUnderTest::~StoreUnderTest() {
    _pStore.reset();
    if (!_database.empty()) {
        try {
            Poco::Data::Session admin = adminSession(sharedServer());
            admin << "DROP DATABASE IF EXISTS " + _database + " WITH (FORCE)", now;
        } catch (const std::exception&) {
            // the server goes away with the process anyway
        }
    }
    try {
        Poco::File(_directory).remove(true);
    } catch (const std::exception&) {
    }
}

std::string StoreUnderTest::location() const {
    return _database.empty() ? _directory + "/jobhost.db" : pgUrl(sharedServer(), _database);
}

} // namespace jobhost::testing
