// tests/host/store — SecretsTest.cpp
// AES-256-GCM sealing, key loading, credential splitting.
// SPDX-License-Identifier: Apache-2.0
#include "SecretsTest.h"

#include <cstdlib>
#include <fstream>
#include <sys/stat.h>

#include <Poco/JSON/Object.h>

#include "TempDirectory.h"
#include "app/HostException.h"
#include "security/CredentialSealer.h"
#include "security/SecretBox.h"
#include "security/SecretKey.h"

namespace jobhost::tests {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Unsets JOBHOST_SECRET_KEY and JOBHOST_SECRET_KEY_FILE for the scope so
/// the data directory's key file is used.
struct NoKeyVariable {
    NoKeyVariable() {
        ::unsetenv(host::SecretKey::EnvironmentVariable);
        ::unsetenv(host::SecretKey::FileEnvironmentVariable);
    }
    ~NoKeyVariable() { ::unsetenv(host::SecretKey::FileEnvironmentVariable); }
};

} // namespace

void SecretsTest::testSealOpenRoundTripWithFreshNonces() {
    host::SecretBox box(host::SecretKey::generate());
    host::SealedSecret one = box.seal("p@ss CANARY", "authorization:a");
    host::SealedSecret two = box.seal("p@ss CANARY", "authorization:a");
    CPPUNIT_ASSERT_EQUAL(std::size_t(12), one.nonce.size());
    CPPUNIT_ASSERT(one.nonce != two.nonce);
    CPPUNIT_ASSERT(one.ciphertext != two.ciphertext);
    CPPUNIT_ASSERT(!contains(one.ciphertext, "CANARY"));
    CPPUNIT_ASSERT_EQUAL(std::string("p@ss CANARY"), box.open(one, "authorization:a", "a"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), box.open(box.seal("", "x"), "x", "x"));
}

void SecretsTest::testTamperedWrongKeyOrOtherRowFailsClearly() {
    host::SecretBox box(host::SecretKey::generate());
    host::SealedSecret sealed = box.seal("secret", "authorization:a");
    host::SealedSecret tampered = sealed;
    tampered.ciphertext[0] ^= 1;
    CPPUNIT_ASSERT_THROW(box.open(tampered, "authorization:a", "a"), host::ConfigException);
    CPPUNIT_ASSERT_THROW(box.open(sealed, "authorization:b", "b"), host::ConfigException);
    host::SecretBox other(host::SecretKey::parse(std::string(64, '7'), "JOBHOST_SECRET_KEY"));
    try {
        other.open(sealed, "authorization:a", "authorization \"a\"");
        CPPUNIT_FAIL("wrong key must not open");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), "authorization \"a\": its stored secrets cannot be decrypted with the key from JOBHOST_SECRET_KEY"));
        CPPUNIT_ASSERT(!contains(e.message(), "secret\""));
    }
}

void SecretsTest::testKeyFileCreatedWithMode0600AndReused() {
    NoKeyVariable noVariable;
    TempDirectory dir;
    std::string data = dir.file("data");
    host::SecretKey first = host::SecretKey::load(data);
    struct stat info {};
    CPPUNIT_ASSERT_EQUAL(0, ::stat(host::SecretKey::keyFile(data).c_str(), &info));
    CPPUNIT_ASSERT_EQUAL(0600u, static_cast<unsigned>(info.st_mode & 0777));
    CPPUNIT_ASSERT_EQUAL(std::size_t(32), first.bytes().size());
    host::SecretKey second = host::SecretKey::load(data);
    CPPUNIT_ASSERT(first.bytes() == second.bytes());
    CPPUNIT_ASSERT_EQUAL(host::SecretKey::keyFile(data), second.source());
}

void SecretsTest::testKeyFileReadableByOthersIsRefused() {
    NoKeyVariable noVariable;
    TempDirectory dir;
    host::SecretKey::load(dir.path());
    ::chmod(host::SecretKey::keyFile(dir.path()).c_str(), 0644);
    try {
        host::SecretKey::load(dir.path());
        CPPUNIT_FAIL("a world-readable key file must be refused");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), "chmod 600"));
    }
}

