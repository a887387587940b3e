// TestStore.h — jobhost audiences tests: a temporary store with helpers to append stream events.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/MappingSet.h"
#include "lql/Value.h"
#include "jobhost/testing/StoreUnderTest.h"
#include "store/Store.h"

#include <Poco/Data/Session.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

// A store file in a fresh temporary folder (removed by the destructor) and
// one open session. Not thread-safe.
class TestStore {
public:
    using Event = std::map<std::string, std::string>;

    TestStore();
    ~TestStore();

    Poco::Data::Session& session() { return *_pSession; }
    jobhost::host::Store& store() { return _db.store(); }
    const std::string& folder() const { return _db.directory(); }

    // Appends an event (fields in map order) and returns true when stored.
    bool append(const std::string& stream, const Event& event, jobhost::host::lql::TimeMs eventTime,
                const std::string& naturalKey = "");

    // Inserts or updates an audience definition as `jobhost apply` would.
    void defineAudience(const std::string& slug, const std::string& filter);
    void removeAudience(const std::string& slug);

    // Every stored profile JSON by id (canonical rows only).
    std::map<std::int64_t, std::string> profileJson();

    static std::shared_ptr<jobhost::host::lql::MappingSet> defaultMappings();

private:
    jobhost::testing::StoreUnderTest _db; // SQLite, or PostgreSQL for the _postgresql run
    std::unique_ptr<Poco::Data::Session> _pSession;
};
