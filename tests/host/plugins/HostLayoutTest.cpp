// tests/host/plugins — HostLayoutTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "HostLayoutTest.h"

#include <cstdlib>
#include <fstream>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "app/HostLayout.h"
#include "cli/CliApplication.h"
#include "cli/CommandContext.h"

namespace jobhost::tests {

using host::HostLayout;

void HostLayoutTest::setUp() {
    _root = Poco::TemporaryFile::tempName() + "-layout/";
    Poco::File(_root).createDirectories();
}

void HostLayoutTest::tearDown() { Poco::File(_root).remove(true); }

std::string HostLayoutTest::make(const std::string& relative) {
    std::string path = _root + relative;
    if (path.back() == '/') {
        Poco::File(path).createDirectories();
    } else {
        Poco::File(Poco::Path(path).parent()).createDirectories();
        std::ofstream(path).put('\n');
    }
    return path;
}

void HostLayoutTest::testBuildTreeFromExecutable() {
    std::string exe = make("build/bin/jobhost");
    make("build/CMakeCache.txt");
    make("build/plugins/");
    HostLayout layout = HostLayout::forExecutable(exe);
    CPPUNIT_ASSERT(layout.origin() == HostLayout::Origin::BuildTree);
    CPPUNIT_ASSERT_EQUAL(_root + "build/", layout.root());
    CPPUNIT_ASSERT_EQUAL(_root + "build/plugins/", layout.pluginDirectory());
    // Manifests and the web UI come from the source tree the host was built from.
    CPPUNIT_ASSERT(Poco::File(layout.manifestDirectory() + "postup.json").exists());
    CPPUNIT_ASSERT(Poco::File(layout.webRoot() + "index.html").exists());
    CPPUNIT_ASSERT_EQUAL("build tree " + _root + "build/", layout.describe());
    // Without CMakeCache.txt the same folders are no build tree.
    Poco::File(_root + "build/CMakeCache.txt").remove();
    CPPUNIT_ASSERT(HostLayout::forExecutable(exe).origin() != HostLayout::Origin::BuildTree);
}

void HostLayoutTest::testInstallPrefixFromExecutable() {
    std::string exe = make("prefix/bin/jobhost");
    make("prefix/lib/jobhost/plugins/");
    HostLayout layout = HostLayout::forExecutable(exe);
    CPPUNIT_ASSERT(layout.origin() == HostLayout::Origin::Installed);
    CPPUNIT_ASSERT_EQUAL(_root + "prefix/", layout.root());
    CPPUNIT_ASSERT_EQUAL(_root + "prefix/lib/jobhost/plugins/", layout.pluginDirectory());
    CPPUNIT_ASSERT_EQUAL(_root + "prefix/share/jobhost/manifests/", layout.manifestDirectory());
    CPPUNIT_ASSERT_EQUAL(_root + "prefix/share/jobhost/web/", layout.webRoot());
    CPPUNIT_ASSERT_EQUAL(_root + "prefix/share/jobhost/examples/", layout.exampleDirectory());
    CPPUNIT_ASSERT_EQUAL("installed under " + _root + "prefix/", layout.describe());
}

void HostLayoutTest::testUnknownPlaceFallsBackToCompiledIn() {
    std::string exe = make("somewhere/jobhost");
    HostLayout layout = HostLayout::forExecutable(exe);
    CPPUNIT_ASSERT(layout.origin() == HostLayout::Origin::CompiledIn);
    CPPUNIT_ASSERT(Poco::File(layout.manifestDirectory() + "postup.json").exists());
    // bin/ without plugins or manifests beside it is no install either.
    CPPUNIT_ASSERT(HostLayout::forExecutable(make("bare/bin/jobhost")).origin() == HostLayout::Origin::CompiledIn);
}

void HostLayoutTest::testEnvironmentOverridesLayout() {
    std::string exe = make("prefix/bin/jobhost");
    make("prefix/share/jobhost/manifests/");
    HostLayout layout = HostLayout::forExecutable(exe);
    CPPUNIT_ASSERT(layout.origin() == HostLayout::Origin::Installed);
    ::unsetenv("JOBHOST_PLUGIN_DIR");
    ::unsetenv("JOBHOST_MANIFEST_DIR");
    host::HostPaths paths = host::CliApplication::defaultPaths(layout);
    CPPUNIT_ASSERT_EQUAL(layout.pluginDirectory(), paths.pluginDirectory);
    CPPUNIT_ASSERT_EQUAL(layout.manifestDirectory(), paths.manifestDirectory);
    ::setenv("JOBHOST_PLUGIN_DIR", "/opt/p", 1);
    ::setenv("JOBHOST_MANIFEST_DIR", "/opt/m", 1);
    paths = host::CliApplication::defaultPaths(layout);
    ::unsetenv("JOBHOST_PLUGIN_DIR");
    ::unsetenv("JOBHOST_MANIFEST_DIR");
    CPPUNIT_ASSERT_EQUAL(std::string("/opt/p"), paths.pluginDirectory);
    CPPUNIT_ASSERT_EQUAL(std::string("/opt/m"), paths.manifestDirectory);
}

} // namespace jobhost::tests
