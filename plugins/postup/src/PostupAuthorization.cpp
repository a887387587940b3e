// jobhost postup plugin — PostupAuthorization.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupAuthorization.h"

#include <Poco/String.h>

#include "ImportConfig.h"
#include "client/PostupClient.h"

namespace jobhost::plugins::postup {

sdk::AuthResult PostupAuthorization::verify(sdk::JobContext& context) {
    using sdk::AuthStatus;
    try {
        const auto& credentials = context.credentials();
        const auto user = credentials.find("username");
        const auto password = credentials.find("password");
        if (user == credentials.end() || user->second.empty() || password == credentials.end() || password->second.empty())
            return {AuthStatus::BadCredentials, "", "username and password are both required"};
        const std::string baseUrl = ImportConfig::apiBaseUrlFor(context.configJson(), credentials);
        PostupClient client(context.http(), baseUrl, user->second, password->second, 30000);
        try {
            const auto lists = client.lists();
            return {AuthStatus::Ok, "", "PostUp accepted " + user->second + "; " + std::to_string(lists.size()) + " lists visible"};
        } catch (const PostupException& e) {
            switch (e.kind()) {
            case ApiErrorKind::BadCredentials:
                if (Poco::toLower(e.message()).find("locked") != std::string::npos)
                    return {AuthStatus::BadCredentials, "",
                            "PostUp account locked after repeated failed logins (HTTP 401: " + e.message() + ")"};
                return {AuthStatus::BadCredentials, "", "PostUp rejected the username or password (HTTP 401: " + e.message() + ")"};
            case ApiErrorKind::Forbidden: {
                const std::string operation = e.operation().empty() ? "return the array of lists" : e.operation();
                return {AuthStatus::MissingPrivilege, operation,
                        "PostUp user " + user->second + " lacks the privilege to " + operation +
                            " (HTTP 403); ask the PostUp site administrator to grant it"};
            }
            case ApiErrorKind::Transport:
            case ApiErrorKind::Server:
            case ApiErrorKind::Throttled:
                return {AuthStatus::Unreachable, "", "PostUp API at " + baseUrl + " unreachable: " + e.what()};
            default:
                return {AuthStatus::Error, "", "PostUp API at " + baseUrl + " answered unexpectedly: " + e.what()};
            }
        }
    } catch (const std::exception& e) {
        return {sdk::AuthStatus::Error, "", std::string("internal error in the PostUp plugin: ") + e.what()};
    } catch (...) {
        return {sdk::AuthStatus::Error, "", "internal error in the PostUp plugin"};
    }
}

} // namespace jobhost::plugins::postup
