// tests/host/plugins — PluginLoaderTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PluginLoaderTest.h"

#include <cstdlib>

#include <boost/dll/library_info.hpp>
#include <boost/filesystem.hpp>

#include "TestPaths.h"
#include "app/HostException.h"
#include "jobhost/sdk/Abi.h"
#include "plugins/ElfDynamicSymbols.h"
#include "plugins/ManifestReader.h"
#include "plugins/PluginLoader.h"

namespace jobhost::tests {
namespace {

using host::PluginAbiException;
using host::PluginLoader;
using host::PluginLoadException;
using host::ProviderManifest;

/// A JobContext with only credentials, enough to call Authorization::verify.
class CredentialsContext : public sdk::JobContext {
public:
    explicit CredentialsContext(std::string password) { _credentials["password"] = std::move(password); }
    const std::string& configJson() const override { return _config; }
    const sdk::Credentials& credentials() const override { return _credentials; }
    const std::string& hostName() const override { return _config; }
    sdk::HttpTransport& http() override { throw std::logic_error("no transport in this test"); }
    sdk::Logger& logger() override { throw std::logic_error("no logger in this test"); }
    std::int64_t nowMs() const override { return 0; }
    bool cancelled() const override { return false; }
    std::string loadState() const override { return {}; }
    void progress(std::uint64_t, std::uint64_t, const std::string&) override {}

private:
    std::string _config = "{}";
    sdk::Credentials _credentials;
};

std::string canonicalDir() { return boost::filesystem::canonical(TestPaths::fixturePlugins).string(); }

ProviderManifest manifestFor(const std::string& library, const std::string& name = "fixture") {
    ProviderManifest m = host::ManifestReader::readFile(TestPaths::fixtureManifests + "/good/fixture.json");
    m.library = library;
    m.name = name;
    return m;
}

std::string loadError(const ProviderManifest& manifest) {
    PluginLoader loader(TestPaths::fixturePlugins);
    try {
        loader.load(manifest);
    } catch (const PluginLoadException& e) {
        return e.message();
    }
    CPPUNIT_FAIL("expected the loader to refuse " + manifest.library);
    return {};
}

const std::string kHint = std::string("rebuild the plugin \"") + "%s" + "\" against jobhost-sdk ABI 1 with the same compiler as the host (" JOBHOST_SDK_BUILD_ID ")";

std::string hint(const std::string& library) {
    std::string h = kHint;
    return h.replace(h.find("%s"), 2, library);
}

} // namespace

void PluginLoaderTest::testGoodPluginLoadsAndReportsRoles() {
    PluginLoader loader(TestPaths::fixturePlugins);
    auto plugin = loader.load(manifestFor("good"));
    CPPUNIT_ASSERT_EQUAL(std::string("1.0.0"), plugin->pluginVersion());
    CPPUNIT_ASSERT_EQUAL(canonicalDir() + "/good.so", plugin->file());
    std::string error;
    CPPUNIT_ASSERT(plugin->createAuthorization("password", error));
    CPPUNIT_ASSERT(plugin->createImportJob("import", error));
    CPPUNIT_ASSERT(plugin->createExportJob("export", error));
    CPPUNIT_ASSERT(error.empty());
    CPPUNIT_ASSERT(!plugin->createImportJob("nope", error));
    CPPUNIT_ASSERT_EQUAL(std::string("fixture: the plugin has no import job type \"nope\""), error);
    // The manifest's declared roles are what `jobhost plugins` reports.
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), plugin->manifest().jobTypes.size());
}

void PluginLoaderTest::testObjectsOutliveTheirLoadedPlugin() {
    std::shared_ptr<sdk::Authorization> auth;
    {
        PluginLoader loader(TestPaths::fixturePlugins);
        auto plugin = loader.load(manifestFor("good"));
        std::string error;
        auth = plugin->createAuthorization("password", error);
    } // LoadedPlugin gone; the library must stay mapped for `auth`.
    CredentialsContext right("right"), wrong("wrong");
    CPPUNIT_ASSERT(auth->verify(right).status == sdk::AuthStatus::Ok);
    CPPUNIT_ASSERT(auth->verify(wrong).status == sdk::AuthStatus::BadCredentials);
    auth.reset(); // unloads here without crashing
}

void PluginLoaderTest::testWrongAbiIsRefused() {
    CPPUNIT_ASSERT_EQUAL(TestPaths::fixturePlugins + "/wrong_abi.so: plugin ABI 999, host expects 1; " + hint("wrong_abi"),
                         loadError(manifestFor("wrong_abi")));
}

void PluginLoaderTest::testWrongBuildIdIsRefused() {
    CPPUNIT_ASSERT_EQUAL(TestPaths::fixturePlugins + "/wrong_build.so: plugin build id \"clang-3.4;cxx11abi-0;boost-105500\", host expects \"" JOBHOST_SDK_BUILD_ID "\"; " + hint("wrong_build"),
                         loadError(manifestFor("wrong_build")));
}

void PluginLoaderTest::testFileThatIsNotAPluginIsRefused() {
    std::string message = loadError(manifestFor("not_a_plugin"));
    std::string prefix = TestPaths::fixturePlugins + "/not_a_plugin.so: not a shared library this host can load (";
    std::string suffix = "); expected an ELF shared object built by jobhost_add_plugin()";
    CPPUNIT_ASSERT_EQUAL(prefix, message.substr(0, prefix.size()));
    CPPUNIT_ASSERT_EQUAL(suffix, message.substr(message.size() - suffix.size()));
}

