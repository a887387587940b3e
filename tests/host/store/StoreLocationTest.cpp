// tests/host/store — StoreLocationTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "StoreLocationTest.h"

#include "app/HostException.h"
#include "store/SqlDialect.h"
#include "store/StoreLocation.h"

namespace jobhost::tests {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string refusal(const std::string& value) {
    try {
        host::StoreLocation::parse(value, "--store");
    } catch (const host::ConfigException& e) {
        return e.message();
    }
    return "(accepted)";
}

} // namespace

void StoreLocationTest::testPathIsSqlite() {
    const auto location = host::StoreLocation::parse("/var/lib/jobhost/jobhost.db");
    CPPUNIT_ASSERT(!location.isPostgres());
    CPPUNIT_ASSERT_EQUAL(std::string("/var/lib/jobhost/jobhost.db"), location.file());
    CPPUNIT_ASSERT_EQUAL(std::string("relative/x.db"), host::StoreLocation::parse("relative/x.db").display());
    CPPUNIT_ASSERT(contains(refusal(""), "--store: the store location is empty"));
    CPPUNIT_ASSERT(contains(refusal("mysql://u@h/d"), "unsupported store 'mysql://...'"));
}

void StoreLocationTest::testPostgresUrlParts() {
    const auto a = host::StoreLocation::parse("postgresql://jobs@db.internal:6543/jobhost?sslmode=require&connect_timeout=5");
    CPPUNIT_ASSERT(a.isPostgres());
    CPPUNIT_ASSERT_EQUAL(std::string("db.internal"), a.host());
    CPPUNIT_ASSERT_EQUAL(6543, a.port());
    CPPUNIT_ASSERT_EQUAL(std::string("jobs"), a.user());
    CPPUNIT_ASSERT_EQUAL(std::string("jobhost"), a.database());
    CPPUNIT_ASSERT_EQUAL(std::string("host='db.internal' port='6543' dbname='jobhost' user='jobs' sslmode='require' connect_timeout='5'"),
                         a.connectionString());
    const auto b = host::StoreLocation::parse("postgres://127.0.0.1/my%5Fdb");
    CPPUNIT_ASSERT_EQUAL(5432, b.port());
    CPPUNIT_ASSERT_EQUAL(std::string("my_db"), b.database());
    CPPUNIT_ASSERT_EQUAL(std::string("postgresql://127.0.0.1:5432/my_db"), b.display());
    const auto c = host::StoreLocation::parse("postgresql://u@[::1]:5433/d");
    CPPUNIT_ASSERT_EQUAL(std::string("::1"), c.host());
    CPPUNIT_ASSERT_EQUAL(std::string("postgresql://u@[::1]:5433/d"), c.display());
}

void StoreLocationTest::testMalformedUrlsAreRefusedWithTheReason() {
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@/d"), "--store: no host in store URL"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@h:5432"), "no database name"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@h:99999/d"), "port '99999' is not 1-65535"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@h:/d"), "port '' is not 1-65535"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@h/d?sslmode"), "query part 'sslmode' is not key=value"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@h/d%zz"), "a broken %-escape"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u:a%20b@h/d"), "white space in the password"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@h/d?password=x"), "a password in the query"));
    CPPUNIT_ASSERT(contains(refusal("postgresql://u@[::1/d"), "an unclosed ["));
}

void StoreLocationTest::testPasswordOnlyInTheConnectionString() {
    const auto location = host::StoreLocation::parse("postgresql://jobs:s3cr%27et@h/d");
    CPPUNIT_ASSERT(contains(location.connectionString(), "password='s3cr\\'et'"));
    CPPUNIT_ASSERT_EQUAL(std::string("postgresql://jobs@h:5432/d"), location.display());
    // A malformed URL with a password: the message leaves the user part out.
    const std::string message = refusal("postgresql://jobs:CANARY@h:0/d");
    CPPUNIT_ASSERT(contains(message, "port '0'"));
    CPPUNIT_ASSERT_MESSAGE(message, !contains(message, "CANARY"));
}

void StoreLocationTest::testPlaceholdersBecomeNumberedOnPostgres() {
    const auto& pg = host::SqlDialect::postgresql();
    CPPUNIT_ASSERT_EQUAL(std::string("SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2"),
                         pg("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ?"));
    CPPUNIT_ASSERT_EQUAL(std::string("x = 'it''s ?' OR y = $1"), pg("x = 'it''s ?' OR y = ?"));
    CPPUNIT_ASSERT_EQUAL(std::string("SELECT ? FROM t"), host::SqlDialect::sqlite()("SELECT ? FROM t"));
    CPPUNIT_ASSERT_EQUAL(std::string("LEAST(a, b)"), pg.least("a", "b"));
    CPPUNIT_ASSERT_EQUAL(std::string("MIN(a, b)"), host::SqlDialect::sqlite().least("a", "b"));
}

} // namespace jobhost::tests
