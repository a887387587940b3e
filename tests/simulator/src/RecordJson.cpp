// RecordJson.cpp — jobhost postup-sim: the JSON shapes of every record.
// SPDX-License-Identifier: Apache-2.0
#include "RecordJson.h"

namespace jobhost::sim {

const char* RecordJson::statusWord(char s) {
  switch (s) {
  case 'N': return "NORMAL";
  case 'U': return "UNSUB";
  case 'O': return "OPTOUT";
  case 'H': return "HELD";
  case 'B': return "BLOCKED";
  case 'M': return "MARKED";
  default: return "NORMAL";
  }
}

void RecordJson::list(JsonWriter& w, const ListRecord& l, std::int64_t listCount) {
  w.beginObject()
      .field("listId", l.listId)
      .field("title", l.title)
      .field("friendlyTitle", l.friendlyTitle)
      .field("description", l.description)
      .field("populated", l.populated)
      .field("publicSignup", l.publicSignup)
      .field("globalUnsub", l.globalUnsub)
      .field("query", l.query)
      .fieldOrNull("categoryId", l.categoryId)
      .field("blockDomains", l.blockDomains)
      .fieldOrNull("seedListId", l.seedListId)
      .field("createTime", l.createTime)
      .field("creator", l.creator)
      .fieldIfSet("externalId", l.externalId)
      .field("custom1", l.custom1)
      .field("channel", l.channel)
      .field("countRecips", l.countRecips)
      .intArray("brandIds", l.brandIds)
      .field("listCount", listCount)
      .field("testMessageList", l.testMessageList)
      .endObject();
}

void RecordJson::recipient(JsonWriter& w, const RecipientRecord& r) {
  w.beginObject()
      .field("recipientId", r.recipientId)
      .field("address", r.address)
      .fieldIfSet("externalId", r.externalId)
      .field("channel", r.channel)
      .field("status", std::string(1, r.status))
      .fieldIfSet("comment", r.comment)
      .fieldIfSet("sourceDescription", r.sourceDescription)
      .fieldIfSet("signupMethod", r.signupMethod)
      .fieldIfSet("signupIP", r.signupIP)
      .fieldIfSet("thirdPartySource", r.thirdPartySource)
      .fieldIfSet("thirdPartySignupDate", r.thirdPartySignupDate)
      .fieldIfSet("sourceSignupDate", r.sourceSignupDate)
      .field("dateJoined", r.dateJoined)
      .fieldOrNull("dateUnsub", r.dateUnsub)
      .fieldIfSet("importId", r.importId)
      .fieldIfSet("carrier", r.carrier);
  w.key("demographics").beginArray();
  std::string item;
  for (const auto& [k, v] : r.demographics) {
    item.assign(k).append("=").append(v);
    w.value(item);
  }
  w.endArray().endObject();
}

void RecordJson::subscription(JsonWriter& w, const SubscriptionRecord& s, char globalStatus, const std::string& address,
                              const std::optional<std::string>& externalId, const RecipientRecord* recipient) {
  w.beginObject()
      .field("recipientId", s.recipientId)
      .field("listId", s.listId)
      .field("status", s.listStatus)
      .field("listStatus", s.listStatus)
      .field("globalStatus", statusWord(globalStatus))
      .fieldOrNull("mailingId", s.mailingId)
      .field("dateJoined", s.dateJoined)
      .fieldOrNull("dateUnsub", s.dateUnsub)
      .field("sourceId", s.sourceId)
      .field("confirmed", s.confirmed)
      .field("address", address)
      .fieldIfSet("externalId", externalId);
  if (recipient) {
    w.key("recipient");
    RecordJson::recipient(w, *recipient);
  }
  w.endObject();
}

void RecordJson::customField(JsonWriter& w, const CustomFieldRecord& f) {
  w.beginObject()
      .field("customFieldId", f.customFieldId)
      .field("title", f.title)
      .field("active", f.active)
      .field("type", f.type)
      .endObject();
}

void RecordJson::campaign(JsonWriter& w, const CampaignRecord& c) {
  w.beginObject()
      .field("campaignId", c.campaignId)
      .field("title", c.title)
      .fieldIfSet("externalId", c.externalId)
      .fieldIfSet("comment", c.comment)
      .field("createTime", c.createTime)
      .endObject();
}

void RecordJson::mailing(JsonWriter& w, const MailingRecord& m) {
  w.beginObject()
      .field("mailingId", m.mailingId)
      .field("campaignId", m.campaignId)
      .field("title", m.title)
      .field("brandId", m.brandId)
      .field("channel", m.channel)
      .intArray("listIds", m.listIds)
      .field("status", m.status)
      .field("clickTrackType", m.clickTrackType)
      .field("openTrackType", m.openTrackType)
      .fieldIfSet("scheduledTime", m.scheduledText)
      .fieldIfSet("externalId", m.externalId);
  w.key("content")
      .beginObject()
      .field("subject", m.subject)
      .field("fromEmail", m.fromEmail)
      .field("fromName", m.fromName)
      .endObject();
  w.endObject();
}

void RecordJson::mailingStatistics(JsonWriter& w, const MailingRecord& m) {
  const std::int64_t sent = std::max<std::int64_t>(0, m.targeted - m.hard - m.soft);
  w.beginObject()
      .field("mailingId", m.mailingId)
      .field("scheduled", m.targeted)
      .field("sent", sent)
      .field("hardBounces", m.hard)
      .field("softBounces", m.soft)
      .field("blockBounces", static_cast<std::int64_t>(0))
      .field("totalOpens", m.opens)
      .field("uniqueOpens", m.opens - m.opens / 10)
      .field("totalHtmlClick", m.clicks + m.clicks / 5)
      .field("uniqueHtmlClick", m.clicks)
      .field("totalTextClick", static_cast<std::int64_t>(0))
      .field("uniqueTextClick", static_cast<std::int64_t>(0))
      .field("unsubscribes", m.clicks / 20)
      .field("complaints", m.soft / 20)
      .field("optouts", m.hard / 20)
      .field("forwards", m.opens / 50)
      .endObject();
}

void RecordJson::importTemplate(JsonWriter& w, const ImportTemplateRecord& t) {
  w.beginObject()
      .field("importTemplateId", t.importTemplateId)
      .field("title", t.title)
      .field("type", t.type)
      .field("delimiter", t.delimiter)
      .field("columnNames", t.columnNames)
      .field("channel", t.channel)
      .field("active", t.active)
      .field("confirmed", t.confirmed)
      .fieldOrNull("sendTemplateId", t.sendTemplateId)
      .field("sourceDescription", t.sourceDescription)
      .field("signupMethod", t.signupMethod)
      .intArray("listIds", t.listIds)
      .intArray("purgeListIds", t.purgeListIds)
      .intArray("suppressionListIds", t.suppressionListIds)
      .field("watchDirectory", t.watchDirectory)
      .endObject();
}

void RecordJson::importJob(JsonWriter& w, const ImportJob& j) {
  w.beginObject()
      .field("importId", j.importId)
      .field("importTemplateId", j.importTemplateId)
      .field("status", j.status)
      .field("startTime", j.startTime)
      .fieldOrNull("endTime", j.endTime)
      .field("totalRecords", j.totalRecords)
      .field("newRecords", j.newRecords)
      .field("updatedRecords", j.updatedRecords)
      .field("invalidRemoved", j.invalidRemoved)
      .field("invalidFixed", j.invalidFixed)
      .field("purged", j.purged)
      .field("suppressed", j.suppressed)
      .field("blockedDomain", j.blockedDomain)
      .field("blockedStopWord", j.blockedStopWord)
      .field("pendingReview", j.pendingReview)
      .field("notFound", j.notFound)
      .intArray("listIds", j.listIds)
      .endObject();
}

void RecordJson::listCounts(JsonWriter& w, const ListCounts& c) {
  w.beginObject()
      .field("listId", c.listId)
      .field("normal", c.normal)
      .field("unsub", c.unsub)
      .field("held", c.held)
      .field("total", c.total)
      .endObject();
}

void RecordJson::activityRow(JsonWriter& w, const ActivityRow& r) {
  w.beginObject()
      .field("recipientId", r.recipientId)
      .field("address", r.address)
      .fieldOrNull("externalId", r.externalId)
      .field("time", r.time);
  if (!r.url.empty()) w.field("url", r.url).field("linkId", r.linkId);
  if (!r.bounceType.empty()) w.field("bounceType", r.bounceType).field("bounceCode", r.bounceCode);
  w.endObject();
}

void RecordJson::mutation(JsonWriter& w, const MutationRecord& m) {
  w.beginObject()
      .field("sequence", m.sequence)
      .field("method", m.method)
      .field("path", m.path)
      .field("query", m.query)
      .field("time", m.time)
      .field("wallMillis", m.wallMillis)
      .field("status", m.status)
      .field("fault", m.fault)
      .field("body", m.body)
      .endObject();
}

} // namespace jobhost::sim
