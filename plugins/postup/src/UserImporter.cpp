// jobhost postup plugin — UserImporter.cpp
// SPDX-License-Identifier: Apache-2.0
#include "UserImporter.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "ParallelRunner.h"
#include "client/PostupDate.h"

namespace jobhost::plugins::postup {
namespace {

const char* const kStream = "postup_users";

const std::set<std::string>& coreFieldNames() {
    static const std::set<std::string> names = {
        "address",     "recipientId",     "externalId",        "channel",        "carrier",
        "comment",     "dateJoined",      "sourceSignupDate",  "status",         "dateUnsub",
        "list_id",     "list_title",      "list_catagory",     "list_status",    "list_date_joined",
        "list_date_unsub", "global_status", "source_description"};
    return names;
}

} // namespace

UserImporter::UserImporter(const PostupClient& client, const ImportConfig& config, sdk::ImportContext& context,
                           StateKeeper& keeper)
    : _client(client), _config(config), _context(context), _keeper(keeper) {}

std::string UserImporter::naturalKey(std::int64_t listId, std::int64_t recipientId, std::int64_t epochMs) {
    return "list:" + std::to_string(listId) + ":" + std::to_string(recipientId) + ":" + std::to_string(epochMs);
}

std::string UserImporter::normaliseDate(const std::string& value) {
    if (value.empty()) return value;
    if (auto ms = PostupDate::parseMs(value)) return PostupDate::formatIsoUtc(*ms);
    ++_badDates;
    if (_badDates <= 5) _context.logger().warning("postup_users: unparseable date '" + value + "' kept verbatim");
    return value;
}

sdk::Record UserImporter::buildRecord(const ListInfo& list, const Subscription& member,
                                      const std::optional<Recipient>& details, std::int64_t epochMs) {
    sdk::Record record;
    record.naturalKey = naturalKey(list.listId, member.recipientId, epochMs);
    record.eventTimeMs = epochMs;
    const Recipient fallback{member.recipientId, member.address, member.externalId, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    const Recipient& r = details ? *details : fallback;
    record.fields.reserve(24 + r.demographics.size());
    record.set("address", r.address.empty() ? member.address : r.address);
    record.set("recipientId", std::to_string(member.recipientId));
    record.set("externalId", r.externalId.empty() ? member.externalId : r.externalId);
    record.set("channel", r.channel);
    record.set("carrier", r.carrier);
    record.set("comment", r.comment);
    record.set("dateJoined", normaliseDate(r.dateJoined.empty() ? member.dateJoined : r.dateJoined));
    record.set("sourceSignupDate", normaliseDate(r.sourceSignupDate));
    record.set("status", r.status);
    record.set("dateUnsub", normaliseDate(r.dateUnsub));
    record.set("list_id", std::to_string(list.listId));
    record.set("list_title", list.title);
    record.set("list_catagory", list.categoryId);
    record.set("list_status", member.listStatus.empty() ? member.status : member.listStatus);
    record.set("list_date_joined", normaliseDate(member.dateJoined));
    record.set("list_date_unsub", normaliseDate(member.dateUnsub));
    record.set("global_status", member.globalStatus);
    record.set("source_description", r.sourceDescription);
    for (const auto& [name, value] : r.demographics) {
        if (value.empty()) continue; // "Key=" lists an unset field (§6.3)
        record.set(coreFieldNames().count(name) ? "demographic_" + name : name, value);
    }
    return record;
}

void UserImporter::fetchPage(ListCursor& cursor, int pageSize) {
    auto page = _client.listSubscriptions(cursor.list.listId, pageSize, cursor.fetchedUpTo);
    ++_pageCalls;
    if (page.size() < static_cast<std::size_t>(pageSize)) cursor.exhausted = true;
    for (auto& row : page) {
        // Keyset paging promises ascending ids above lastrecipid; a server
        // that breaks it must not make the merge loop or skip members.
        if (row.recipientId <= cursor.fetchedUpTo)
            throw PostupException(ApiErrorKind::BadResponse, 200,
                                  "GET /listsubscription of list " + std::to_string(cursor.list.listId) +
                                      " returned recipient " + std::to_string(row.recipientId) + " after " +
                                      std::to_string(cursor.fetchedUpTo) + " (not ascending)");
        cursor.fetchedUpTo = row.recipientId;
        cursor.buffered.push_back(std::move(row));
    }
}

void UserImporter::fetchInParallel(const std::vector<ListCursor*>& refills, int pageSize, std::vector<RecipientRows>& batch) {
    std::vector<RecipientRows*> lacking;
    for (auto& rows : batch) {
        for (const auto& [list, member] : rows.memberships) {
            if (member.details) {
                rows.details = member.details;
                break;
            }
        }
        if (!rows.details) lacking.push_back(&rows);
    }
    // Page requests first: the next batch waits for them, not for details.
    ParallelRunner::forEach(refills.size() + lacking.size(), _config.reportConcurrency, [&](std::size_t i) {
        if (i < refills.size()) {
            fetchPage(*refills[i], pageSize);
            return;
        }
        RecipientRows& rows = *lacking[i - refills.size()];
        ++_detailCalls;
        try {
            rows.details = _client.recipient(rows.recipientId);
        } catch (const PostupException& e) {
            if (e.kind() != ApiErrorKind::NotFound) throw;
        }
    });
}

PhaseResult UserImporter::run() {
    auto lists = _client.lists();
    std::sort(lists.begin(), lists.end(), [](const ListInfo& a, const ListInfo& b) { return a.listId < b.listId; });
    const ImportState start = _keeper.snapshot();
    const std::int64_t epochMs = start.usersEpochMs;
    _context.logger().info("postup_users: snapshot " + std::to_string(epochMs) + ", " + std::to_string(lists.size()) +
                           " lists" + (start.usersWatermark ? ", resuming above recipient " + std::to_string(start.usersWatermark) : ""));
    const int pageSize = lists.empty() ? _config.pageSize
                                       : static_cast<int>(std::clamp<std::size_t>(kBufferedRowBudget / lists.size(), 1,
                                                                                  static_cast<std::size_t>(_config.pageSize)));
    std::vector<ListCursor> cursors(lists.size());
    std::vector<ListCursor*> refills;
    for (std::size_t i = 0; i < lists.size(); ++i) {
        cursors[i].list = lists[i];
        cursors[i].fetchedUpTo = start.usersWatermark;
        refills.push_back(&cursors[i]);
    }
    std::vector<RecipientRows> batch;
    fetchInParallel(refills, pageSize, batch);

    while (true) {
        if (_context.cancelled()) return PhaseResult::Cancelled;
        // Every list not exhausted has buffered rows here; none of them can
        // still hold an unseen member at or below the smallest last id.
        std::optional<std::int64_t> bound;
        bool anyBuffered = false;
        for (const auto& c : cursors) {
            anyBuffered |= !c.buffered.empty();
            if (!c.exhausted) bound = bound ? std::min(*bound, c.fetchedUpTo) : c.fetchedUpTo;
        }
        if (!anyBuffered) break; // all lists exhausted and drained
        std::map<std::int64_t, RecipientRows> byRecipient;
        refills.clear();
        for (auto& c : cursors) {
            while (!c.buffered.empty() && (!bound || c.buffered.front().recipientId <= *bound)) {
                auto& rows = byRecipient[c.buffered.front().recipientId];
                rows.recipientId = c.buffered.front().recipientId;
                rows.memberships.emplace_back(&c.list, std::move(c.buffered.front()));
                c.buffered.pop_front();
            }
            if (c.buffered.empty() && !c.exhausted) refills.push_back(&c);
        }
        batch.clear();
        batch.reserve(byRecipient.size());
        std::int64_t watermark = start.usersWatermark;
        for (auto& [id, rows] : byRecipient) {
            watermark = id;
            batch.push_back(std::move(rows));
        }
        if (bound) watermark = *bound;
        fetchInParallel(refills, pageSize, batch);
        for (const auto& rows : batch) {
            if (!rows.details) {
                ++_missingRecipients;
                if (_missingRecipients <= 5)
                    _context.logger().warning("postup_users: recipient " + std::to_string(rows.recipientId) +
                                              " not found; emitted from the membership rows only");
            }
            for (const auto& [list, member] : rows.memberships) {
                _context.emit(kStream, buildRecord(*list, member, rows.details, epochMs));
                ++_records;
            }
        }
        _recipients += batch.size();
        if (!_keeper.commit([&](ImportState& s) { s.usersWatermark = watermark; })) return PhaseResult::StoreFailed;
        _context.progress(_records, 0, "memberships");
    }
    _context.logger().info("postup_users: " + std::to_string(_records) + " membership records emitted for " +
                           std::to_string(_recipients) + " recipients, " + std::to_string(_pageCalls.load()) +
                           " page calls, " + std::to_string(_detailCalls.load()) + " recipient detail calls, " +
                           std::to_string(_badDates) + " unparseable dates, " + std::to_string(_missingRecipients) +
                           " recipients missing");
    return PhaseResult::Done;
}

} // namespace jobhost::plugins::postup
