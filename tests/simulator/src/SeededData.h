// SeededData.h — jobhost postup-sim: everything derived from the seed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ActivityKind.h"
#include "CampaignRecord.h"
#include "CustomFieldRecord.h"
#include "ImportTemplateRecord.h"
#include "ListRecord.h"
#include "MailingRecord.h"
#include "RecipientRecord.h"
#include "SubscriptionRecord.h"

#include "jobhost/sim/SimulatorOptions.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// Pure functions of (seed, sizes, anchor time): recipients 1..N, their list
/// memberships, lists, campaigns, mailings, custom fields and report events.
/// Nothing is stored per recipient, so size costs no memory. Immutable after
/// construction, hence thread-safe.
class SeededData {
public:
  /// One derived report event (address is filled by the state, which knows overlays).
  struct Event {
    std::int64_t recipientId = 0;
    std::int64_t time = 0;
    int linkId = 0;
    int code = 0;
  };

  /// Throws std::invalid_argument for impossible sizes.
  SeededData(const SimulatorOptions& options, std::int64_t anchor);

  std::uint64_t seed() const { return _seed; }
  std::int64_t anchor() const { return _anchor; }
  std::int64_t recipientCount() const { return _recipients; }
  int listCount() const { return _lists; }
  std::string siteId() const;

  std::string address(std::int64_t id) const;
  std::optional<std::string> externalId(std::int64_t id) const;
  char status(std::int64_t id) const;
  /// Full recipient; `fields` are the custom fields present at start.
  RecipientRecord recipient(std::int64_t id, const std::vector<CustomFieldRecord>& fields) const;
  /// Seeded id whose derived address equals `address` case-insensitively.
  std::optional<std::int64_t> idFromAddress(const std::string& address) const;
  std::optional<std::int64_t> idFromExternalId(const std::string& externalId) const;

  bool isMember(std::int64_t id, std::int64_t listId) const;
  void listsOf(std::int64_t id, std::vector<std::int64_t>& out) const;
  bool listUnsub(std::int64_t id, std::int64_t listId) const;
  SubscriptionRecord subscription(std::int64_t id, std::int64_t listId) const;

  std::vector<ListRecord> lists() const;
  std::vector<CampaignRecord> campaigns() const;
  std::vector<MailingRecord> mailings() const;
  std::vector<CustomFieldRecord> customFields() const;
  std::vector<ImportTemplateRecord> importTemplates() const;

  /// Row `index` (0-based) of report `kind` (Open/Click/Hard/Soft) of `mailing`.
  Event event(const MailingRecord& mailing, ActivityKind kind, std::int64_t index) const;
  static std::string clickUrl(int linkId);
  /// The 18 default demographic field names in PostUp order (§6.3).
  static const std::vector<std::string>& defaultFieldNames();
  static const char* bounceCode(ActivityKind kind, int code);

  static constexpr std::int64_t firstMailingId = 50001;
  static constexpr std::int64_t firstCampaignId = 1001;

private:
  std::string mixedDate(std::int64_t utc, std::uint64_t h) const;
  std::uint64_t _seed;
  std::int64_t _anchor;
  std::int64_t _recipients;
  int _lists;
  int _memberships;
  int _campaigns;
  int _mailingsPerCampaign;
  int _events;
  std::string _siteId;
};

} // namespace jobhost::sim
