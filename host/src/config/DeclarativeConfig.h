// jobhost host — DeclarativeConfig.h
// The file `jobhost apply` and `jobhost validate` read: authorizations, jobs
// and audiences, validated against the provider manifests.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "plugins/PluginRegistry.h"

namespace jobhost::host {

struct AuthorizationSpec {
    std::string name;
    std::string provider;
    std::string method;
    std::string label;
    std::string description;
    /// Credential fields as written: secret fields hold `${env:NAME}` or
    /// `${file:PATH}` references, resolved only by resolveSecrets().
    Poco::JSON::Object::Ptr fields;
};

/// Per-job override of the manifest's run retry settings; unset = manifest default.
struct RetryOverrideSpec {
    std::optional<std::int64_t> maxAttempts;
    std::optional<std::int64_t> baseMs;
    std::optional<std::int64_t> capMs;
    std::optional<std::int64_t> maxElapsedMs;
};

struct JobSpec {
    std::string name;
    std::string provider;
    std::string type;
    std::string authorization;
    std::optional<std::int64_t> intervalSeconds; ///< unset: the job type's default; 0: manual only
    bool enabled = true;
    RetryOverrideSpec retry;                     ///< `retry` block: max_attempts, base_ms, cap_ms, max_elapsed_ms
    Poco::JSON::Object::Ptr config;              ///< validated, defaults filled in
};

struct AudienceSpec {
    std::string slug;
    std::string name;
    std::string filter;
};

/// A parsed and validated declarative configuration. Immutable value.
class DeclarativeConfig {
public:
    /// Reads `path` and validates it against `manifests`. Throws
    /// ConfigException listing every problem, one per line, each naming its
    /// key path ("jobs.postup-import.config.site_id: required string is
    /// missing"); syntax errors name line and column.
    static DeclarativeConfig readFile(const std::string& path, const PluginRegistry& manifests);
    static DeclarativeConfig read(const Poco::JSON::Object::Ptr& document, const std::string& origin,
                                  const PluginRegistry& manifests);

    /// Says what is wrong with a job's authorization ("" = usable). The
    /// config file checks its own authorizations section, the console its store.
    using AuthorizationCheck = std::function<std::string(const JobSpec& job)>;

    /// Validates one job definition with the rules of the "jobs" section —
    /// known keys only (provider, type, authorization, schedule, enabled,
    /// retry, config), the authorization passes `checkAuthorization`, the
    /// provider and its job type exist, the config is checked against the
    /// type's schema and gets its defaults — so the console's job form and
    /// `apply` share one code path. Appends each problem as "<path>.<key>:
    /// <what>" ("<key>: <what>" when `path` is empty), in that order, and never
    /// throws for bad input. The returned spec's config is null when it could
    /// not be validated.
    static JobSpec readJob(const std::string& name, const Poco::JSON::Object::Ptr& job, const std::string& path,
                           const PluginRegistry& manifests, const AuthorizationCheck& checkAuthorization,
                           std::vector<std::string>& problems);

    /// Resolves `${env:NAME}` and `${file:PATH}` references of an
    /// authorization's secret fields (PATH relative to the config file's
    /// folder). Throws ConfigException naming the field and reference — never
    /// the secret value — when a variable is unset or a file unreadable.
    Poco::JSON::Object::Ptr resolveSecrets(const AuthorizationSpec& authorization, const PluginRegistry& manifests) const;

    const std::vector<AuthorizationSpec>& authorizations() const { return _authorizations; }
    const std::vector<JobSpec>& jobs() const { return _jobs; }
    const std::vector<AudienceSpec>& audiences() const { return _audiences; }
    const std::string& origin() const { return _origin; }

private:
    std::string _origin;
    std::vector<AuthorizationSpec> _authorizations;
    std::vector<JobSpec> _jobs;
    std::vector<AudienceSpec> _audiences;
};

} // namespace jobhost::host
