// tests/host/plugins — DeclarativeConfigTest.cpp
// The `apply`/`validate` config: shape, references, and secret resolution.
// SPDX-License-Identifier: Apache-2.0
#include "DeclarativeConfigTest.h"

#include <cstdlib>
#include <fstream>

#include <Poco/TemporaryFile.h>

#include "TestPaths.h"
#include "app/HostException.h"
#include "config/DeclarativeConfig.h"
#include "util/JsonDocument.h"

namespace jobhost::tests {
namespace {

host::PluginRegistry& fixtureManifests() {
    static host::PluginRegistry registry(TestPaths::fixtureManifests + "/good", TestPaths::fixturePlugins);
    static bool loaded = (registry.loadManifestsOnly(), true);
    (void)loaded;
    return registry;
}

host::DeclarativeConfig readConfig(const std::string& json) {
    return host::DeclarativeConfig::read(host::JsonDocument::parseObject(json, "cfg.json"), "cfg.json", fixtureManifests());
}

std::string configError(const std::string& json) {
    try {
        readConfig(json);
    } catch (const host::ConfigException& e) {
        return e.message();
    }
    CPPUNIT_FAIL("expected the config to be refused");
    return {};
}

const char* kValid = R"({
  "authorizations": {"main": {"provider": "fixture", "method": "password", "label": "Main",
                              "fields": {"user": "u", "password": "${env:JOBHOST_TEST_PASSWORD}"}}},
  "jobs": {"nightly": {"provider": "fixture", "type": "import", "authorization": "main",
                       "schedule": {"interval_seconds": 600}, "config": {"site": "s1"}}},
  "audiences": {"openers": {"name": "Openers", "filter": "FILTER pu_open_ct > 0"}}
})";

} // namespace

void DeclarativeConfigTest::testExampleShapedConfigIsValid() {
    host::DeclarativeConfig config = readConfig(kValid);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), config.authorizations().size());
    CPPUNIT_ASSERT_EQUAL(std::string("Main"), config.authorizations()[0].label);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), config.jobs().size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(600), *config.jobs()[0].intervalSeconds);
    CPPUNIT_ASSERT_EQUAL(std::string("delta"), config.jobs()[0].config->getValue<std::string>("mode"));
    CPPUNIT_ASSERT_EQUAL(std::string("FILTER pu_open_ct > 0"), config.audiences()[0].filter);
}

// 18446744073709551615 threw Poco::RangeException out of the reader; 1e40
// in an integer config field was cast to int64 (UB). Both are problems now.
void DeclarativeConfigTest::testIntegersBeyondInt64AreProblems() {
    std::string json = kValid;
    json.replace(json.find("600"), 3, "18446744073709551615");
    json.replace(json.find("\"config\": {\"site\": \"s1\"}"), 0, "\"retry\": {\"max_attempts\": 1e40}, ");
    json.replace(json.find("\"site\": \"s1\""), 0, "\"limit\": 1e40, ");
    const std::string message = configError(json);
    CPPUNIT_ASSERT_MESSAGE(message, message.find("jobs.nightly.schedule.interval_seconds: expected a non-negative integer") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(message, message.find("jobs.nightly.retry.max_attempts: expected a non-negative integer") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(message, message.find("jobs.nightly.config.limit:") != std::string::npos);
}

void DeclarativeConfigTest::testRetryOverrideIsReadAndChecked() {
    std::string json = kValid;
    json.replace(json.find("\"config\": {\"site\": \"s1\"}"), 0, "\"retry\": {\"max_attempts\": 2, \"base_ms\": 1000}, ");
    host::DeclarativeConfig config = readConfig(json);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(2), *config.jobs()[0].retry.maxAttempts);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1000), *config.jobs()[0].retry.baseMs);
    CPPUNIT_ASSERT(!config.jobs()[0].retry.capMs);
    std::string bad = kValid;
    bad.replace(bad.find("\"config\": {\"site\": \"s1\"}"), 0, "\"retry\": {\"max_attempts\": -1, \"jitter\": 1}, ");
    CPPUNIT_ASSERT_EQUAL(std::string("cfg.json: 2 problems\n"
                                     "  jobs.nightly.retry.jitter: unknown key (allowed: base_ms, cap_ms, max_attempts, max_elapsed_ms)\n"
                                     "  jobs.nightly.retry.max_attempts: expected a non-negative integer"),
                         configError(bad));
}