void PluginLoaderTest::testSharedLibraryWithoutExportsIsRefused() {
    CPPUNIT_ASSERT_EQUAL(TestPaths::fixturePlugins + "/plain_library.so: not a jobhost plugin (no \"jhplug\" section with jobhost_ symbols); "
                                                     "plugins must export their entry points with JOBHOST_PLUGIN from jobhost/sdk/Exports.h",
                         loadError(manifestFor("plain_library")));
}

void PluginLoaderTest::testMissingInfoSymbolIsRefused() {
    CPPUNIT_ASSERT_EQUAL(TestPaths::fixturePlugins + "/no_info.so: missing the info symbol jobhost_plugin_info; " + hint("no_info"),
                         loadError(manifestFor("no_info")));
}

void PluginLoaderTest::testLibraryNameWithDotDotIsRefused() {
    ProviderManifest m = manifestFor("../test-plugins/good");
    CPPUNIT_ASSERT_EQUAL(m.path + ": library \"../test-plugins/good\" is not a plain file name; plugins load only from " +
                             TestPaths::fixturePlugins + " (use the library's base name, e.g. \"postup\")",
                         loadError(m));
    // The host is unharmed: the good plugin still loads afterwards.
    PluginLoader loader(TestPaths::fixturePlugins);
    CPPUNIT_ASSERT(loader.load(manifestFor("good")));
}

void PluginLoaderTest::testMissingLibraryFileIsRefused() {
    CPPUNIT_ASSERT_EQUAL(TestPaths::fixturePlugins + "/absent.so: plugin library not found for provider \"fixture\"; "
                                                     "build it (cmake --build build) or point --plugin-dir at the folder that holds it",
                         loadError(manifestFor("absent")));
}

void PluginLoaderTest::testNameMismatchIsRefused() {
    ProviderManifest m = manifestFor("good", "other");
    CPPUNIT_ASSERT_EQUAL(TestPaths::fixturePlugins + "/good.so: plugin calls itself \"fixture\", manifest " + m.path +
                             " expects \"other\"; the manifest's library points at the wrong file",
                         loadError(m));
}

void PluginLoaderTest::testThrowingFactoriesBecomeErrors() {
    PluginLoader loader(TestPaths::fixturePlugins);
    auto plugin = loader.load(manifestFor("throwing_factory", "throwing"));
    std::string error;
    CPPUNIT_ASSERT(!plugin->createImportJob("import", error));
    CPPUNIT_ASSERT_EQUAL(std::string("throwing: creating import job type \"import\" threw: import factory exploded"), error);
    CPPUNIT_ASSERT(!plugin->createExportJob("export", error));
    CPPUNIT_ASSERT_EQUAL(std::string("throwing: creating export job type \"export\" threw a non-standard exception"), error);
}

void PluginLoaderTest::testStrippedPluginLoads() {
    // What CPack/dh_strip do to a packaged plugin: no .symtab left, only .dynsym.
    namespace fs = boost::filesystem;
    fs::path dir = fs::temp_directory_path() / fs::unique_path("jobhost-stripped-%%%%%%");
    fs::create_directories(dir);
    fs::copy_file(fs::path(TestPaths::fixturePlugins) / "good.so", dir / "good.so");
    std::string so = (dir / "good.so").string();
    CPPUNIT_ASSERT_EQUAL(0, std::system(("strip --strip-unneeded " + so).c_str()));
    boost::dll::library_info info(so);
    std::vector<std::string> fromSymtab = info.symbols("jhplug");
    CPPUNIT_ASSERT_MESSAGE("strip left .symtab symbols in jhplug", fromSymtab.empty());
    std::vector<std::string> dynamic = host::ElfDynamicSymbols::inSection(so, "jhplug");
    CPPUNIT_ASSERT(std::find(dynamic.begin(), dynamic.end(), std::string(sdk::kAbiMarkerSymbol)) != dynamic.end());
    CPPUNIT_ASSERT(std::find(dynamic.begin(), dynamic.end(), std::string(sdk::kPluginInfoSymbol)) != dynamic.end());
    CPPUNIT_ASSERT(host::ElfDynamicSymbols::inSection(so, "no-such-section").empty());

    PluginLoader loader(dir.string());
    auto plugin = loader.load(manifestFor("good"));
    CPPUNIT_ASSERT_EQUAL(std::string("1.0.0"), plugin->pluginVersion());
    // A stripped wrong-ABI plugin is still refused before its code runs.
    fs::copy_file(fs::path(TestPaths::fixturePlugins) / "wrong_abi.so", dir / "wrong_abi.so");
    CPPUNIT_ASSERT_EQUAL(0, std::system(("strip --strip-unneeded " + (dir / "wrong_abi.so").string()).c_str()));
    try {
        PluginLoader(dir.string()).load(manifestFor("wrong_abi"));
        CPPUNIT_FAIL("a stripped wrong-ABI plugin must be refused");
    } catch (const PluginAbiException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), e.message().find("plugin ABI 999, host expects 1") != std::string::npos);
    }
    // Not ELF at all: a clear error, no crash.
    CPPUNIT_ASSERT_THROW(host::ElfDynamicSymbols::inSection(TestPaths::fixtureManifests + "/good/fixture.json", "jhplug"), std::runtime_error);
    plugin.reset();
    fs::remove_all(dir);
}

} // namespace jobhost::tests
