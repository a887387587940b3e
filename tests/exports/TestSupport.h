// jobhost exports tests — TestSupport.h
// Small helpers shared by the export tests.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "client/PostupClient.h"
#include "jobhost/sdk/ExportJob.h"
#include "jobhost/sim/SimulatorServer.h"
#include "transport/PocoHttpTransport.h"

namespace jobhost::host::exports::test {

inline std::string lowerText(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Lower-cased addresses of the list's effective NORMAL members.
inline std::set<std::string> normalMembers(const sim::SimulatorServer& sim, std::int64_t listId) {
    std::set<std::string> out;
    for (const auto& a : sim.normalMemberAddresses(listId)) out.insert(lowerText(a));
    return out;
}

/// Count of answered (non-faulted 2xx) mutating calls of `method path`.
inline std::size_t successfulCalls(const sim::SimulatorServer& sim, const std::string& method, const std::string& path) {
    std::size_t n = 0;
    for (const auto& m : sim.mutations())
        if (m.method == method && m.path == path && m.status >= 200 && m.status < 300 && m.fault.empty()) ++n;
    return n;
}

/// A fast-retry host transport (the real one, short backoff).
inline std::shared_ptr<sdk::HttpTransport> fastTransport() {
    PocoHttpTransport::Options o;
    o.retry = RetrySettings{10, 5, 50, 0};
    return std::make_shared<PocoHttpTransport>(o);
}

/// One call to the simulator's REST API as api@example.com (all
/// privileges), e.g. to change a recipient the way a PostUp user would.
inline sdk::HttpResponse apiCall(const sim::SimulatorServer& sim, const std::string& method, const std::string& path,
                                 const std::string& body = {}) {
    sdk::HttpRequest request;
    request.method = method;
    request.url = sim.apiBaseUrl() + path;
    request.headers.emplace_back("Authorization", plugins::postup::PostupClient::basicAuth("api@example.com", "secret"));
    request.headers.emplace_back("Accept", "application/json");
    if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    request.body = body;
    return fastTransport()->send(request);
}

/// The demographics of the recipient with `address` (empty map when PostUp has no such recipient).
inline std::map<std::string, std::string> demographicsOf(const sim::SimulatorServer& sim, const std::string& address) {
    auto transport = fastTransport();
    plugins::postup::PostupClient client(*transport, sim.apiBaseUrl(), "api@example.com", "secret");
    auto recipient = client.recipientByAddress(address);
    if (!recipient) return {};
    return {recipient->demographics.begin(), recipient->demographics.end()};
}

inline sdk::ExportChange change(std::int64_t id, sdk::ChangeKind kind, const std::string& email,
                                std::map<std::string, std::string> fields = {}) {
    sdk::ExportChange c;
    c.itemId = id;
    c.kind = kind;
    c.profileId = "p" + std::to_string(id);
    c.email = email;
    fields["email"] = email;
    c.fields = std::move(fields);
    return c;
}

} // namespace jobhost::host::exports::test
