// tests/host/plugins — ConfigSchemaTest.cpp
// Job-config validation: types, required, defaults, enums, ranges, unknown keys.
// SPDX-License-Identifier: Apache-2.0
#include "ConfigSchemaTest.h"

#include "TestPaths.h"
#include "app/HostException.h"
#include "plugins/ManifestReader.h"
#include "util/JsonDocument.h"

namespace jobhost::tests {
namespace {

using Poco::JSON::Object;

host::ConfigSchema importSchema() {
    static host::ProviderManifest m = host::ManifestReader::readFile(TestPaths::fixtureManifests + "/good/fixture.json");
    return m.findJobType("import")->config;
}

std::vector<std::string> errorsFor(const std::string& json) {
    std::vector<std::string> errors;
    importSchema().validate(host::JsonDocument::parseObject(json, "test"), "jobs.j.config", errors);
    return errors;
}

std::string only(const std::vector<std::string>& errors) {
    CPPUNIT_ASSERT_EQUAL_MESSAGE(errors.empty() ? "" : errors.front(), std::size_t(1), errors.size());
    return errors.front();
}

} // namespace

void ConfigSchemaTest::testDefaultsAreFilledIn() {
    Object::Ptr config = importSchema().validateOrThrow(host::JsonDocument::parseObject(R"({"site":"s1"})", "t"), "c");
    CPPUNIT_ASSERT_EQUAL(std::string("delta"), config->getValue<std::string>("mode"));
    CPPUNIT_ASSERT_EQUAL(10, config->getValue<int>("limit"));
    CPPUNIT_ASSERT_EQUAL(std::string("s1"), config->getValue<std::string>("site"));
    CPPUNIT_ASSERT(!config->has("options")); // optional object without default stays absent
}

void ConfigSchemaTest::testUnknownKeyIsRefused() {
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.sight: unknown key (known keys: limit, mode, options, site, tags)"),
                         only(errorsFor(R"({"site":"s","sight":"x"})")));
}

void ConfigSchemaTest::testWrongTypeNamesKeyPath() {
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.limit: expected integer, found string \"5\""), only(errorsFor(R"({"site":"s","limit":"5"})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.limit: expected integer, found number 2.5"), only(errorsFor(R"({"site":"s","limit":2.5})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.site: expected string, found boolean true"), only(errorsFor(R"({"site":true})")));
}

void ConfigSchemaTest::testMissingRequiredIsRefused() {
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.site: required string is missing"), only(errorsFor("{}")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.site: required string is missing"), only(errorsFor(R"({"site":null})")));
}

void ConfigSchemaTest::testBadEnumIsRefused() {
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.mode: \"fast\" is not one of full, delta"), only(errorsFor(R"({"site":"s","mode":"fast"})")));
}

void ConfigSchemaTest::testRangeIsChecked() {
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.limit: 0 is below the minimum 1"), only(errorsFor(R"({"site":"s","limit":0})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.limit: 101 is above the maximum 100"), only(errorsFor(R"({"site":"s","limit":101})")));
}

void ConfigSchemaTest::testNestedPathsAreNamed() {
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.options.verbose: expected boolean, found string \"yes\""),
                         only(errorsFor(R"({"site":"s","options":{"verbose":"yes"}})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.options.loud: unknown key (known keys: verbose)"),
                         only(errorsFor(R"({"site":"s","options":{"loud":true}})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.tags[1]: expected string, found number 3"), only(errorsFor(R"({"site":"s","tags":["a",3]})")));
}

void ConfigSchemaTest::testAllErrorsAreReported() {
    std::vector<std::string> errors = errorsFor(R"({"mode":"x","limit":-1,"bogus":1})");
    CPPUNIT_ASSERT_EQUAL(std::size_t(4), errors.size());
    try {
        importSchema().validateOrThrow(host::JsonDocument::parseObject(R"({"mode":"x","limit":-1,"bogus":1})", "t"), "c");
        CPPUNIT_FAIL("invalid config accepted");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_EQUAL(std::string("c.bogus: unknown key (known keys: limit, mode, options, site, tags)\n"
                                         "c.mode: \"x\" is not one of full, delta\n"
                                         "c.limit: -1 is below the minimum 1\n"
                                         "c.site: required string is missing"),
                             e.message());
    }
}

void ConfigSchemaTest::testSecretKeysAreListed() {
    host::ProviderManifest m = host::ManifestReader::readFile(TestPaths::fixtureManifests + "/good/fixture.json");
    CPPUNIT_ASSERT(m.findAuthMethod("password")->fields.secretKeys() == std::vector<std::string>{"password"});
    Object::Ptr json = m.findAuthMethod("password")->fields.toJson();
    CPPUNIT_ASSERT(json->getObject("password")->getValue<bool>("secret"));
}

} // namespace jobhost::tests
