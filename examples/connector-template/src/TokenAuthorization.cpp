// examples/connector-template — TokenAuthorization.cpp
// SPDX-License-Identifier: Apache-2.0
#include "TokenAuthorization.h"

namespace connector_template {

jobhost::sdk::AuthResult TokenAuthorization::verify(jobhost::sdk::JobContext& context) {
    auto it = context.credentials().find("token");
    if (it == context.credentials().end() || it->second.empty())
        return {jobhost::sdk::AuthStatus::BadCredentials, "", "the token is empty"};
    return {};
}

} // namespace connector_template
