// jobhost host — ConfigApplier.h
// Applies a declarative config to the store: authorizations (secrets
// sealed), jobs + schedules, audience definitions, audit rows — atomically.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/DeclarativeConfig.h"
#include "plugins/PluginRegistry.h"
#include "security/SecretBox.h"
#include "store/Store.h"

namespace jobhost::host {

/// One object's fate in an apply.
struct ApplyChange {
    std::string objectType; ///< authorization | job | audience
    std::string name;
    std::string action;     ///< created | updated | unchanged
    std::vector<std::string> changedFields; ///< names only, never values
};

struct ApplyReport {
    std::vector<ApplyChange> changes;
    int count(const std::string& action) const;
    bool unchanged() const { return count("created") + count("updated") == 0; }
};

/// Compares a config with the store and writes the difference in one
/// transaction (with one audit row per changed object). Objects absent from
/// the config are left in place. Re-applying the same file changes nothing.
/// Stateless apart from its references; use from one thread at a time.
class ConfigApplier {
public:
    ConfigApplier(const Store& store, const PluginRegistry& manifests, const SecretBox& secrets);

    /// Resolves secret references first (throws ConfigException naming the
    /// field and reference, never the value), then applies. Throws
    /// StoreException when the store write fails (nothing is changed then).
    ApplyReport apply(const DeclarativeConfig& config, const std::string& actor, std::int64_t nowMs);

private:
    const Store& _store;
    const PluginRegistry& _manifests;
    const SecretBox& _secrets;
};

} // namespace jobhost::host
