// ExpectedProfile.h — the §7 profile fields one simulated PostUp recipient must end up with,
// computed from the simulator's ground truth and the spec alone.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SimulatorGroundTruth.h"

#include <Poco/Dynamic/Var.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jobhost::tests::e2e {

/// An independent model of mapping-semantics.md §3/§4/§7 for the default
/// PostUp mappings, written for the tests: it never calls the host's
/// mapping engine. Values are compared as canonical JSON text (strings
/// quoted, integers in decimal, arrays in the order given, objects with
/// their keys sorted), so an expectation and a parsed `jobhost profiles
/// show` value compare with ==.
///
/// It knows what the PostUp import emits (one postup_users record per list
/// membership, message time = import time; one postup_activity record per
/// report row, message time = the row's Central-time event time, natural
/// key (mailing, recipient, type, time)) and the spec's functions: email /
/// emaildomain for bare addresses, set, map, count, valuect, hash
/// (SipHash-2-4, k0=0, k1=1), urlmain, hourofday, hourofweek, yymm and
/// "latest" by event time. All members are static and pure (thread-safe).
class ExpectedProfile {
public:
    /// Field name → the canonical values it may hold: one, or several when
    /// a "latest" field has a tie on the event time between different
    /// values (the later-processed one wins, and the processing order of
    /// rows read on parallel report downloads is not fixed).
    using Fields = std::map<std::string, std::vector<std::string>>;

    /// The fields of recipient `recipientId`'s profile after the import read
    /// its memberships and the reports of the mailings in `windowMailings`.
    /// Throws std::out_of_range for an unknown recipient and
    /// std::logic_error for data this model does not cover (an address
    /// with a display name, an unparseable date).
    static Fields compute(const SimulatorGroundTruth& truth, std::int64_t recipientId,
                          const std::set<std::int64_t>& windowMailings);

    /// Canonical text of a parsed JSON value (see the class comment).
    static std::string canonical(const Poco::Dynamic::Var& value);
    /// A JSON string literal of `text` (only `"` and `\` escaped).
    static std::string quote(const std::string& text);

    // --- the spec functions, public so a test can pin them to §3's vectors
    /// SipHash-2-4 of `data` with key (k0, k1), as a signed 64-bit value.
    static std::int64_t sipHash24(std::uint64_t k0, std::uint64_t k1, const std::string& data);
    /// urlmain() of §3.8 (host + percent-decoded path); empty when it fails.
    static std::optional<std::string> urlMain(const std::string& url);
    /// A PostUp date text as UTC epoch milliseconds: ISO with Z or an offset
    /// as given; zone-less ISO, "yyyy-MM-dd HH:mm:ss" and "M/d/yy[yy] H:mm"
    /// as US Central time (the repeated fall-back hour reads as CST, the
    /// convention postup-sim and postup-api.md share). Empty when unparseable.
    static std::optional<std::int64_t> centralTimeMs(const std::string& text);
    /// RFC3339 UTC with milliseconds ("2024-11-16T09:15:27.000Z").
    static std::string rfc3339(std::int64_t epochMs);
    /// hourofweek() of §3.11 for a UTC instant (Sunday 00h = 0).
    static int hourOfWeek(std::int64_t epochMs);
};

} // namespace jobhost::tests::e2e
