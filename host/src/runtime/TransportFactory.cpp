// jobhost host — TransportFactory.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/TransportFactory.h"

#include "transport/DefaultRandomSource.h"
#include "transport/PocoHttpTransport.h"
#include "transport/SystemClock.h"

namespace jobhost::host {

TransportFactory::TransportFactory(std::shared_ptr<Clock> clock, std::shared_ptr<RandomSource> random)
    : _pClock(clock ? std::move(clock) : SystemClock::instance()),
      _pRandom(random ? std::move(random) : DefaultRandomSource::instance()),
      _rateLimiters(_pClock) {}

std::shared_ptr<sdk::HttpTransport> TransportFactory::create(const ProviderManifest& manifest, const std::string& authorization,
                                                             std::vector<std::string> secrets, std::shared_ptr<sdk::Logger> logger,
                                                             CancelCheck cancelled) {
    PocoHttpTransport::Options options;
    options.retry = manifest.httpRetry;
    options.limits = manifest.httpLimits;
    options.pRateLimiter = _rateLimiters.bucket(manifest.name, authorization, manifest.rateLimit);
    options.pLogger = std::move(logger);
    options.secrets = std::move(secrets);
    options.pClock = _pClock;
    options.pRandom = _pRandom;
    options.cancelled = std::move(cancelled);
    return std::make_shared<PocoHttpTransport>(std::move(options));
}

} // namespace jobhost::host