void DeclarativeConfigTest::testInlineSecretIsRefused() {
    std::string json = kValid;
    json.replace(json.find("${env:JOBHOST_TEST_PASSWORD}"), std::string("${env:JOBHOST_TEST_PASSWORD}").size(), "hunter2");
    CPPUNIT_ASSERT_EQUAL(std::string("cfg.json: 1 problem\n  authorizations.main.fields.password: secret fields must be a reference, "
                                     "${env:NAME} or ${file:PATH}, never the secret itself"),
                         configError(json));
}

void DeclarativeConfigTest::testUnknownProviderTypeAndAuthorizationAreNamed() {
    std::string message = configError(R"({
      "jobs": {"a": {"provider": "nosuch", "type": "import", "authorization": "x"},
               "b": {"provider": "fixture", "type": "sync", "authorization": "x"},
               "c": {"provider": "fixture", "type": "import", "authorization": "x", "config": {"site": 1}, "cron": "*"}}
    })");
    CPPUNIT_ASSERT_EQUAL(std::string("cfg.json: 7 problems\n"
                                     "  jobs.a.authorization: \"x\" is not declared under authorizations\n"
                                     "  jobs.a.provider: unknown provider \"nosuch\" (known: fixture; manifests are read from " +
                                     TestPaths::fixtureManifests + "/good)\n"
                                     "  jobs.b.authorization: \"x\" is not declared under authorizations\n"
                                     "  jobs.b.type: \"sync\" is not a job type of provider fixture (known: import, export)\n"
                                     "  jobs.c.cron: unknown key (allowed: authorization, config, enabled, provider, retry, schedule, type)\n"
                                     "  jobs.c.authorization: \"x\" is not declared under authorizations\n"
                                     "  jobs.c.config.site: expected string, found number 1"),
                         message);
}

void DeclarativeConfigTest::testSecretsResolveFromEnvAndFile() {
    setenv("JOBHOST_TEST_PASSWORD", "canary-from-env", 1);
    host::DeclarativeConfig config = readConfig(kValid);
    auto resolved = config.resolveSecrets(config.authorizations()[0], fixtureManifests());
    CPPUNIT_ASSERT_EQUAL(std::string("canary-from-env"), resolved->getValue<std::string>("password"));
    CPPUNIT_ASSERT_EQUAL(std::string("u"), resolved->getValue<std::string>("user"));
    // The parsed spec itself still holds only the reference.
    CPPUNIT_ASSERT_EQUAL(std::string("${env:JOBHOST_TEST_PASSWORD}"), config.authorizations()[0].fields->getValue<std::string>("password"));

    Poco::TemporaryFile secretFile;
    { std::ofstream(secretFile.path()) << "canary-from-file\n"; }
    std::string json = kValid;
    json.replace(json.find("${env:JOBHOST_TEST_PASSWORD}"), std::string("${env:JOBHOST_TEST_PASSWORD}").size(), "${file:" + secretFile.path() + "}");
    host::DeclarativeConfig fromFile = readConfig(json);
    CPPUNIT_ASSERT_EQUAL(std::string("canary-from-file"),
                         fromFile.resolveSecrets(fromFile.authorizations()[0], fixtureManifests())->getValue<std::string>("password"));
}

void DeclarativeConfigTest::testMissingEnvironmentVariableNamesItButNoValue() {
    unsetenv("JOBHOST_TEST_PASSWORD");
    host::DeclarativeConfig config = readConfig(kValid);
    try {
        config.resolveSecrets(config.authorizations()[0], fixtureManifests());
        CPPUNIT_FAIL("unset variable accepted");
    } catch (const host::ConfigException& e) {
        CPPUNIT_ASSERT_EQUAL(std::string("authorizations.main.fields.password: environment variable JOBHOST_TEST_PASSWORD is not set"), e.message());
    }
}

} // namespace jobhost::tests
