// jobhost host — AuthorizationView.h
// The JSON shape of an authorization in console responses: never secrets.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/JSON/Object.h>

#include "plugins/PluginRegistry.h"
#include "store/AuthorizationRepository.h"

namespace jobhost::host {

/// Stateless; thread-safe. Built only from the record's plain columns and
/// fieldsJson (which never holds secret fields) — the sealed part is not
/// opened, so no secret can reach a response. Secret fields are listed by
/// name under "secretFields" with "set": true/false.
class AuthorizationView {
public:
    /// `pPlugins` (may be null) supplies the method's secret field names.
    static Poco::JSON::Object::Ptr toJson(const AuthorizationRecord& record, const PluginRegistry* pPlugins);
};

} // namespace jobhost::host
