// tests/host/transport — RedactorTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "RedactorTest.h"

#include "transport/Redactor.h"

namespace jobhost::tests {

using host::Redactor;

void RedactorTest::testSecretsAreMasked() {
    CPPUNIT_ASSERT_EQUAL(std::string("login *** failed; *** again"),
                         Redactor::redact("login hunter2 failed; hunter2 again", {"hunter2"}));
    CPPUNIT_ASSERT_EQUAL(std::string("a *** b ***"), Redactor::redact("a s1 b tok", {"s1", "tok"}));
    CPPUNIT_ASSERT_EQUAL(std::string("nothing here"), Redactor::redact("nothing here", {"absent"}));
}

void RedactorTest::testEncodedSecretsAreMasked() {
    const std::string secret = "p@ss w/rd&x";
    CPPUNIT_ASSERT_EQUAL(std::string("?password=***"), Redactor::redact("?password=p%40ss%20w%2Frd%26x", {secret}));
    CPPUNIT_ASSERT_EQUAL(std::string("q=***"), Redactor::redact("q=p%40ss+w%2Frd%26x", {secret}));
}

void RedactorTest::testLongestSecretWins() {
    CPPUNIT_ASSERT_EQUAL(std::string("[***]"), Redactor::redact("[abcdef]", {"abc", "abcdef"}));
}

void RedactorTest::testEmptySecretsAreIgnored() {
    CPPUNIT_ASSERT_EQUAL(std::string("keep"), Redactor::redact("keep", {"", ""}));
    CPPUNIT_ASSERT(Redactor({"", "x"}).secrets().size() == 1);
}

void RedactorTest::testUserInfoIsStripped() {
    CPPUNIT_ASSERT_EQUAL(std::string("https://api.example.com/v1/x"),
                         Redactor::redactUrl("https://user:secret@api.example.com/v1/x"));
    CPPUNIT_ASSERT_EQUAL(std::string("http://host:8080"), Redactor::redactUrl("http://a:b@host:8080"));
    CPPUNIT_ASSERT_EQUAL(std::string("see http://h/p and https://h2/?x=1"),
                         Redactor::redactUrl("see http://u:p@h/p and https://v@h2/?x=1"));
    // An @ in the path is not userinfo.
    CPPUNIT_ASSERT_EQUAL(std::string("http://h/users/a@b.c"), Redactor::redactUrl("http://h/users/a@b.c"));
}

void RedactorTest::testSensitiveQueryValuesAreMasked() {
    CPPUNIT_ASSERT_EQUAL(std::string("http://h/p?user=bob&password=***&apiKey=***&page=2#frag"),
                         Redactor::redactUrl("http://h/p?user=bob&password=pw&apiKey=k1&page=2#frag"));
    CPPUNIT_ASSERT_EQUAL(std::string("http://h/p?access_token=***&flag"),
                         Redactor::redactUrl("http://h/p?access_token=abc&flag"));
    CPPUNIT_ASSERT_EQUAL(std::string("http://h/p?q=a%3Db&n=1"), Redactor::redactUrl("http://h/p?q=a%3Db&n=1"));
    CPPUNIT_ASSERT_EQUAL(std::string("http://h/p?Client%5FSecret=***"),
                         Redactor::redactUrl("http://h/p?Client%5FSecret=zzz"));
}

void RedactorTest::testSensitiveKeyNames() {
    for (const char* name : {"password", "PASSWORD", "passwd", "pwd", "client_secret", "token", "access_token",
                             "api_key", "apiKey", "key", "authorization", "sig", "signature", "credentials",
                             "sessionId"})
        CPPUNIT_ASSERT_MESSAGE(name, Redactor::isSensitiveKey(name));
    for (const char* name : {"user", "page", "q", "limit", "listId", "email"})
        CPPUNIT_ASSERT_MESSAGE(name, !Redactor::isSensitiveKey(name));
}

void RedactorTest::testInstanceAppliesBoth() {
    const Redactor redactor({"Zebra9", "Ant"});
    CPPUNIT_ASSERT_EQUAL(std::string("http://h/x?u=***&token=***"),
                         redactor.applyToUrl("http://me:Zebra9@h/x?u=Ant&token=Zebra9"));
    CPPUNIT_ASSERT_EQUAL(std::string("*** and ***"), redactor.apply("Zebra9 and Ant"));
}

} // namespace jobhost::tests
