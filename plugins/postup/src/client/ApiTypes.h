// jobhost postup plugin — ApiTypes.h
// Plain value types for the PostUp resources the client reads and writes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::plugins::postup {

// All types below are plain values (copyable, no invariants). String fields
// hold the server's text as received; absent or null values are empty.

/// GET /site (§2).
struct SiteInfo {
    std::string siteId;
    std::string title;
    std::string status;
    std::string version;
};

/// GET /list item (§5.1), the fields the plugin uses.
struct ListInfo {
    std::int64_t listId = 0;
    std::string title;
    std::string categoryId; ///< empty when null
    std::string externalId;
    std::string channel;
    bool globalUnsub = false;
};

/// GET /recipient (§6.1), the fields the plugin uses.
struct Recipient {
    std::int64_t recipientId = 0;
    std::string address;
    std::string externalId;
    std::string channel;
    std::string status;
    std::string comment;
    std::string carrier;
    std::string dateJoined;
    std::string sourceSignupDate;
    std::string dateUnsub;
    std::string sourceDescription;
    /// "Key=Value" items split on the first '=' (§6.3), in server order.
    std::vector<std::pair<std::string, std::string>> demographics;
};

/// GET /listsubscription item (§7.1). `hasAddress` tells whether the server
/// included the recipient's address (it need not, §7.3).
struct Subscription {
    std::int64_t recipientId = 0;
    std::int64_t listId = 0;
    std::string status;
    std::string listStatus;
    std::string globalStatus;
    std::string dateJoined;
    std::string dateUnsub;
    std::string address;
    std::string externalId;
    bool hasAddress = false;
    /// Set when the row carries the recipient's own fields (a `recipient`
    /// object, or a flat `channel` member): then no GET /recipient/{id} is needed.
    std::optional<Recipient> details;
};

/// GET /campaign item (§9.1).
struct Campaign {
    std::int64_t campaignId = 0;
    std::string title;
    std::string externalId;
};

/// GET /mailing item (§9.2).
struct Mailing {
    std::int64_t mailingId = 0;
    std::int64_t campaignId = 0;
    std::string title;
    std::string status;
    std::string scheduledTime; ///< Central time text; empty for drafts
    std::string externalId;
};

/// GET /customfield item (§8).
struct CustomField {
    std::int64_t customFieldId = 0;
    std::string title;
    bool active = true;
    std::string type;
};

/// POST /import response and GET /import/{id} (§10.2).
struct ImportStatus {
    std::int64_t importId = 0;
    std::int64_t importTemplateId = 0;
    std::string status; ///< OPEN while processing, DONE when finished
    std::int64_t totalRecords = 0;
    std::int64_t newRecords = 0;
    std::int64_t updatedRecords = 0;
    std::int64_t invalidRemoved = 0;
    std::int64_t invalidFixed = 0;
    std::int64_t purged = 0;
    std::int64_t suppressed = 0;
    std::int64_t blockedDomain = 0;
    std::int64_t notFound = 0;
};

/// POST /importtemplate body (§10.1).
struct ImportTemplateSpec {
    std::string title;
    std::string type = "NORMAL";         ///< NORMAL or UNSUB
    std::string delimiter = "Tab Delimited";
    std::string columnNames;             ///< e.g. "Recips.ADDRESS,Demographics.FirstName"
    std::string channel = "E";
    std::vector<std::int64_t> listIds;
    std::string sourceDescription;
    std::string signupMethod = "Web Import";
};

/// GET /importtemplate/{id} (§10.1), the fields the export job checks.
struct ImportTemplateInfo {
    std::int64_t importTemplateId = 0;
    std::string title;
    std::string type;
    std::string columnNames;
    bool active = true;
    std::vector<std::int64_t> listIds;
};

} // namespace jobhost::plugins::postup
