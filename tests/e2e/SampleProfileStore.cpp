// SampleProfileStore.cpp — a store filled with generated profiles for the listing and export tests.
// SPDX-License-Identifier: Apache-2.0
#include "SampleProfileStore.h"
#include "E2eEnvironment.h"

#include "audiences/MembershipRepository.h"
#include "profiles/ProfileCodec.h"
#include "profiles/ProfileRepository.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"

namespace jobhost::tests::e2e {
namespace {

using host::profiles::Contribution;
using host::profiles::FieldKind;
using host::profiles::MergeOp;
using host::profiles::Value;
using host::lql::TimeMs;

const std::int64_t kEpoch = 1764547200000; // 2025-12-01T00:00:00Z

void put(host::profiles::Profile& p, const std::string& field, FieldKind kind, MergeOp op, Value value, std::int64_t at) {
    p.apply(Contribution{field, kind, op, std::move(value), TimeMs{at}});
}

} // namespace

std::string SampleProfileStore::email(std::int64_t id) { return "user" + std::to_string(id) + "@example.com"; }

host::profiles::Profile SampleProfileStore::profile(std::int64_t id) {
    host::profiles::Profile p;
    const std::int64_t at = kEpoch + id * 1000;
    put(p, "email", FieldKind::String, MergeOp::Latest, Value(email(id)), at);
    if (id % 10 != 0) {
        std::string first = "First" + std::to_string(id);
        if (id % 1000 == 7) first = "Ann, \"the\" quoted\r\nsecond line";
        if (id % 500 == 3) first = "Zoë 東京";
        put(p, "first_name", FieldKind::String, MergeOp::Latest, Value(first), at);
    }
    put(p, "last_name", FieldKind::String, MergeOp::Latest, Value("Last" + std::to_string(id % 977)), at);
    put(p, "pu_recipient_id", FieldKind::Int, MergeOp::Latest, Value(static_cast<std::int64_t>(id * 7)), at);
    put(p, "pu_score", FieldKind::Number, MergeOp::Latest, Value(static_cast<double>(id) * 0.25), at);
    put(p, "pu_mailable", FieldKind::Bool, MergeOp::Latest, Value(id % 3 != 0), at);
    put(p, "pu_last_open", FieldKind::Date, MergeOp::Latest, Value(TimeMs{at - 3600000}), at);
    put(p, "pu_lists", FieldKind::StringSet, MergeOp::Merge,
        Value(Value::List{"list-" + std::to_string(id % 5), "list-" + std::to_string(5 + id % 7)}), at);
    put(p, "pu_opens", FieldKind::MapInt, MergeOp::Merge,
        Value(Value::Map{{"mailing-" + std::to_string(id % 11), Value(static_cast<std::int64_t>(1 + id % 4))},
                         {"mailing-" + std::to_string(11 + id % 13), Value(static_cast<std::int64_t>(2))}}),
        at);
    put(p, "pu_city", FieldKind::String, MergeOp::Latest, Value("City number " + std::to_string(id % 313) + " of the sample"), at);
    return p;
}

void SampleProfileStore::fill(const std::string& dataDirectory, std::int64_t count, std::int64_t merged, const std::string& audienceSlug) {
    host::Store store(E2eEnvironment::storeOf(dataDirectory));
    Poco::Data::Session session = store.openSession();
    host::profiles::ProfileRepository profiles(session);
    host::audiences::MembershipRepository memberships(session);
    const TimeMs now{kEpoch + count * 1000 + 1};
    session.begin();
    host::AudienceDefinitionRepository(session).insert({audienceSlug, "Every tenth", "email IS NOT NULL", now.ms, now.ms});
    const std::int64_t batch = 5000;
    for (std::int64_t from = 1; from <= count; from += batch) {
        std::vector<host::profiles::ProfileId> ids;
        std::vector<std::string> encoded;
        std::vector<std::pair<host::profiles::IdentityKey, host::profiles::ProfileId>> keys;
        std::vector<host::audiences::MembershipRepository::Member> members;
        for (std::int64_t id = from; id < from + batch && id <= count; ++id) {
            ids.push_back(id);
            encoded.push_back(host::profiles::ProfileCodec::encode(profile(id)));
            keys.push_back({{"email", email(id)}, id});
            if (id % 10 == 1) members.push_back({audienceSlug, id, now});
        }
        profiles.insertProfiles(ids, ids, now);
        profiles.saveEncoded(ids, encoded, now);
        profiles.attachMany(keys);
        memberships.addMembers(members);
    }
    // Merged-away ids: rows whose canonical id points at an earlier profile.
    std::vector<host::profiles::ProfileId> mergedIds, into;
    for (std::int64_t k = 1; k <= merged; ++k) {
        mergedIds.push_back(count + k);
        into.push_back(1 + (k * 37) % count);
    }
    profiles.insertProfiles(mergedIds, into, now);
    session.commit();
}

} // namespace jobhost::tests::e2e
