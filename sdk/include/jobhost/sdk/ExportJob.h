// jobhost SDK — ExportJob.h
// A real-time job that delivers audience membership changes to a remote
// system. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobhost/sdk/JobContext.h"
#include "jobhost/sdk/Outcome.h"

namespace jobhost::sdk {

enum class ChangeKind : std::uint8_t {
    Enter,  ///< the user entered the audience
    Update, ///< a member's exported fields changed
    Exit,   ///< the user left the audience
};

/// One membership change, coalesced per user by the host.
struct ExportChange {
    std::int64_t itemId = 0;   ///< host outbox id; echo it in ItemResult
    ChangeKind kind = ChangeKind::Enter;
    std::string profileId;     ///< host profile id
    std::string email;         ///< value of the configured email field (may be empty or invalid)
    std::map<std::string, std::string> fields; ///< profile fields, by profile field name
};

enum class ItemStatus : std::uint8_t {
    Delivered,  ///< applied remotely
    Skipped,    ///< intentionally not applied (e.g. an exit without remove_on_exit)
    RetryLater, ///< transient; the host re-queues with backoff
    Rejected,   ///< permanent; the host moves it to dead letters with `message`
};

struct ItemResult {
    std::int64_t itemId = 0;
    ItemStatus status = ItemStatus::Delivered;
    std::string message;                      ///< reason for Skipped/RetryLater/Rejected
    std::optional<std::int64_t> retryAfterMs; ///< RetryLater only
};

/// Result of deliver(): the batch outcome plus one result per change. When
/// `outcome` is not Ok the host ignores `items` and treats every change of the
/// batch as retry-later (Retry) or rejected with the message (Fail).
struct DeliveryResult {
    Outcome outcome;
    std::vector<ItemResult> items;
};

/// Context of ExportJob calls.
class ExportContext : public JobContext {
public:
    /// Durably stores plugin state (e.g. the list and import-template ids that
    /// prepare() found or created). Returns false when the store failed.
    virtual bool saveState(const std::string& state) = 0;
};

/// An export job instance. prepare() is called once before the first
/// deliver() of a runner session (and again after a Fail); deliver() is called
/// per batch, never concurrently for one job. Neither may let exceptions escape.
class ExportJob {
public:
    virtual ~ExportJob() = default;
    virtual Outcome prepare(ExportContext& context) = 0;
    virtual DeliveryResult deliver(ExportContext& context, const std::vector<ExportChange>& batch) = 0;
};

} // namespace jobhost::sdk
