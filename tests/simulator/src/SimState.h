// SimState.h — jobhost postup-sim: the simulated site (seeded base + overlays).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ActivityKind.h"
#include "ImportJob.h"
#include "SeededData.h"

#include "jobhost/sim/ActivityRow.h"
#include "jobhost/sim/ListCounts.h"
#include "jobhost/sim/MutationRecord.h"
#include "jobhost/sim/SimulatorOptions.h"

#include <deque>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace jobhost::sim {

/// The whole site: seeded data plus everything changed through the API
/// (overlays), the clock, imports and the mutation log. Every public method
/// is thread-safe (one shared_mutex; readers share). Methods that can fail
/// for API reasons throw ApiError with the PostUp error shape.
class SimState {
public:
  explicit SimState(const SimulatorOptions& options);

  const SeededData& seeded() const { return _seeded; }
  const SimulatorOptions& options() const { return _options; }

  // clock
  std::int64_t now() const;
  void setNow(std::int64_t epochSeconds);
  std::string nowText() const;

  // lists
  std::vector<ListRecord> lists() const;
  std::optional<ListRecord> list(std::int64_t id) const;
  ListRecord createList(ListRecord list);
  ListRecord updateList(const ListRecord& list); ///< 404 when unknown
  ListCounts counts(std::int64_t listId) const;  ///< 404 when unknown
  std::vector<ListCounts> allCounts() const;

  // recipients
  std::optional<RecipientRecord> recipient(std::int64_t id) const;
  std::optional<std::int64_t> findByAddress(const std::string& address) const;
  std::vector<std::int64_t> findByExternalId(const std::string& externalId) const;
  RecipientRecord createRecipient(RecipientRecord r); ///< 409 on a duplicate address
  /// Applies `edit` to a copy and stores it; 404 unknown, 409 address clash.
  RecipientRecord updateRecipient(std::int64_t id, const std::function<void(RecipientRecord&)>& edit);

  // subscriptions
  std::optional<SubscriptionRecord> subscription(std::int64_t listId, std::int64_t recipientId) const;
  std::vector<SubscriptionRecord> subscriptionsOf(std::int64_t recipientId) const;
  /// Members (any status) with recipientId > after, ascending, at most `limit`.
  std::vector<SubscriptionRecord> members(std::int64_t listId, std::int64_t after, std::int64_t limit) const;
  /// Sets NORMAL or UNSUB; 404 unknown list/recipient, 400 OPTOUT resubscribe.
  SubscriptionRecord subscribe(std::int64_t listId, std::int64_t recipientId, const std::string& status,
                               const std::optional<std::string>& sourceId, const std::optional<bool>& confirmed,
                               const std::optional<std::int64_t>& mailingId);
  char globalStatus(std::int64_t recipientId) const;
  /// Address and external id of a recipient (fast path for reports/paging).
  void identity(std::int64_t recipientId, std::string& address, std::optional<std::string>& externalId) const;

  // custom fields
  std::vector<CustomFieldRecord> customFields() const;
  std::optional<CustomFieldRecord> customField(std::int64_t id) const;
  CustomFieldRecord saveCustomField(CustomFieldRecord field, bool create); ///< 409 duplicate title, 404 unknown

  // campaigns and mailings
  std::vector<CampaignRecord> campaigns() const;
  std::optional<CampaignRecord> campaign(std::int64_t id) const;
  CampaignRecord createCampaign(CampaignRecord c);
  std::vector<MailingRecord> mailingsOf(std::int64_t campaignId) const;
  std::vector<MailingRecord> allMailings() const;
  std::optional<MailingRecord> mailing(std::int64_t id) const;
  MailingRecord saveMailing(MailingRecord m, bool create);

  // activity
  static std::int64_t activityCount(const MailingRecord& m, ActivityKind kind);
  /// Appends rows [from, from+count) of the report to `out`.
  void activityRows(const MailingRecord& m, ActivityKind kind, std::int64_t from, std::int64_t count,
                    std::vector<ActivityRow>& out) const;
  /// Appends the same rows as TSV lines (CRLF) to `out`.
  void activityTsv(const MailingRecord& m, ActivityKind kind, std::int64_t from, std::int64_t count,
                   std::string& out) const;

