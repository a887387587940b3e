// jobhost host — ProviderView.h
// The JSON shape of a provider in console responses.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/JSON/Object.h>

#include "plugins/PluginRegistry.h"

namespace jobhost::host {

/// Stateless; thread-safe. Schemas come from ConfigSchema::toJson, which
/// describes fields (including which are secret) but holds no values.
class ProviderView {
public:
    /// name, title, description, version, abi, loaded, error, roles, job
    /// types and auth methods (names and titles); with `schemas` also each
    /// method's `fields` and each job type's `config` schema, default
    /// interval and streams.
    static Poco::JSON::Object::Ptr toJson(const ProviderEntry& entry, bool schemas);
};

} // namespace jobhost::host
