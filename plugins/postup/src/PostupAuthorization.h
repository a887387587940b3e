// jobhost postup plugin — PostupAuthorization.h
// The "password" authorization method: verifies a PostUp login.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/Authorization.h"

namespace jobhost::plugins::postup {

/// Verifies username + password with GET /list ("return the array of
/// lists", the read privilege every PostUp integration needs) against the
/// API base URL from the authorization config or credentials (api_base_url,
/// default https://api.postup.com/api).
///
/// Results (messages never contain the password):
///   Ok               "PostUp accepted <username>; N lists visible"
///   BadCredentials   401: "PostUp rejected the username or password (HTTP 401: Unauthorized)"
///                    or "PostUp account locked …" for a locked account
///   MissingPrivilege 403: privilege = the operation (e.g. "return the array of lists"),
///                    message "PostUp user <username> lacks the privilege to <operation>"
///   Unreachable      no response, 429 or 5xx after the transport's retries
///   Error            anything else (unexpected 4xx, a non-JSON 2xx)
///
/// Thread-safety: stateless; verify() may run on several threads. Never throws.
class PostupAuthorization : public sdk::Authorization {
public:
    sdk::AuthResult verify(sdk::JobContext& context) override;
};

} // namespace jobhost::plugins::postup
