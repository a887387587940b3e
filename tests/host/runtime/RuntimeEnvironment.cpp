// tests/host/runtime — RuntimeEnvironment.cpp
// SPDX-License-Identifier: Apache-2.0
#include "RuntimeEnvironment.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <Poco/Data/Session.h>
#include <Poco/File.h>

#include "config/DeclarativeConfig.h"
#include "jobhost/testing/StoreUnderTest.h"
#include "security/SecretKey.h"

using namespace Poco::Data::Keywords;

namespace jobhost::tests {

std::string RuntimeEnvironment::jobhostExecutable;
std::string RuntimeEnvironment::pluginDirectory;
std::string RuntimeEnvironment::manifestDirectory;

RuntimeEnvironment::RuntimeEnvironment() {
    ::unsetenv(host::SecretKey::EnvironmentVariable);
    ::setenv("FX_TOKEN", Canary, 1);
    storeLocation = testing::StoreUnderTest::locationFor(dataDirectory());
    pStore = std::make_unique<host::Store>(host::StoreLocation::parse(storeLocation));
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
    return {"jobhost", "--data-dir", dataDirectory(), "--store", storeLocation, "--plugin-dir", pluginDirectory, "--manifest-dir", manifestDirectory};
}

std::string RuntimeEnvironment::storeBytes() const {
    std::string all;
    if (pStore->location().isPostgres()) {
        // Every value of every table as text; bytes escaped only where not
        // printable, so text hidden in a BYTEA column shows as it is.
        Poco::Data::Session session = pStore->openSession();
        std::vector<std::string> tables;
        session << "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()", into(tables), now;
        for (std::string table : tables) {
            std::vector<std::string> columns, types;
            session << "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = current_schema() "
                       "AND table_name = $1",
                use(table), into(columns), into(types), now;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const std::string column = "\"" + columns[i] + "\"";
                std::vector<std::string> values;
                session << "SELECT COALESCE(" + (types[i] == "bytea" ? "encode(" + column + ", 'escape')" : column + "::text") +
                               ", '') FROM \"" + table + "\"",
                    into(values), now;
                for (const auto& v : values) all += v + "\n";
            }
        }
        return all;
    }
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
