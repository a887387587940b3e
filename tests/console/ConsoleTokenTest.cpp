// ConsoleTokenTest.cpp — jobhost console tests: token generation, hash at rest, rotation.
// SPDX-License-Identifier: Apache-2.0
#include "ConsoleTokenTest.h"

#include <sys/stat.h>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "ConsoleFixture.h"
#include "util/JsonDocument.h"

using jobhost::host::ConsoleToken;
using jobhost::host::JsonDocument;

namespace {
std::string folder;
}

void ConsoleTokenTest::setUp() {
    folder = Poco::TemporaryFile::tempName() + "-token";
}

void ConsoleTokenTest::tearDown() {
    if (Poco::File(folder).exists()) Poco::File(folder).remove(true);
}

void ConsoleTokenTest::testEnsureCreatesOnce() {
    ConsoleToken token(ConsoleToken::defaultFile(folder));
    std::string first = token.ensure();
    CPPUNIT_ASSERT(first.rfind(ConsoleToken::Prefix, 0) == 0);
    CPPUNIT_ASSERT(first.size() >= 40);
    CPPUNIT_ASSERT_EQUAL(std::string(), token.ensure()); // shown once only
    CPPUNIT_ASSERT(token.verify(first));
}

void ConsoleTokenTest::testStoredHashedWithMode0600() {
    ConsoleToken token(ConsoleToken::defaultFile(folder));
    std::string value = token.ensure();
    std::string stored = JsonDocument::readFile(token.file());
    CPPUNIT_ASSERT(stored.find(value) == std::string::npos);
    CPPUNIT_ASSERT(stored.find(value.substr(4)) == std::string::npos);
    CPPUNIT_ASSERT(stored.rfind("jobhost-token v1 sha256 ", 0) == 0);
    struct stat st {};
    CPPUNIT_ASSERT_EQUAL(0, ::stat(token.file().c_str(), &st));
    CPPUNIT_ASSERT_EQUAL(0600, static_cast<int>(st.st_mode & 0777));
    // Same token, different salt → different hash (salted).
    CPPUNIT_ASSERT(ConsoleToken::hash("a", value) != ConsoleToken::hash("b", value));
}

void ConsoleTokenTest::testVerify() {
    ConsoleToken token(ConsoleToken::defaultFile(folder));
    CPPUNIT_ASSERT(!token.verify("anything")); // no file yet
    std::string value = token.ensure();
    CPPUNIT_ASSERT(token.verify(value));
    CPPUNIT_ASSERT(!token.verify(""));
    CPPUNIT_ASSERT(!token.verify(value + "x"));
    CPPUNIT_ASSERT(!token.verify(value.substr(0, value.size() - 1)));
}

void ConsoleTokenTest::testRotateInvalidatesOldToken() {
    ConsoleToken token(ConsoleToken::defaultFile(folder));
    std::string first = token.ensure();
    std::string second = token.rotate();
    CPPUNIT_ASSERT(first != second);
    CPPUNIT_ASSERT(!token.verify(first));
    CPPUNIT_ASSERT(token.verify(second));
}

void ConsoleTokenTest::testRotationSeenByOtherInstance() {
    ConsoleToken server(ConsoleToken::defaultFile(folder));
    std::string first = server.ensure();
    CPPUNIT_ASSERT(server.verify(first));
    ConsoleToken cli(ConsoleToken::defaultFile(folder)); // `jobhost token` in another process
    std::string second = cli.rotate();
    CPPUNIT_ASSERT(!server.verify(first));
    CPPUNIT_ASSERT(server.verify(second));
}
