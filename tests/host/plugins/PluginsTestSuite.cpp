// tests/host/plugins — PluginsTestSuite.cpp
// SPDX-License-Identifier: Apache-2.0
#include <cppunit/TestSuite.h>

#include "CliTest.h"
#include "ConfigSchemaTest.h"
#include "DeclarativeConfigTest.h"
#include "HostLayoutTest.h"
#include "ManifestReaderTest.h"
#include "PluginLoaderTest.h"

namespace jobhost::tests {

CppUnit::Test* pluginsTestSuite() {
    auto* suite = new CppUnit::TestSuite("PluginsTestSuite");
    suite->addTest(PluginLoaderTest::suite());
    suite->addTest(ManifestReaderTest::suite());
    suite->addTest(ConfigSchemaTest::suite());
    suite->addTest(DeclarativeConfigTest::suite());
    suite->addTest(CliTest::suite());
    suite->addTest(HostLayoutTest::suite());
    return suite;
}

} // namespace jobhost::tests
