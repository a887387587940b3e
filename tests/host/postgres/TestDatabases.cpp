// tests/host/postgres — TestDatabases.cpp
// SPDX-License-Identifier: Apache-2.0
#include "TestDatabases.h"

#include <atomic>
#include <memory>
#include <mutex>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

namespace jobhost::tests::postgres {

testing::PostgresServer& server() {
    static std::unique_ptr<testing::PostgresServer> instance;
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    if (!instance) instance = std::make_unique<testing::PostgresServer>();
    return *instance;
}

std::string freshDatabase(const std::string& prefix) {
    static std::atomic<int> counter{0};
    Poco::Data::PostgreSQL::Connector::registerConnector();
    const std::string name = prefix + "_" + std::to_string(++counter);
    Poco::Data::Session admin("postgresql", server().connectionString());
    admin << "CREATE DATABASE " + name, now; // a test's own identifier, not input
    return name;
}

std::string urlOf(const std::string& database, const std::string& password) {
    return "postgresql://" + server().user() + (password.empty() ? "" : ":" + password) + "@127.0.0.1:" + std::to_string(server().port()) +
           "/" + database;
}

host::StoreLocation locationOf(const std::string& database) { return host::StoreLocation::parse(urlOf(database)); }

} // namespace jobhost::tests::postgres