  // import templates and imports
  std::vector<ImportTemplateRecord> importTemplates() const;
  std::optional<ImportTemplateRecord> importTemplate(std::int64_t id) const;
  ImportTemplateRecord saveImportTemplate(ImportTemplateRecord t, bool create);
  /// Queues an import; 404 unknown template, 400 inactive/too many rows.
  ImportJob createImport(std::int64_t templateId, std::vector<std::string> rows,
                         std::optional<std::int64_t> sendTemplateId, int delayMs);
  /// Status of one import (counts a poll and may complete it); empty when unknown.
  std::optional<ImportJob> pollImport(std::int64_t id);
  std::vector<ImportJob> imports() const;
  /// Rows of every import ever created, in creation order (empty unless
  /// options().keepImportRows): importId, template id and type, rows.
  struct KeptImport {
    std::int64_t importId = 0;
    std::int64_t importTemplateId = 0;
    std::string templateType;
    std::vector<std::string> rows;
  };
  std::vector<KeptImport> keptImports() const;
  /// Completes every import whose time has come; returns how many.
  int processDueImports();

  // mutation log
  void recordMutation(MutationRecord record);
  std::vector<MutationRecord> mutations() const;
  void clearMutations();
  /// Request counter (SimulatorOptions::countRequests): "METHOD /path" → calls.
  void countRequest(const std::string& key);
  std::map<std::string, std::int64_t> requestCounts() const;
  void clearRequestCounts();

  /// Calls `sink` with batches of members of `listId` (ascending id), outside the lock.
  void forEachMemberBatch(std::int64_t listId, const std::function<void(const std::vector<SubscriptionRecord>&)>& sink) const;
  /// Effective class of (list status, global status): 'N' normal, 'U' unsub, 'H' held.
  static char effectiveClass(const std::string& listStatus, char global);

private:
  using SubMap = std::map<std::int64_t, SubscriptionRecord>;
  std::optional<RecipientRecord> recipientLocked(std::int64_t id) const;
  std::optional<std::int64_t> findByAddressLocked(const std::string& address) const;
  std::optional<SubscriptionRecord> subscriptionLocked(std::int64_t listId, std::int64_t recipientId) const;
  std::vector<SubscriptionRecord> subscriptionsOfLocked(std::int64_t recipientId) const;
  char globalStatusLocked(std::int64_t recipientId) const;
  void identityLocked(std::int64_t id, std::string& address, std::optional<std::string>& externalId) const;
  /// Runs `change` and updates list counts by the difference it made for `recipientId`.
  void changeRecipient(std::int64_t recipientId, const std::function<void()>& change);
  void storeRecipientLocked(const RecipientRecord& r);
  void storeSubscriptionLocked(const SubscriptionRecord& s);
  SubscriptionRecord subscribeLocked(std::int64_t listId, std::int64_t recipientId, const std::string& status,
                                     const std::optional<std::string>& sourceId, const std::optional<bool>& confirmed,
                                     const std::optional<std::int64_t>& mailingId);
  void completeImportLocked(ImportJob& job);
  bool isRecipientLocked(std::int64_t id) const;
  void normalizeDemographicsLocked(RecipientRecord& r) const;
  std::vector<CustomFieldRecord> seedFieldsLocked() const;

  SimulatorOptions _options;
  SeededData _seeded;
  mutable std::shared_mutex _mutex;
  std::int64_t _fixedNow = 0;
  bool _frozen = false;

  std::map<std::int64_t, ListRecord> _lists;
  std::map<std::int64_t, ListCounts> _counts;
  std::vector<CustomFieldRecord> _seedFields;
  std::map<std::int64_t, CustomFieldRecord> _customFields;
  std::map<std::int64_t, CampaignRecord> _campaigns;
  std::map<std::int64_t, MailingRecord> _mailings;
  std::map<std::int64_t, ImportTemplateRecord> _templates;
  std::map<std::int64_t, ImportJob> _imports;
  std::vector<KeptImport> _keptImports;

  std::unordered_map<std::int64_t, RecipientRecord> _recipientOverlay;
  std::unordered_map<std::string, std::int64_t> _addressIndex;   ///< lower-case address -> id (overlay only)
  std::unordered_map<std::string, std::vector<std::int64_t>> _externalIndex; ///< overlay only
  std::map<std::int64_t, SubMap> _subsByList;                    ///< overlay memberships
  std::unordered_map<std::int64_t, std::map<std::int64_t, SubscriptionRecord>> _subsByRecipient;
  std::int64_t _nextRecipientId;
  std::int64_t _nextImportId = 5001;
  std::int64_t _seedFieldCount = 0;

  std::deque<MutationRecord> _mutations;
  std::int64_t _mutationSeq = 0;
  std::map<std::string, std::int64_t> _requestCounts;
};

} // namespace jobhost::sim
