// StoreUnderTest.h — a fresh, empty jobhost store on the engine the test run asks for.
// SPDX-License-Identifier: Apache-2.0
//
// Engine: $JOBHOST_TEST_STORE — unset or "sqlite": a SQLite file in a fresh
// temp folder; "postgresql": a fresh database on one throwaway PostgreSQL
// server (testing::PostgresServer) that the first such store of the process
// starts and process exit stops. CTest runs the engine-neutral suites once
// per engine (the "_postgresql" tests set the variable).
//
// Ownership: a StoreUnderTest owns its folder or database and the
// host::Store opened on it; the destructor removes them (DROP DATABASE …
// WITH (FORCE) ends sessions still open on it). Any other value of the
// variable, or a server that cannot be started, throws std::runtime_error
// saying why (the tests fail; they are never skipped).
#pragma once

#include <memory>
#include <string>

#include "store/Store.h"

namespace jobhost::testing {

class StoreUnderTest {
public:
    StoreUnderTest();
    ~StoreUnderTest();
    StoreUnderTest(const StoreUnderTest&) = delete;
    StoreUnderTest& operator=(const StoreUnderTest&) = delete;

    /// The engine $JOBHOST_TEST_STORE selects (throws for an unknown value).
    static bool postgresRequested();

    /// For tests that run the jobhost executable with a data folder: the
    /// store location of `dataDirectory` on the requested engine —
    /// <dataDirectory>/jobhost.db, or a database of its own on the shared
    /// server (created on the first call for the folder, same answer after;
    /// the databases go with the server at exit). Thread-safe.
    static std::string locationFor(const std::string& dataDirectory);

    host::Store& store() { return *_pStore; }
    /// What `--store` takes to reach this store: the file or the URL.
    std::string location() const;
    /// A folder of its own for files the test needs beside the store.
    const std::string& directory() const { return _directory; }

private:
    std::string _directory;
    std::string _database; // PostgreSQL only
    std::unique_ptr<host::Store> _pStore;
};

} // namespace jobhost::testing
