// ConfigReaderFuzzer.cpp — libFuzzer target: provider manifests and declarative configs as JSON text.
// The readers' contract: any text is either read or refused with the
// host's documented exceptions (HostException subclasses naming the key
// path); anything else escaping is a bug. Declarative configs are checked
// against the repository's real manifests (postup), loaded once.
// SPDX-License-Identifier: Apache-2.0
#include "FuzzInput.h"

#include <cstdlib>
#include <memory>

#include "app/HostException.h"
#include "config/DeclarativeConfig.h"
#include "plugins/ManifestReader.h"
#include "plugins/PluginRegistry.h"
#include "util/JsonDocument.h"

namespace {

const jobhost::host::PluginRegistry& registry() {
    static std::unique_ptr<jobhost::host::PluginRegistry> registry = [] {
        const char* dir = std::getenv("JOBHOST_MANIFEST_DIR");
        auto r = std::make_unique<jobhost::host::PluginRegistry>(dir ? dir : JOBHOST_FUZZ_MANIFEST_DIR, "");
        r->loadManifestsOnly();
        return r;
    }();
    return *registry;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using jobhost::host::HostException;
    const std::string text = jobhost::fuzz::FuzzInput(data, size).text();
    const auto& manifests = registry();
    Poco::JSON::Object::Ptr document;
    try {
        document = jobhost::host::JsonDocument::parseObject(text, "fuzz.json");
    } catch (const HostException&) {
        return 0;
    }
    try {
        jobhost::host::ManifestReader::read(document, "fuzz.json");
    } catch (const HostException&) {
    }
    try {
        jobhost::host::DeclarativeConfig::read(document, "fuzz.json", manifests);
    } catch (const HostException&) {
    }
    return 0;
}
