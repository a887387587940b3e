// tests/host/runtime — RuntimeEnvironment.cpp
// SPDX-License-Identifier: Apache-2.0
#include "RuntimeEnvironment.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <Poco/File.h>

#include "config/DeclarativeConfig.h"
#include "security/SecretKey.h"

namespace jobhost::tests {

std::string RuntimeEnvironment::jobhostExecutable;
std::string RuntimeEnvironment::pluginDirectory;
std::string RuntimeEnvironment::manifestDirectory;

RuntimeEnvironment::RuntimeEnvironment() {
    ::unsetenv(host::SecretKey::EnvironmentVariable);
    ::setenv("FX_TOKEN", Canary, 1);
    pStore = std::make_unique<host::Store>(host::Store::defaultFile(dataDirectory()));
    pPlugins = std::make_unique<host::PluginRegistry>(manifestDirectory, pluginDirectory);
    pPlugins->loadAll();
    pBox = std::make_unique<host::SecretBox>(host::SecretKey::load(dataDirectory()));
    pClock = std::make_shared<host::ManualClock>();
    pRandom = std::make_shared<host::FixedRandomSource>(1.0);
    pTransports = std::make_unique<host::TransportFactory>(pClock, pRandom);
    pServices = std::unique_ptr<host::RuntimeServices>(new host::RuntimeServices{*pStore, *pPlugins, *pBox, *pTransports, pClock, pRandom, "test-host",
                                                                                 host::RuntimeServices::currentWorker()});
}

std::string RuntimeEnvironment::jobConfig(const std::string& name, const std::string& type, const std::string& config, const std::string& extra) {
    return R"({"authorizations": {"fx": {"provider": "runtime", "method": "token", "fields": {"token": "${env:FX_TOKEN}"}}},
      "jobs": {")" + name + R"(": {"provider": "runtime", "type": ")" + type + R"(", "authorization": "fx", "config": )" + config + extra + "}}}";
}

host::ApplyReport RuntimeEnvironment::apply(const std::string& json) {
    std::ofstream(configFile()) << json;
    host::DeclarativeConfig config = host::DeclarativeConfig::readFile(configFile(), *pPlugins);
    return host::ConfigApplier(*pStore, *pPlugins, *pBox).apply(config, "test", pClock->epochMs());
}

std::vector<std::string> RuntimeEnvironment::cliPrefix() const {
    return {"jobhost", "--data-dir", dataDirectory(), "--plugin-dir", pluginDirectory, "--manifest-dir", manifestDirectory};
}

std::string RuntimeEnvironment::storeBytes() const {
    std::string all;
    for (std::string suffix : {"", "-wal", "-shm"}) {
        std::string file = pStore->file() + suffix;
        if (!Poco::File(file).exists()) continue;
        std::ifstream in(file, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        all += content.str();
    }
    return all;
}

} // namespace jobhost::tests
