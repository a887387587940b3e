// jobhost exports tests — TestSupport.h
// Small helpers shared by the export tests.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <vector>

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
