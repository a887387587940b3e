// tests/host/postgres — PostgresConnectorTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostgresConnectorTest.h"

#include "jobhost/testing/PostgresServer.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace Poco::Data::Keywords;

namespace jobhost::tests {

using testing::PostgresServer;

namespace {

struct Row {
    Poco::Int64 id;
    std::string name;
    std::string payload; // bytes, NULs included
    int small;
};

Poco::Data::BLOB blobOf(const std::string& bytes) {
    return Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string bytesOf(const Poco::Data::BLOB& blob) {
    return std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
}

std::string hexOf(const std::string& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : bytes) {
        hex += digits[c >> 4];
        hex += digits[c & 15];
    }
    return hex;
}

std::vector<Row> sampleRows() {
    std::string everyByte;
    for (int i = 0; i < 256; ++i) everyByte += static_cast<char>(i);
    std::string large(70000, '\0'); // beyond 64 KiB, mostly NULs
    for (std::size_t i = 0; i < large.size(); i += 7) large[i] = static_cast<char>(i % 251);
    return { // in id order
        {std::numeric_limits<Poco::Int64>::min(), "int64 min", std::string(1, '\0'), std::numeric_limits<int>::min()},
        {-2, "", std::string("\0x", 2), 0}, // empty text (empty bytes: testEmptyBlobIsBoundAsNull)
        {-1, "caf\xc3\xa9 \xe2\x82\xac", std::string("a\0b\0\0c\xff\xfe", 8), -1},
        {4294967296LL * 3 + 5, "quote ' backslash \\ and \"double\"", large, 65536},
        {(Poco::Int64{1} << 53) + 1, "2^53 + 1 (no double holds it)", everyByte, 7},
        {std::numeric_limits<Poco::Int64>::max(), "int64 max", std::string("\0\0\0", 3),
         std::numeric_limits<int>::max()},
    };
}

} // namespace

void PostgresConnectorTest::setUp() { Poco::Data::PostgreSQL::Connector::registerConnector(); }

void PostgresConnectorTest::testBoundRowsRoundTripExactly() {
    PostgresServer server;
    Poco::Data::Session session("postgresql", server.connectionString());
    session << "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL, payload BYTEA NOT NULL, "
               "small INTEGER NOT NULL)",
        now;

    const auto rows = sampleRows();
    Poco::Int64 id = 0;
    std::string name;
    Poco::Data::BLOB payload;
    int small = 0;
    Poco::Data::Statement insert = (session << "INSERT INTO items (id, name, payload, small) VALUES ($1, $2, $3, $4)",
                                    use(id), use(name), use(payload), use(small));
    for (const auto& row : rows) {
        id = row.id;
        name = row.name;
        payload = blobOf(row.payload);
        small = row.small;
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, insert.execute());
    }

    std::vector<Poco::Int64> ids;
    std::vector<std::string> names;
    std::vector<Poco::Data::BLOB> payloads;
    std::vector<int> smalls;
    session << "SELECT id, name, payload, small FROM items ORDER BY id", into(ids), into(names), into(payloads),
        into(smalls), now;
    CPPUNIT_ASSERT_EQUAL(rows.size(), ids.size());
    CPPUNIT_ASSERT_EQUAL(rows.size(), names.size());
    CPPUNIT_ASSERT_EQUAL(rows.size(), payloads.size());
    CPPUNIT_ASSERT_EQUAL(rows.size(), smalls.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CPPUNIT_ASSERT_EQUAL(rows[i].id, ids[i]);
        CPPUNIT_ASSERT_EQUAL(rows[i].name, names[i]);
        CPPUNIT_ASSERT_EQUAL(rows[i].payload.size(), payloads[i].size());
        CPPUNIT_ASSERT(rows[i].payload == bytesOf(payloads[i]));
        CPPUNIT_ASSERT_EQUAL(rows[i].small, smalls[i]);
    }

    // The server holds the bytes themselves (not an escaped text form that
    // only this connector would read back): compare its length and hex.
    for (const auto& row : rows) {
        Poco::Int64 key = row.id;
        std::size_t length = 0;
        std::string hex;
        session << "SELECT octet_length(payload), encode(payload, 'hex') FROM items WHERE id = $1", use(key),
            into(length), into(hex), now;
        CPPUNIT_ASSERT_EQUAL(row.payload.size(), length);
        CPPUNIT_ASSERT(hexOf(row.payload) == hex);
    }

    // One row by key, into scalars.
    Poco::Int64 key = std::numeric_limits<Poco::Int64>::max();
    Poco::Int64 gotId = 0;
    std::string gotName;
    Poco::Data::BLOB gotPayload;
    session << "SELECT id, name, payload FROM items WHERE id = $1", use(key), into(gotId), into(gotName),
        into(gotPayload), now;
    CPPUNIT_ASSERT_EQUAL(key, gotId);
    CPPUNIT_ASSERT_EQUAL(std::string("int64 max"), gotName);
    CPPUNIT_ASSERT(std::string("\0\0\0", 3) == bytesOf(gotPayload));
}

void PostgresConnectorTest::testEmptyBlobIsBoundAsNull() {
    // Poco 1.11's connector passes an empty BLOB's rawContent() (a null
    // pointer) to PQexecPrepared, which takes it for SQL NULL. Pinned here so a
    // store engine knows, and so a Poco that fixes it shows up; COALESCE in the
    // statement stores the empty value.
    PostgresServer server;
    Poco::Data::Session session("postgresql", server.connectionString());
    session << "CREATE TABLE blobs (id INTEGER, payload BYTEA)", now;
    Poco::Data::BLOB empty;
    session << "INSERT INTO blobs VALUES (1, $1)", use(empty), now;
    session << "INSERT INTO blobs VALUES (2, COALESCE($1, ''::bytea))", use(empty), now;

    std::vector<std::string> isNull;
    std::vector<Poco::Data::BLOB> payloads;
    session << "SELECT (payload IS NULL)::text, COALESCE(payload, ''::bytea) FROM blobs ORDER BY id", into(isNull),
        into(payloads), now;
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, isNull.size());
    CPPUNIT_ASSERT_EQUAL(std::string("true"), isNull[0]);
    CPPUNIT_ASSERT_EQUAL(std::string("false"), isNull[1]);
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, payloads[1].size());

    // Empty text is not affected: it is bound as ''.
    std::string emptyText;
    std::string back = "unset";
    session << "SELECT COALESCE($1, 'NULL')", use(emptyText), into(back), now;
    CPPUNIT_ASSERT_EQUAL(std::string(), back);
}

void PostgresConnectorTest::testPlaceholdersAreNumberedNotQuestionMarks() {
    PostgresServer server;
    Poco::Data::Session session("postgresql", server.connectionString());
    int one = 1;
    int result = 0;
    session << "SELECT $1::int + 1", use(one), into(result), now;
    CPPUNIT_ASSERT_EQUAL(2, result);

    // Poco's PostgreSQL connector passes the SQL to PQprepare as it is: '?'
    // (the SQLite connector's placeholder) is a syntax error here.
    std::string error;
    try {
        session << "SELECT ?::int + 1", use(one), into(result), now;
    } catch (const Poco::Data::DataException& e) {
        error = e.displayText();
    }
    CPPUNIT_ASSERT_MESSAGE("'?' was accepted", !error.empty());
    CPPUNIT_ASSERT_MESSAGE(error, error.find("syntax error") != std::string::npos);
}

} // namespace jobhost::tests
