// jobhost postup plugin — ActivityImporter.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ActivityImporter.h"

#include <Poco/String.h>

#include "ParallelRunner.h"
#include "client/PostupDate.h"

namespace jobhost::plugins::postup {
namespace {

const char* const kStream = "postup_activity";
constexpr unsigned kBits[] = {kOpenBit, kClickBit, kHardBit, kSoftBit};
constexpr std::int64_t kDayMs = 86400000;

const char* typeName(unsigned bit) {
    switch (bit) {
    case kOpenBit: return "OPEN";
    case kClickBit: return "CLICK";
    case kHardBit: return "HARD";
    default: return "SOFT";
    }
}

std::string label(std::int64_t mailingId, unsigned bit) {
    return "report " + std::to_string(mailingId) + " " + typeName(bit);
}

} // namespace

ActivityImporter::ActivityImporter(const PostupClient& client, const ImportConfig& config, sdk::ImportContext& context,
                                   StateKeeper& keeper)
    : _client(client), _config(config), _context(context), _keeper(keeper) {}

std::string ActivityImporter::naturalKey(std::int64_t mailingId, std::int64_t recipientId, const std::string& type,
                                         std::int64_t eventTimeMs) {
    return std::to_string(mailingId) + "|" + std::to_string(recipientId) + "|" + type + "|" + std::to_string(eventTimeMs);
}

const std::string& ActivityImporter::eventType(unsigned bit) const {
    switch (bit) {
    case kOpenBit: return _config.eventTypes.open;
    case kClickBit: return _config.eventTypes.click;
    case kHardBit: return _config.eventTypes.hardBounce;
    default: return _config.eventTypes.softBounce;
    }
}

std::vector<ActivityImporter::Task> ActivityImporter::plan(const ImportState& state, std::uint64_t& alreadyDone) {
    const std::int64_t anchor = state.activityAnchorMs;
    const std::int64_t windowStart = anchor - static_cast<std::int64_t>(_config.activityWindowDays) * kDayMs;
    std::vector<Task> tasks;
    std::uint64_t mailingsInWindow = 0, mailingsSeen = 0, badTimes = 0;
    alreadyDone = 0;
    for (const auto& campaign : _client.campaigns()) {
        if (_context.cancelled()) return {};
        for (const auto& mailing : _client.mailings(campaign.campaignId)) {
            ++mailingsSeen;
            if (mailing.scheduledTime.empty()) continue; // a draft, never sent
            const auto scheduled = PostupDate::parseMs(mailing.scheduledTime);
            if (!scheduled) {
                ++badTimes;
                _context.logger().warning("mailing " + std::to_string(mailing.mailingId) + ": unparseable scheduledTime '" +
                                          mailing.scheduledTime + "'; skipped");
                continue;
            }
            if (*scheduled < windowStart || *scheduled > anchor) continue;
            ++mailingsInWindow;
            const auto done = state.reportsDone.find(mailing.mailingId);
            const unsigned doneBits = done == state.reportsDone.end() ? 0u : done->second;
            for (unsigned bit : kBits) {
                if (doneBits & bit) ++alreadyDone;
                else tasks.push_back({mailing.mailingId, campaign.campaignId, bit});
            }
        }
    }
    _context.logger().info("postup_activity: " + std::to_string(mailingsInWindow) + " of " + std::to_string(mailingsSeen) +
                           " mailings scheduled in the last " + std::to_string(_config.activityWindowDays) + " days; " +
                           std::to_string(tasks.size()) + " reports to read, " + std::to_string(alreadyDone) +
                           " already read" + (badTimes ? ", " + std::to_string(badTimes) + " unparseable scheduledTime" : ""));
    return tasks;
}

bool ActivityImporter::runTask(const Task& task) {
    const std::string type = typeName(task.bit);
    const std::string& eventTypeName = eventType(task.bit);
    const std::string campaignId = std::to_string(task.campaignId);
    const std::string mailingId = std::to_string(task.mailingId);
    const bool click = task.bit == kClickBit;
    const bool bounce = task.bit == kHardBit || task.bit == kSoftBit;
    std::uint64_t sinceCheckpoint = 0;
    bool aborted = false;

    ReportParser parser([&](const ReportRow& row) {
        sdk::Record record;
        record.naturalKey = naturalKey(task.mailingId, row.recipientId, type, row.eventTimeMs);
        record.eventTimeMs = row.eventTimeMs;
        record.fields.reserve(11);
        record.set("event_type", eventTypeName);
        record.set("campaign_id", campaignId);
        record.set("mailing_id", mailingId);
        record.set("recipientId", std::to_string(row.recipientId));
        record.set("address", row.address);
        record.set("externalId", row.externalId);
        record.set("event_time", PostupDate::formatIsoUtc(row.eventTimeMs));
        if (click) {
            record.set("url_clicked", row.url);
            record.set("link_id", row.linkId);
        }
        if (bounce) {
            record.set("bounce_reason", row.bounceReason);
            record.set("bounce_type", row.bounceType.empty() ? type : row.bounceType);
        }
        _context.emit(kStream, std::move(record));
        ++_records;
        if (++sinceCheckpoint >= kRowsPerCheckpoint) {
            sinceCheckpoint = 0;
            if (!_keeper.commit({})) {
                _storeFailed = true;
                _stop = true;
            }
        }
        if ((sinceCheckpoint & 255u) == 0 && (_stop.load() || _context.cancelled())) {
            aborted = true;
            return false;
        }
        return true;
    }, _config.pReportTimeZone);

    const ReportRequest request{_config.reportBaseUrl, _config.siteShortName, _config.siteId, task.mailingId, type};
    try {
        _client.downloadReport(request, parser);
    } catch (const PostupException& e) {
        if (aborted) return false;
        if (e.kind() == ApiErrorKind::NotFound && Poco::toLower(e.message()).find("site") == std::string::npos) {
            _context.logger().warning(label(task.mailingId, task.bit) + ": " + e.what() + "; skipped");
        } else {
            throw;
        }
    }
    if (aborted) return false;
    parser.finish();
    const ReportStats& stats = parser.stats();
    if (stats.truncatedTail)
        throw PostupException(ApiErrorKind::BadResponse, 200,
                              label(task.mailingId, task.bit) + " ended in the middle of a row (download cut off)");
    ++_reports;
    if (stats.badRows > 0) {
        _badRows += stats.badRows;
        std::string text = label(task.mailingId, task.bit) + ": " + std::to_string(stats.rows) + " rows, " +
                           std::to_string(stats.badRows) + " bad rows skipped (";
        bool first = true;
        for (const auto& [reason, count] : stats.badByReason) {
            text += (first ? "" : ", ") + reason + ": " + std::to_string(count);
            first = false;
        }
        text += ")";
        for (const auto& sample : stats.badSamples) text += "; " + sample;
        _context.logger().warning(text);
    }
    if (!stats.unknownColumns.empty()) {
        std::string names;
        for (const auto& n : stats.unknownColumns) names += (names.empty() ? "" : ", ") + n;
        _context.logger().debug(label(task.mailingId, task.bit) + ": ignored columns " + names);
    }
    if (!_keeper.commit([&](ImportState& s) { s.reportsDone[task.mailingId] |= task.bit; })) {
        _storeFailed = true;
        _stop = true;
        return false;
    }
    _context.progress(++_tasksDone, _tasksTotal, "reports");
    return true;
}

PhaseResult ActivityImporter::run() {
    const ImportState state = _keeper.snapshot();
    std::uint64_t alreadyDone = 0;
    const auto tasks = plan(state, alreadyDone);
    if (_context.cancelled()) return PhaseResult::Cancelled;
    _tasksDone = alreadyDone;
    _tasksTotal = alreadyDone + tasks.size();
    _context.progress(_tasksDone, _tasksTotal, "reports");
    ParallelRunner::forEach(tasks.size(), _config.reportConcurrency, [&](std::size_t i) {
        if (_stop.load() || _context.cancelled()) return;
        try {
            if (!runTask(tasks[i])) _stop = true;
        } catch (...) {
            _stop = true; // the other workers abort their current report
            throw;
        }
    });
    if (_storeFailed) return PhaseResult::StoreFailed;
    if (_context.cancelled() || _stop.load()) return PhaseResult::Cancelled;
    _context.logger().info("postup_activity: " + std::to_string(_records.load()) + " rows emitted from " +
                           std::to_string(_reports.load()) + " reports, " + std::to_string(_badRows.load()) +
                           " bad rows skipped");
    return PhaseResult::Done;
}

} // namespace jobhost::plugins::postup
