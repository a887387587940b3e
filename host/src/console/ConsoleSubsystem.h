// jobhost host — ConsoleSubsystem.h
// The admin console as a `jobhost serve` subsystem.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <Poco/Util/OptionSet.h>

#include "cli/CommandContext.h"
#include "console/ConsoleServer.h"
#include "console/ConsoleServices.h"
#include "console/ConsoleToken.h"
#include "console/RunProgressBoard.h"
#include "runtime/Subsystem.h"

namespace jobhost::host {

class Scheduler;
class SchedulerJobControl;
class StoreMetricsSource;
class ExportMetricsSource;
class RateLimiterMetricsSource;
class VerifierAuthorizationTester;

/// What `jobhost serve` options say about the console.
struct ConsoleOptions {
    bool enabled = true;     ///< --no-console turns it off
    ConsoleSettings settings;
    std::string webRoot;     ///< --web-root; empty = WebRoot::locate() default
    bool authRequired = true; ///< --no-auth turns token checks off (loopback only)
    bool metricsPublic = false; ///< --metrics-public: /metrics without a token (the API keeps its token)
};

/// Owns the console's token store, progress board, adapters to the runtime
/// (SchedulerJobControl, VerifierAuthorizationTester), metrics sources and
/// the ConsoleServer. start() creates the token on first start and reports
/// it once, binds and serves; stop() stops the server (idempotent, never
/// throws). Register it after the scheduler so it stops first.
class ConsoleSubsystem : public Subsystem {
public:
    /// Adds --console-port, --console-bind, --web-root, --no-auth,
    /// --metrics-public and --no-console to a verb's options.
    static void defineOptions(Poco::Util::OptionSet& options);
    /// Reads them. Throws UsageException naming the option when malformed,
    /// and for --no-auth with a non-loopback --console-bind.
    static ConsoleOptions readOptions(const std::multimap<std::string, std::string>& options);

    /// Every reference must outlive the subsystem; `pScheduler` may be null
    /// (run now then waits for the scheduler's next poll). `progress` is the
    /// board the scheduler's runs report to (Scheduler::Options::
    /// observerForRun → progress.observerFor); the run pages read it.
    /// `report` gets one line per event (listening URL, the new token).
    ConsoleSubsystem(const HostPaths& paths, RuntimeServices& runtime, Scheduler* pScheduler, RunProgressBoard& progress,
                     ConsoleOptions options, std::function<void(const std::string&)> report);
    ~ConsoleSubsystem() override;

    std::string name() const override { return "console"; }
    /// Throws ConfigException when the port cannot be bound or the web root
    /// has no index.html.
    void start() override;
    void stop() override;

    /// The board given to the constructor.
    RunProgressBoard& progress() { return _progress; }
    /// The bound port once started (0 before).
    Poco::UInt16 port() const { return _pServer ? _pServer->port() : 0; }

private:
    ConsoleOptions _options;
    std::function<void(const std::string&)> _report;
    ConsoleToken _token;
    RunProgressBoard& _progress;
    std::unique_ptr<SchedulerJobControl> _pJobControl;
    std::unique_ptr<VerifierAuthorizationTester> _pTester;
    std::unique_ptr<StoreMetricsSource> _pStoreMetrics;
    std::unique_ptr<RateLimiterMetricsSource> _pRateMetrics;
    std::unique_ptr<ExportMetricsSource> _pExportMetrics;
    ConsoleServices _services;
    std::unique_ptr<ConsoleServer> _pServer;
};

} // namespace jobhost::host
