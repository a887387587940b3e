// jobhost host — DeadLetterRepository.h
// SQL for export_dead_letters: changes an export gave up on, with the reason.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"

#include "audiences/OutboxRepository.h"

namespace jobhost::host::exports {

/// One dead letter. Plain value.
struct DeadLetter {
    std::int64_t id = 0;
    std::string job;
    std::int64_t outboxId = 0;  ///< the outbox row it came from (deleted since)
    std::string audience;
    std::int64_t profileId = 0;
    std::string event;          ///< enter | exit | update
    std::int64_t at = 0;        ///< time of the membership change (ms)
    std::string profileJson;    ///< snapshot the change carried
    std::string reason;
    std::int64_t attempts = 0;
    std::int64_t createdAt = 0;
};

/// The dead-letter table group. Works on a session the caller owns (one
/// thread at a time) and joins the caller's transaction, so moving an outbox
/// row here and deleting it there is one transaction. Every method throws
/// Poco::Data exceptions on store failure.
class DeadLetterRepository {
public:
    explicit DeadLetterRepository(Poco::Data::Session& session);

    /// Records `item` with `reason`; returns the new id.
    std::int64_t add(const audiences::OutboxItem& item, const std::string& reason, std::int64_t nowMs);
    /// Dead letters of `job` (all jobs when empty), oldest first, at most `limit`.
    std::vector<DeadLetter> list(const std::string& job, std::size_t limit = 1000);
    std::optional<DeadLetter> find(std::int64_t id);
    std::int64_t count(const std::string& job);
    void remove(std::int64_t id);

private:
    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host::exports
