// jobhost host — DeadLetterReplayer.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/DeadLetterReplayer.h"

#include <optional>

#include <Poco/Data/Transaction.h>

#include "audiences/MembershipRepository.h"
#include "audiences/OutboxRepository.h"
#include "profiles/ProfileRepository.h"

namespace jobhost::host::exports {

DeadLetterReplayer::DeadLetterReplayer(Poco::Data::Session& session) : _session(session) {}

void DeadLetterReplayer::replayOne(const DeadLetter& letter, std::int64_t nowMs) {
    // Join the caller's transaction when one is open (the console writes its
    // audit row in it), else make this replay a transaction of its own.
    std::optional<Poco::Data::Transaction> own;
    if (!_session.isTransaction()) own.emplace(_session);
    profiles::ProfileRepository profiles(_session);
    audiences::MembershipChange change;
    change.audience = letter.audience;
    change.at = lql::TimeMs{nowMs};
    std::string snapshot = letter.profileJson;
    std::optional<std::string> current;
    profiles::ProfileId canonical = letter.profileId;
    if (letter.profileId != 0) {
        canonical = profiles.canonical(letter.profileId);
        if (auto profile = profiles.load(canonical)) current = profile->toPlainJson();
    }
    if (current) {
        snapshot = *current;
        change.profile = canonical;
        const bool member = audiences::MembershipRepository(_session).isMember(letter.audience, canonical);
        change.kind = !member ? audiences::MembershipChange::Kind::Exit
                     : letter.event == "update" ? audiences::MembershipChange::Kind::Update
                                                : audiences::MembershipChange::Kind::Enter;
    } else {
        change.profile = letter.profileId;
        change.kind = audiences::MembershipChange::Kind::Exit;
    }
    audiences::OutboxRepository(_session).enqueue(letter.job, change, snapshot);
    DeadLetterRepository(_session).remove(letter.id);
    if (own) own->commit();
}

bool DeadLetterReplayer::replay(const std::string& job, std::int64_t id, std::int64_t nowMs) {
    auto letter = DeadLetterRepository(_session).find(id);
    if (!letter || letter->job != job) return false;
    replayOne(*letter, nowMs);
    return true;
}

std::size_t DeadLetterReplayer::replayAll(const std::string& job, std::int64_t nowMs) {
    std::size_t n = 0;
    for (;;) {
        auto batch = DeadLetterRepository(_session).list(job, 500);
        if (batch.empty()) return n;
        for (const auto& letter : batch) {
            replayOne(letter, nowMs);
            ++n;
        }
    }
}

} // namespace jobhost::host::exports
