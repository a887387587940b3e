// jobhost host — DeadLetterReplayer.h
// Puts dead letters back into their export's outbox.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "exports/DeadLetterRepository.h"

namespace jobhost::host::exports {

/// Replays a dead letter as the *current* state of its profile, so a fixed
/// profile (e.g. a corrected email) is sent as it is now and a stale
/// snapshot never overwrites newer data: the profile's current snapshot is
/// queued as an enter (or update) when it is still a member of the
/// audience, else as an exit; a profile that no longer exists is queued as
/// an exit with the stored snapshot. Queuing coalesces with a pending change
/// of the same profile like any outbox write. Each replay (enqueue + delete
/// of the dead letter) is one transaction — or joins the caller's when the
/// session already has one open (then nothing commits until the caller
/// does). Works on a session the caller owns; not thread-safe; throws
/// Poco::Data exceptions on store failure.
class DeadLetterReplayer {
public:
    explicit DeadLetterReplayer(Poco::Data::Session& session);

    /// Replays dead letter `id`; false when it does not exist or belongs to
    /// another job than `job`.
    bool replay(const std::string& job, std::int64_t id, std::int64_t nowMs);
    /// Replays every dead letter of `job`; returns how many.
    std::size_t replayAll(const std::string& job, std::int64_t nowMs);

private:
    void replayOne(const DeadLetter& letter, std::int64_t nowMs);

    Poco::Data::Session& _session;
};

} // namespace jobhost::host::exports
