// jobhost host — ConsoleSubsystem.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ConsoleSubsystem.h"

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "console/ExportMetricsSource.h"
#include "console/RateLimiterMetricsSource.h"
#include "console/SchedulerJobControl.h"
#include "console/StoreMetricsSource.h"
#include "console/VerifierAuthorizationTester.h"
#include "console/WebRoot.h"
#include "runtime/RuntimeServices.h"

namespace jobhost::host {

void ConsoleSubsystem::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("console-port", "", "console/API port (default 8470; 0 = any free port)").argument("PORT"));
    options.addOption(Poco::Util::Option("console-bind", "", "console address (default 127.0.0.1)").argument("ADDRESS"));
    options.addOption(Poco::Util::Option("web-root", "", "folder of the console web UI (default: installed or source tree)").argument("DIR"));
    options.addOption(Poco::Util::Option("no-auth", "", "serve the console without token checks (loopback only)"));
    options.addOption(Poco::Util::Option("metrics-public", "", "answer /metrics without a token (for Prometheus); /api/v1 keeps the token"));
    options.addOption(Poco::Util::Option("no-console", "", "do not start the console"));
}

ConsoleOptions ConsoleSubsystem::readOptions(const std::multimap<std::string, std::string>& options) {
    ConsoleOptions o;
    if (options.count("no-console")) o.enabled = false;
    if (options.count("no-auth")) o.authRequired = false;
    if (options.count("metrics-public")) o.metricsPublic = true;
    if (auto it = options.find("console-port"); it != options.end()) {
        unsigned port = 0;
        if (!Poco::NumberParser::tryParseUnsigned(it->second, port) || port > 65535)
            throw UsageException("--console-port: expected a port number 0-65535, found \"" + it->second + "\"");
        o.settings.port = static_cast<Poco::UInt16>(port);
    }
    if (auto it = options.find("console-bind"); it != options.end()) o.settings.bindAddress = it->second;
    if (auto it = options.find("web-root"); it != options.end()) o.webRoot = it->second;
    if (!o.authRequired && o.settings.bindAddress != "127.0.0.1" && o.settings.bindAddress != "::1" && o.settings.bindAddress != "localhost")
        throw UsageException("--no-auth is only allowed with a loopback --console-bind (127.0.0.1)");
    return o;
}

ConsoleSubsystem::ConsoleSubsystem(const HostPaths& paths, RuntimeServices& runtime, Scheduler* pScheduler, RunProgressBoard& progress,
                                   ConsoleOptions options, std::function<void(const std::string&)> report)
    : _options(std::move(options)), _report(std::move(report)), _token(ConsoleToken::defaultFile(paths.dataDirectory)), _progress(progress) {
    _pJobControl = std::make_unique<SchedulerJobControl>(runtime.store, pScheduler);
    _pTester = std::make_unique<VerifierAuthorizationTester>(runtime);
    _pStoreMetrics = std::make_unique<StoreMetricsSource>(runtime.store);
    _pRateMetrics = std::make_unique<RateLimiterMetricsSource>(runtime.transports.rateLimiters());
    _pExportMetrics = std::make_unique<ExportMetricsSource>(runtime.store);
    _services.pPlugins = &runtime.plugins;
    _services.pStore = &runtime.store;
    _services.pSecrets = &runtime.secrets;
    _services.pToken = &_token;
    _services.pJobControl = _pJobControl.get();
    _services.pTester = _pTester.get();
    _services.pProgress = &_progress;
    _services.metricsSources = {_pStoreMetrics.get(), _pExportMetrics.get(), _pRateMetrics.get()};
    _services.authRequired = _options.authRequired;
    _services.metricsPublic = _options.metricsPublic;
}

ConsoleSubsystem::~ConsoleSubsystem() { stop(); }

void ConsoleSubsystem::start() {
    if (!_options.enabled || _pServer) return;
    _services.webRoot = WebRoot::locate(_options.webRoot);
    if (_options.authRequired) {
        std::string fresh = _token.ensure();
        if (!fresh.empty())
            _report("console token (shown once; 'jobhost token' makes a new one): " + fresh);
    } else {
        _report("console token checks are OFF (--no-auth)");
    }
    if (_options.authRequired && _options.metricsPublic) _report("/metrics answers without a token (--metrics-public); /api/v1 still needs it");
    _pServer = std::make_unique<ConsoleServer>(_options.settings, _services);
    _pServer->start();
    _report("console listening on " + _pServer->url() + "/ (API " + _pServer->url() + "/api/v1, metrics " + _pServer->url() + "/metrics)");
}

void ConsoleSubsystem::stop() {
    if (!_pServer) return;
    _pServer->stop();
    _pServer.reset();
}

} // namespace jobhost::host
