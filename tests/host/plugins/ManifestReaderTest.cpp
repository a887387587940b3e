// tests/host/plugins — ManifestReaderTest.cpp
// The real manifest passes; broken copies fail with the key path named.
// SPDX-License-Identifier: Apache-2.0
#include "ManifestReaderTest.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "TestPaths.h"
#include "app/HostException.h"
#include "plugins/ManifestReader.h"
#include "util/JsonDocument.h"

namespace jobhost::tests {
namespace {

using Poco::JSON::Object;

std::string postupPath() { return TestPaths::manifests + "/postup.json"; }
Object::Ptr postupCopy() { return host::JsonDocument::readObjectFile(postupPath()); }

std::string manifestError(const Object::Ptr& document) {
    try {
        host::ManifestReader::read(document, postupPath());
    } catch (const host::HostException& e) {
        return e.message();
    }
    CPPUNIT_FAIL("expected the manifest to be refused");
    return {};
}

Object::Ptr child(const Object::Ptr& o, const std::string& path) {
    Object::Ptr current = o;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t dot = path.find('.', start);
        std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        current = current->getObject(key);
        start = dot == std::string::npos ? path.size() : dot + 1;
    }
    return current;
}

} // namespace

void ManifestReaderTest::testRealPostupManifestPasses() {
    host::ProviderManifest m = host::ManifestReader::readFile(postupPath());
    CPPUNIT_ASSERT_EQUAL(std::string("postup"), m.name);
    CPPUNIT_ASSERT_EQUAL(std::string("postup"), m.library);
    CPPUNIT_ASSERT_EQUAL(1, m.abi);
    const host::AuthMethod* password = m.findAuthMethod("password");
    CPPUNIT_ASSERT(password);
    CPPUNIT_ASSERT(password->fields.secretKeys() == std::vector<std::string>{"password"});
    const host::JobType* import = m.findJobType("import");
    const host::JobType* exportType = m.findJobType("export");
    CPPUNIT_ASSERT(import && import->role == host::JobRole::Import);
    CPPUNIT_ASSERT(exportType && exportType->role == host::JobRole::Export);
    // The export schema carries every key the issue names, with defaults.
    Object::Ptr config = exportType->config.validateOrThrow(new Object(*host::JsonDocument::parseObject(R"({"audience":"a"})", "t")), "config");
    CPPUNIT_ASSERT_EQUAL(std::string("email"), config->getValue<std::string>("email_field"));
    CPPUNIT_ASSERT_EQUAL(false, config->getValue<bool>("remove_on_exit"));
    CPPUNIT_ASSERT_EQUAL(1000, config->getValue<int>("batch_size"));
    CPPUNIT_ASSERT_EQUAL(5000, config->getValue<int>("flush_interval_ms"));
    CPPUNIT_ASSERT(!config->has("list"));
    CPPUNIT_ASSERT(m.findStream("postup_users") && m.findStream("postup_activity"));
    CPPUNIT_ASSERT_EQUAL(6, m.httpRetry.maxAttempts);
}

void ManifestReaderTest::testUnknownKeyIsRefused() {
    Object::Ptr d = postupCopy();
    d->set("colour", "blue");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": colour: unknown key (allowed: abi, authorization_methods, concurrency, description, http_limits, job_types, "
                                        "library, name, rate_limit, retry, streams, title, version)",
                         manifestError(d));
}

void ManifestReaderTest::testWrongTypeIsRefused() {
    Object::Ptr d = postupCopy();
    d->set("abi", "1");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": abi: expected integer", manifestError(d));
    d = postupCopy();
    child(d, "job_types.import.config.site_id")->set("required", "yes");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": job_types.import.config.site_id.required: expected boolean, found string \"yes\"", manifestError(d));
}

// Found by fuzz/config_reader: "concurrency": 3.604e43 was cast to int64 (UB).
void ManifestReaderTest::testIntegersBeyondInt64AreRefused() {
    for (const char* text : {"3.604e43", "18446744073709551615", "9223372036854775808", "-1e300", "4.5"}) {
        Object::Ptr d = postupCopy();
        d->set("concurrency", Poco::JSON::Parser().parse(std::string("[") + text + "]").extract<Poco::JSON::Array::Ptr>()->get(0));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text, postupPath() + ": concurrency: expected integer", manifestError(d));
    }
}

void ManifestReaderTest::testMissingRequiredKeyIsRefused() {
    Object::Ptr d = postupCopy();
    d->remove("version");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": version: required string is missing", manifestError(d));
}

void ManifestReaderTest::testBadEnumIsRefused() {
    Object::Ptr d = postupCopy();
    child(d, "job_types.import")->set("role", "importer");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": job_types.import.role: \"importer\" is not one of import, export", manifestError(d));
    d = postupCopy();
    child(d, "job_types.export.config.email_field")->set("type", "text");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": job_types.export.config.email_field.type: unknown type \"text\"; expected one of string, "
                                        "integer, number, boolean, object, map, array",
                         manifestError(d));
}

void ManifestReaderTest::testBadJsonNamesLineAndColumn() {
    std::string path = TestPaths::fixtureManifests + "/mixed/broken.json";
    try {
        host::ManifestReader::readFile(path);
        CPPUNIT_FAIL("broken JSON accepted");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_EQUAL(path + ":6:1: expected ',' or '}' in object", e.message());
    }
    try {
        host::JsonDocument::parseObject("{\n  \"a\": [1, 2,],\n}", "inline.json");
        CPPUNIT_FAIL("trailing comma accepted");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_EQUAL(std::string("inline.json:2:14: trailing ',' before ']'"), e.message());
    }
}

void ManifestReaderTest::testUnknownSchemaAttributeIsRefused() {
    Object::Ptr d = postupCopy();
    child(d, "job_types.import.config.site_id")->set("colour", "red");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": job_types.import.config.site_id.colour: unknown schema attribute", manifestError(d));
}

void ManifestReaderTest::testManifestAbiMismatchIsRefused() {
    Object::Ptr d = postupCopy();
    d->set("abi", 7);
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": abi: manifest declares ABI 7, this host speaks ABI 1; install a plugin and manifest built for ABI 1",
                         manifestError(d));
}

void ManifestReaderTest::testMappingOutsideManifestFolderIsRefused() {
    Object::Ptr d = postupCopy();
    child(d, "streams.postup_users")->set("mapping", "../../etc/passwd");
    CPPUNIT_ASSERT_EQUAL(postupPath() + ": streams.postup_users.mapping: must be a relative path below the manifest's folder", manifestError(d));
}

} // namespace jobhost::tests
