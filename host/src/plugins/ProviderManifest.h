// jobhost host — ProviderManifest.h
// The validated, in-memory form of manifests/<provider>.json.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plugins/ConfigSchema.h"
#include "transport/HttpLimits.h"

namespace jobhost::host {

/// An authorization method (e.g. PostUp "password") and its credential fields.
struct AuthMethod {
    std::string name;
    std::string title;
    ConfigSchema fields;
};

/// What a job type does.
enum class JobRole { Import, Export };

struct JobType {
    std::string name;
    JobRole role = JobRole::Import;
    std::string title;
    std::string description;
    std::int64_t defaultIntervalSeconds = 0; ///< import: default schedule; 0 = manual only
    ConfigSchema config;
};

/// A stream an import job emits, with the mapping file that turns it into profiles.
struct StreamSpec {
    std::string name;
    std::string mappingFile; ///< absolute path, resolved against the manifest's folder
    std::string description;
};

/// Backoff policy values (milliseconds); see runtime/RetryPolicy.
struct RetrySettings {
    int maxAttempts = 5;
    std::int64_t baseMs = 500;
    std::int64_t capMs = 30000;
    std::int64_t maxElapsedMs = 120000;
};

struct RateLimitSettings {
    double requestsPerSecond = 10;
    double burst = 20;
};

/// A provider manifest. Immutable once read; thread-safe to share.
struct ProviderManifest {
    std::string path;        ///< the file it was read from
    std::string name;
    std::string title;
    std::string description;
    std::string version;
    int abi = 0;
    std::string library;     ///< basename of the plugin file inside the plugin directory
    int concurrency = 1;
    std::vector<AuthMethod> authMethods;
    std::vector<JobType> jobTypes;
    std::vector<StreamSpec> streams;
    RetrySettings httpRetry;
    RetrySettings runRetry{5, 60000, 3600000, 0};
    RetrySettings exportItemRetry{10, 5000, 600000, 0};
    RateLimitSettings rateLimit;
    HttpLimits httpLimits; ///< "http_limits": response size, time and JSON depth bounds

    /// nullptr when absent.
    const AuthMethod* findAuthMethod(const std::string& method) const;
    const JobType* findJobType(const std::string& type) const;
    const StreamSpec* findStream(const std::string& stream) const;
};

} // namespace jobhost::host
