// jobhost postup plugin — UserImporter.cpp
// SPDX-License-Identifier: Apache-2.0
#include "UserImporter.h"

#include <algorithm>
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

PhaseResult UserImporter::run() {
    auto lists = _client.lists();
    std::sort(lists.begin(), lists.end(), [](const ListInfo& a, const ListInfo& b) { return a.listId < b.listId; });
    const ImportState start = _keeper.snapshot();
    const std::int64_t epochMs = start.usersEpochMs;
    std::uint64_t listsDone = 0;
    for (const auto& list : lists)
        if (start.listsDone.count(list.listId)) ++listsDone;
    _context.logger().info("postup_users: snapshot " + std::to_string(epochMs) + ", " + std::to_string(lists.size()) +
                           " lists (" + std::to_string(listsDone) + " already done)");

    std::vector<std::optional<Recipient>> details;
    for (const auto& list : lists) {
        if (start.listsDone.count(list.listId)) continue;
        std::int64_t lastRecipientId = start.currentListId == list.listId ? start.lastRecipientId : 0;
        while (true) {
            if (_context.cancelled()) return PhaseResult::Cancelled;
            const auto page = _client.listSubscriptions(list.listId, _config.pageSize, lastRecipientId);
            details.assign(page.size(), std::nullopt);
            ParallelRunner::forEach(page.size(), _config.reportConcurrency, [&](std::size_t i) {
                if (page[i].details) {
                    details[i] = page[i].details;
                    return;
                }
                ++_detailCalls;
                try {
                    details[i] = _client.recipient(page[i].recipientId);
                } catch (const PostupException& e) {
                    if (e.kind() != ApiErrorKind::NotFound) throw;
                }
            });
            for (std::size_t i = 0; i < page.size(); ++i) {
                if (!details[i]) {
                    ++_missingRecipients;
                    _context.logger().warning("postup_users: recipient " + std::to_string(page[i].recipientId) +
                                              " of list " + std::to_string(list.listId) +
                                              " not found; emitted from the membership row only");
                }
                _context.emit(kStream, buildRecord(list, page[i], details[i], epochMs));
                ++_records;
            }
            if (!page.empty()) lastRecipientId = page.back().recipientId;
            const bool listDone = page.size() < static_cast<std::size_t>(_config.pageSize);
            const bool stored = _keeper.commit([&](ImportState& s) {
                if (listDone) {
                    s.listsDone.insert(list.listId);
                    s.currentListId = 0;
                    s.lastRecipientId = 0;
                } else {
                    s.currentListId = list.listId;
                    s.lastRecipientId = lastRecipientId;
                }
            });
            if (!stored) return PhaseResult::StoreFailed;
            _context.progress(_records, 0, "memberships");
            if (listDone) break;
        }
        ++listsDone;
        _context.progress(listsDone, lists.size(), "lists");
    }
    _context.logger().info("postup_users: " + std::to_string(_records) + " membership records emitted, " +
                           std::to_string(_detailCalls.load()) + " recipient detail calls, " +
                           std::to_string(_badDates) + " unparseable dates, " + std::to_string(_missingRecipients) +
                           " recipients missing");
    return PhaseResult::Done;
}

} // namespace jobhost::plugins::postup
