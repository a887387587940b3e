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

void ConfigSchemaTest::testFormatsAreChecked() {
    const auto schema = host::ConfigSchema::fromJson(
        host::JsonDocument::parseObject(R"({"zone":{"type":"string","format":"time_zone","default":"America/Chicago"},
                                            "link":{"type":"string","format":"url"}})", "t"),
        "job_types.import.config");
    auto errors = [&](const std::string& json) {
        std::vector<std::string> out;
        schema.validate(host::JsonDocument::parseObject(json, "test"), "jobs.j.config", out);
        return out;
    };
    CPPUNIT_ASSERT(errors(R"({"zone":"Europe/Berlin","link":"https://login.postup.com/acme/ExternalDownload.do?siteID=X"})").empty());
    CPPUNIT_ASSERT(errors(R"({"zone":"UTC","link":"http://127.0.0.1:8080/demo/ExternalDownload.do"})").empty());
    CPPUNIT_ASSERT(errors("{}").empty()); // the default is valid
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.zone: unknown IANA time zone \"Europe/Atlantis\" (no TZif zone file "
                                     "/usr/share/zoneinfo/Europe/Atlantis; names look like America/Chicago, Europe/Berlin, UTC)"),
                         only(errors(R"({"zone":"Europe/Atlantis"})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.zone: \"../../etc/passwd\" is not an IANA time zone name "
                                     "(expected e.g. America/Chicago, Europe/Berlin or UTC)"),
                         only(errors(R"({"zone":"../../etc/passwd"})")));
    // A zoneinfo file that is not a zone.
    CPPUNIT_ASSERT(only(errors(R"({"zone":"zone1970.tab"})")).find("no TZif zone file") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.link: \"ftp://x/y\" is not an http:// or https:// URL"),
                         only(errors(R"({"link":"ftp://x/y"})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.link: \"login.postup.com/acme\" is not an http:// or https:// URL"),
                         only(errors(R"({"link":"login.postup.com/acme"})")));
    CPPUNIT_ASSERT_EQUAL(std::string("jobs.j.config.link: \"https:///acme\" has no host"), only(errors(R"({"link":"https:///acme"})")));
    // The console's form description carries the format.
    CPPUNIT_ASSERT_EQUAL(std::string("time_zone"), schema.toJson()->getObject("zone")->getValue<std::string>("format"));
    // Manifest mistakes name the attribute.
    auto manifestError = [](const std::string& json) {
        try {
            host::ConfigSchema::fromJson(host::JsonDocument::parseObject(json, "t"), "job_types.import.config");
        } catch (const host::ManifestException& e) {
            return e.message();
        }
        return std::string("<accepted>");
    };
    CPPUNIT_ASSERT_EQUAL(std::string("job_types.import.config.x.format: unknown format \"colour\"; expected one of time_zone, url"),
                         manifestError(R"({"x":{"type":"string","format":"colour"}})"));
    CPPUNIT_ASSERT_EQUAL(std::string("job_types.import.config.x.format: only fields of type string have a format"),
                         manifestError(R"({"x":{"type":"integer","format":"url"}})"));
    CPPUNIT_ASSERT(manifestError(R"({"x":{"type":"string","format":"time_zone","default":"Nowhere/Land"}})").find("Nowhere/Land") !=
                   std::string::npos);
}

} // namespace jobhost::tests
