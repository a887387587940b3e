// SimulatorGroundTruth.h — what an in-process PostUp simulator holds, read back for the e2e tests.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/ActivityRow.h"
#include "jobhost/sim/SimulatorServer.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jobhost::tests::e2e {

/// A snapshot of the simulated PostUp site, taken from the simulator itself
/// (its /_sim/ ground-truth routes, its REST surface and
/// SimulatorServer::expectedActivity), never from jobhost: lists, every
/// membership (any status, overlays included), each member's recipient
/// record exactly as served, every mailing with its true schedule, and the
/// report rows of every sent mailing. Texts are kept as served (dates in
/// the simulator's Central-time formats); interpretation is the caller's.
///
/// Loading talks HTTP to the running server on 127.0.0.1 and throws
/// Poco::Exception (or std::runtime_error for an unexpected status or
/// shape) on any failure. Afterwards the object is an immutable value.
class SimulatorGroundTruth {
public:
    struct List {
        std::int64_t id = 0;
        std::string title;
        std::string categoryId; ///< empty when the list has none
    };

    /// A recipient as GET /api/recipient/{id} serves it; absent fields are empty.
    struct Recipient {
        std::int64_t id = 0;
        std::string address;
        std::string externalId;
        std::string channel;
        std::string status;
        std::string comment;
        std::string carrier;
        std::string dateJoined;
        std::string sourceSignupDate;
        std::string dateUnsub;
        std::set<std::int64_t> lists;        ///< every list it is a member of, any status
        std::set<std::string> listStatuses;  ///< NORMAL / UNSUB of those memberships
    };

    struct Mailing {
        std::int64_t id = 0;
        std::int64_t campaignId = 0;
        std::string status;
        std::optional<std::int64_t> scheduledEpoch; ///< UTC seconds; empty for drafts
    };

    /// One report row of one mailing; `type` is OPEN, CLICK, HARD or SOFT.
    struct Activity {
        std::int64_t mailingId = 0;
        std::int64_t campaignId = 0;
        std::string type;
        sim::ActivityRow row;
    };

    /// Reads everything from `server` (which must be running); `user` and
    /// `password` authenticate the REST calls.
    SimulatorGroundTruth(const sim::SimulatorServer& server, const std::string& user, const std::string& password);

    const std::map<std::int64_t, List>& lists() const { return _lists; }
    const std::map<std::int64_t, Recipient>& recipients() const { return _recipients; }
    const std::vector<Mailing>& mailings() const { return _mailings; }
    const std::vector<Activity>& activity() const { return _activity; }

    /// Throws std::out_of_range for an id that is no list member.
    const Recipient& recipient(std::int64_t id) const { return _recipients.at(id); }

private:
    std::map<std::int64_t, List> _lists;
    std::map<std::int64_t, Recipient> _recipients;
    std::vector<Mailing> _mailings;
    std::vector<Activity> _activity;
};

} // namespace jobhost::tests::e2e
