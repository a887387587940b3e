// RecordJson.h — jobhost postup-sim: the JSON shapes of every record.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CampaignRecord.h"
#include "CustomFieldRecord.h"
#include "ImportJob.h"
#include "ImportTemplateRecord.h"
#include "JsonWriter.h"
#include "ListRecord.h"
#include "MailingRecord.h"
#include "RecipientRecord.h"
#include "SubscriptionRecord.h"

#include "jobhost/sim/ActivityRow.h"
#include "jobhost/sim/ListCounts.h"
#include "jobhost/sim/MutationRecord.h"

namespace jobhost::sim {

/// Writes records in the canonical camelCase names of postup-api.md. Static,
/// thread-safe (each call uses only its arguments).
class RecordJson {
public:
  static void list(JsonWriter& w, const ListRecord& l, std::int64_t listCount);
  static void recipient(JsonWriter& w, const RecipientRecord& r);
  /// `recipient` (may be null) is written as a nested "recipient" object.
  static void subscription(JsonWriter& w, const SubscriptionRecord& s, char globalStatus, const std::string& address,
                           const std::optional<std::string>& externalId, const RecipientRecord* recipient = nullptr);
  static void customField(JsonWriter& w, const CustomFieldRecord& f);
  static void campaign(JsonWriter& w, const CampaignRecord& c);
  static void mailing(JsonWriter& w, const MailingRecord& m);
  static void mailingStatistics(JsonWriter& w, const MailingRecord& m);
  static void importTemplate(JsonWriter& w, const ImportTemplateRecord& t);
  static void importJob(JsonWriter& w, const ImportJob& j);
  static void listCounts(JsonWriter& w, const ListCounts& c);
  static void activityRow(JsonWriter& w, const ActivityRow& r);
  static void mutation(JsonWriter& w, const MutationRecord& m);
  /// N -> NORMAL, U -> UNSUB, O -> OPTOUT, H -> HELD, B -> BLOCKED, M -> MARKED.
  static const char* statusWord(char status);
};

} // namespace jobhost::sim
