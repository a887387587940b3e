// jobhost postup tests — PluginModuleTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PluginModuleTest.h"

#include <iostream>

#include "support/SimHarness.h"

#ifdef JOBHOST_POSTUP_HOST_LOADER
#include "plugins/ManifestReader.h"
#include "plugins/PluginLoader.h"
#endif

namespace jobhost::plugins::postup::test {

void PluginModuleTest::testLoadsAndVerifiesThroughLoader() {
#ifdef JOBHOST_POSTUP_HOST_LOADER
    const auto manifest = host::ManifestReader::readFile(JOBHOST_POSTUP_MANIFEST);
    host::PluginLoader loader(JOBHOST_POSTUP_PLUGIN_DIR);
    auto plugin = loader.load(manifest);
    CPPUNIT_ASSERT_EQUAL(std::string("0.1.0"), plugin->pluginVersion());
    std::string error;
    auto authorization = plugin->createAuthorization("password", error);
    CPPUNIT_ASSERT_MESSAGE(error, authorization);
    CPPUNIT_ASSERT(plugin->createImportJob("import", error));

    sim::SimulatorOptions o;
    o.recipients = 20;
    SimHarness harness(o);
    MemoryStore store;
    MemoryImportContext good(store, harness.transport(), "{}", harness.credentials());
    const auto ok = authorization->verify(good);
    CPPUNIT_ASSERT_MESSAGE(ok.message, ok.status == sdk::AuthStatus::Ok);
    MemoryImportContext denied(store, harness.transport(), "{}", harness.credentials("noperms@example.com"));
    const auto missing = authorization->verify(denied);
    CPPUNIT_ASSERT(missing.status == sdk::AuthStatus::MissingPrivilege);
    CPPUNIT_ASSERT_EQUAL(std::string("return the array of lists"), missing.privilege);

    // The import job from the module runs too.
    auto job = plugin->createImportJob("import", error);
    MemoryImportContext context(store, harness.transport(), harness.config(), harness.credentials());
    context.setNowMs(harness.nowMs());
    const auto outcome = job->run(context);
    context.finish(outcome.isOk());
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(harness.totalMemberships()), store.count("postup_users"));
#else
    std::cerr << " (skipped: built without jobhost::core) ";
#endif
}

} // namespace jobhost::plugins::postup::test
