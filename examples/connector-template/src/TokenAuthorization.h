// examples/connector-template — TokenAuthorization.h
// Verifies the "token" authorization method.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/Authorization.h"

namespace connector_template {

/// Accepts any non-empty token (a real connector calls its remote here,
/// through context.http()). Never throws; never puts the token in a message.
class TokenAuthorization final : public jobhost::sdk::Authorization {
public:
    jobhost::sdk::AuthResult verify(jobhost::sdk::JobContext& context) override;
};

} // namespace connector_template