void SecretsTest::testKeyFileVariableNamesAnExistingFile() {
    NoKeyVariable noVariable;
    TempDirectory dir;
    std::string keyFile = dir.file("credential.key");
    {
        std::ofstream out(keyFile);
        out << std::string(64, 'b') << "\n";
    }
    ::chmod(keyFile.c_str(), 0400);
    ::setenv(host::SecretKey::FileEnvironmentVariable, keyFile.c_str(), 1);
    std::string data = dir.file("data");
    host::SecretKey key = host::SecretKey::load(data);
    CPPUNIT_ASSERT_EQUAL(std::string(32, '\xbb'), key.bytes());
    CPPUNIT_ASSERT_EQUAL(keyFile, key.source());
    struct stat info {};
    CPPUNIT_ASSERT_MESSAGE("no key file is created in the data directory", ::stat(host::SecretKey::keyFile(data).c_str(), &info) != 0);

    ::chmod(keyFile.c_str(), 0640);
    try {
        host::SecretKey::load(data);
        CPPUNIT_FAIL("a group-readable key file must be refused");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), keyFile + ": the secret key file is readable by other users"));
    }
    std::string missing = dir.file("missing.key");
    ::setenv(host::SecretKey::FileEnvironmentVariable, missing.c_str(), 1);
    try {
        host::SecretKey::load(data);
        CPPUNIT_FAIL("a missing key file must be an error, not a new key");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), missing + ": cannot read the secret key file"));
    }
    CPPUNIT_ASSERT(::stat(missing.c_str(), &info) != 0);
}

void SecretsTest::testKeyParsesHexAndBase64() {
    host::SecretKey hex = host::SecretKey::parse(std::string(64, 'a') + "\n", "env");
    CPPUNIT_ASSERT_EQUAL(std::string(32, '\xaa'), hex.bytes());
    host::SecretKey b64 = host::SecretKey::parse("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo=", "env");
    CPPUNIT_ASSERT_EQUAL(std::string(32, '\xaa'), b64.bytes());
    try {
        host::SecretKey::parse("too-short-SECRETVALUE", "JOBHOST_SECRET_KEY");
        CPPUNIT_FAIL("a short key must be refused");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT(contains(e.message(), "JOBHOST_SECRET_KEY: not a secret key"));
        CPPUNIT_ASSERT(!contains(e.message(), "SECRETVALUE"));
    }
}

void SecretsTest::testSealerKeepsSecretsOutOfPlainFields() {
    host::SecretBox box(host::SecretKey::generate());
    host::CredentialSealer sealer(box);
    Poco::JSON::Object::Ptr fields = new Poco::JSON::Object;
    fields->set("username", "alice");
    fields->set("password", "CANARY-pw");
    host::AuthorizationRecord record;
    record.name = "a";
    sealer.seal(record, fields, {"password"});
    CPPUNIT_ASSERT_EQUAL(std::string("{\"username\":\"alice\"}"), record.fieldsJson);
    CPPUNIT_ASSERT(!contains(record.secretCiphertext, "CANARY"));
    host::OpenedCredentials opened = sealer.open(record);
    CPPUNIT_ASSERT_EQUAL(std::string("CANARY-pw"), opened.fields.at("password"));
    CPPUNIT_ASSERT_EQUAL(std::string("alice"), opened.fields.at("username"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), opened.secretValues.size());
    std::vector<std::string> changed;
    CPPUNIT_ASSERT(sealer.same(record, fields, changed));
    fields->set("password", "other");
    CPPUNIT_ASSERT(!sealer.same(record, fields, changed));
    CPPUNIT_ASSERT_EQUAL(std::string("password"), changed.at(0));
}

} // namespace jobhost::tests
