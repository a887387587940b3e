// ProfileListing.cpp — jobhost audiences: keyset pages of stored profiles, all or one audience's.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/ProfileListing.h"

#include "audiences/MembershipRepository.h"
#include "profiles/ProfileCodec.h"
#include "profiles/ProfileRepository.h"

#include <map>

namespace jobhost::host::audiences {

ProfileListing::ProfileListing(Poco::Data::Session& session, std::string audience)
    : _session(session), _audience(std::move(audience))
{
}

std::vector<std::pair<profiles::ProfileId, std::string>> ProfileListing::read(profiles::ProfileId after, std::size_t limit)
{
    profiles::ProfileRepository profiles(_session);
    if (_audience.empty()) return profiles.pageEncoded(after, limit);
    // Members are canonical ids; a member whose profile is gone (a merge
    // still being recorded) is left out, so a page can be shorter than its
    // member ids: read on until limit profiles or the members run out.
    MembershipRepository members(_session);
    std::vector<std::pair<profiles::ProfileId, std::string>> out;
    while (out.size() < limit) {
        const std::size_t wanted = limit - out.size();
        std::vector<profiles::ProfileId> ids = members.membersAfter(_audience, after, wanted);
        if (ids.empty()) break;
        for (auto& found : profiles.loadExactEncoded(ids)) out.push_back(std::move(found));
        after = ids.back();
        if (ids.size() < wanted) break;
    }
    return out;
}

ProfileListing::Page ProfileListing::page(profiles::ProfileId after, std::size_t limit)
{
    if (limit == 0) limit = 1;
    // One more than asked tells whether another page follows, so the last
    // page carries no cursor (no empty trailing page).
    auto rows = read(after, limit + 1);
    Page page;
    const bool more = rows.size() > limit;
    if (more) rows.resize(limit);
    page.entries.reserve(rows.size());
    std::vector<profiles::ProfileId> ids;
    for (auto& [id, bytes] : rows) {
        ids.push_back(id);
        page.entries.push_back(Entry{id, profiles::ProfileCodec::decode(bytes), {}});
    }
    std::map<profiles::ProfileId, std::string> emails;
    for (auto& [id, key] : profiles::ProfileRepository(_session).keysOfMany(ids))
        if (key.field == "email") emails.emplace(id, std::move(key.value)); // emplace keeps the first
    for (auto& entry : page.entries)
        if (auto it = emails.find(entry.id); it != emails.end()) entry.email = it->second;
    if (more) page.next = page.entries.back().id;
    return page;
}

void ProfileListing::forEach(const std::function<void(profiles::ProfileId, const profiles::Profile&)>& visit, std::size_t pageSize)
{
    const std::size_t limit = pageSize ? pageSize : 500;
    profiles::ProfileId after = 0;
    for (;;) {
        auto rows = read(after, limit);
        for (const auto& [id, bytes] : rows) visit(id, profiles::ProfileCodec::decode(bytes));
        if (rows.size() < limit) return;
        after = rows.back().first;
    }
}

} // namespace jobhost::host::audiences
