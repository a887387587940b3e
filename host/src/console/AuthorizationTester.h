// jobhost host — AuthorizationTester.h
// What the console asks of the runtime: check an authorization's credentials.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::host {

/// The outcome of one credential check; `message` is redacted (no secrets).
struct AuthorizationTestResult {
    bool ok = false;
    std::string message;
};

/// Implemented over the plugin's authorize call (what `jobhost auth test`
/// does). Called from HTTP worker threads; must be thread-safe. Throws
/// NotFoundException for an unknown authorization; any other failure is a
/// result with ok == false, not an exception.
class AuthorizationTester {
public:
    virtual ~AuthorizationTester() = default;
    virtual AuthorizationTestResult test(const std::string& authorization) = 0;
};

} // namespace jobhost::host
