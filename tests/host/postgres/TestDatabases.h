// tests/host/postgres — TestDatabases.h
// The runner's one throwaway PostgreSQL server and fresh databases on it.
// SPDX-License-Identifier: Apache-2.0
//
// Ownership: the server (testing::PostgresServer) is started by the first
// call and stopped at process exit with everything on it; databases are
// never dropped one by one. Failure: a server that cannot be started throws
// std::runtime_error saying why (the test fails). Thread-safe.
#pragma once

#include <string>

#include "jobhost/testing/PostgresServer.h"
#include "store/StoreLocation.h"

namespace jobhost::tests::postgres {

testing::PostgresServer& server();

/// A new, empty database on server(), named <prefix>_<n>.
std::string freshDatabase(const std::string& prefix);

/// postgresql://<user>[:password]@127.0.0.1:<port>/<database> on server()
/// (the server trusts 127.0.0.1, so any password is accepted and ignored).
std::string urlOf(const std::string& database, const std::string& password = "");
host::StoreLocation locationOf(const std::string& database);

} // namespace jobhost::tests::postgres
