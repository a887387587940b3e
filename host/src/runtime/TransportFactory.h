// jobhost host — TransportFactory.h
// Builds the sdk::HttpTransport a run's plugin uses.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "jobhost/sdk/HttpTransport.h"
#include "jobhost/sdk/Logger.h"
#include "plugins/ProviderManifest.h"
#include "transport/Clock.h"
#include "transport/RandomSource.h"
#include "transport/RateLimiterRegistry.h"

namespace jobhost::host {

/// Creates one PocoHttpTransport per run with the manifest's HTTP retry
/// settings, the shared (provider, authorization) token bucket, the run's
/// logger and secrets for redaction, and the run's cancel check. Virtual so
/// tests can hand plugins a scripted transport. Thread-safe.
class TransportFactory {
public:
    /// Null clock/random = the system ones.
    explicit TransportFactory(std::shared_ptr<Clock> clock = nullptr, std::shared_ptr<RandomSource> random = nullptr);
    virtual ~TransportFactory() = default;

    virtual std::shared_ptr<sdk::HttpTransport> create(const ProviderManifest& manifest, const std::string& authorization,
                                                       std::vector<std::string> secrets, std::shared_ptr<sdk::Logger> logger,
                                                       CancelCheck cancelled);

    RateLimiterRegistry& rateLimiters() { return _rateLimiters; }

private:
    std::shared_ptr<Clock> _pClock;
    std::shared_ptr<RandomSource> _pRandom;
    RateLimiterRegistry _rateLimiters;
};

} // namespace jobhost::host
