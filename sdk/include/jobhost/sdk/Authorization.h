// jobhost SDK — Authorization.h
// Verifies credentials against the remote system. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "jobhost/sdk/JobContext.h"

namespace jobhost::sdk {

enum class AuthStatus : std::uint8_t {
    Ok,
    BadCredentials,   ///< the remote rejected the username/password
    MissingPrivilege, ///< credentials are valid but an operation is not permitted; see `privilege`
    Unreachable,      ///< no answer from the remote (DNS, connect, timeout, 5xx after retries)
    Error,            ///< anything else; see `message`
};

struct AuthResult {
    AuthStatus status = AuthStatus::Ok;
    std::string privilege; ///< MissingPrivilege: the operation the user may not perform
    std::string message;   ///< operator-facing text, never containing secrets
};

/// Verifies an authorization. The JobContext carries the credentials; its
/// configJson() holds the authorization's non-secret settings. Must not throw.
class Authorization {
public:
    virtual ~Authorization() = default;
    virtual AuthResult verify(JobContext& context) = 0;
};

} // namespace jobhost::sdk
