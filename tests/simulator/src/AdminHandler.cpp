// AdminHandler.cpp — jobhost postup-sim: the non-PostUp /_sim/ ground-truth API.
// SPDX-License-Identifier: Apache-2.0
#include "AdminHandler.h"

#include "ApiError.h"
#include "FaultSettingsJson.h"
#include "JsonInput.h"
#include "RecordJson.h"
#include "TimeFormat.h"

#include <Poco/String.h>

namespace jobhost::sim {

AdminHandler::AdminHandler(SimState& state, AuthService& auth, FaultInjector& faults)
    : _state(state), _auth(auth), _faults(faults) {}

void AdminHandler::handle(HttpExchange& ex) {
  const auto& token = _state.options().simToken;
  if (!token.empty() && ex.header("X-Sim-Token").value_or("") != token)
    throw ApiError(401, "X-Sim-Token required for /_sim/");
  const auto& seg = ex.segments();
  const std::string what = seg.size() > 1 ? Poco::toLower(seg[1]) : "";
  const std::string& m = ex.method();
  auto id = [&](std::size_t i) {
    auto v = JsonInput::parseInt(seg.at(i));
    if (!v) throw ApiError::badRequest("Invalid id: " + seg.at(i));
    return *v;
  };
  if (what == "health" && m == "GET") {
    ex.sendJson(200, "{\"status\":\"ok\"}");
  } else if (what == "info" && m == "GET") {
    const auto& o = _state.options();
    JsonWriter w;
    w.beginObject()
        .field("seed", static_cast<std::int64_t>(o.seed))
        .field("lists", o.lists)
        .field("recipients", o.recipients)
        .field("membershipsPerRecipient", o.membershipsPerRecipient)
        .field("campaigns", o.campaigns)
        .field("mailingsPerCampaign", o.mailingsPerCampaign)
        .field("eventsPerMailing", o.eventsPerMailing)
        .field("siteId", _state.seeded().siteId())
        .field("siteName", o.siteName)
        .field("downloadToken", o.downloadToken)
        .field("anchor", TimeFormat::format(_state.seeded().anchor()))
        .field("importDelayMs", o.importDelayMs)
        .field("importPollsToDone", o.importPollsToDone)
        .field("lockoutThreshold", o.lockoutThreshold);
    w.key("users").beginArray();
    for (const auto& u : o.users) {
      w.beginObject().field("login", u.login).key("privileges").beginArray();
      for (const auto& p : u.privileges) w.value(p);
      w.endArray().endObject();
    }
    w.endArray().endObject();
    ex.sendJson(200, w.str());
  } else if (what == "counts" && m == "GET" && seg.size() == 2) {
    counts(ex);
  } else if (what == "lists" && m == "GET" && seg.size() == 4 && Poco::icompare(seg[3], "members") == 0) {
    members(ex, id(2));
  } else if (what == "lists" && m == "GET" && seg.size() == 4 && Poco::icompare(seg[3], "counts") == 0) {
    JsonWriter w;
    RecordJson::listCounts(w, _state.counts(id(2)));
    ex.sendJson(200, w.str());
  } else if (what == "mailings" && m == "GET" && seg.size() == 2) {
    mailings(ex);
  } else if (what == "mailings" && m == "GET" && seg.size() == 4 && Poco::icompare(seg[3], "activity") == 0) {
    activity(ex, id(2));
  } else if (what == "requests" && seg.size() == 2) {
    requests(ex);
  } else if (what == "faults" && seg.size() == 2) {
    faults(ex);
  } else if (what == "now" && seg.size() == 2) {
    clock(ex);
  } else if (what == "reset-lockouts" && (m == "POST" || m == "PUT") && seg.size() == 2) {
    _auth.resetLockouts();
    ex.sendJson(200, "{\"status\":\"ok\"}");
  } else if (what == "import-rows" && m == "GET" && seg.size() == 2) {
    JsonWriter w;
    w.beginArray();
    for (const auto& k : _state.keptImports()) {
      w.beginObject().field("importId", k.importId).field("importTemplateId", k.importTemplateId).field("templateType", k.templateType);
      w.key("rows").beginArray();
      for (const auto& row : k.rows) w.value(row);
      w.endArray().endObject();
    }
    w.endArray();
    ex.sendJson(200, w.str());
  } else if (what == "imports" && m == "GET" && seg.size() == 2) {
    JsonWriter w;
    w.beginArray();
    for (const auto& j : _state.imports()) RecordJson::importJob(w, j);
    w.endArray();
    ex.sendJson(200, w.str());
  } else {
    throw ApiError(404, "No such /_sim/ route: " + m + " " + ex.path());
  }
}

void AdminHandler::counts(HttpExchange& ex) {
  JsonWriter w;
  std::int64_t open = 0, click = 0, hard = 0, soft = 0, mailings = 0, sent = 0;
  for (const auto& mail : _state.allMailings()) {
    ++mailings;
    if (mail.status == "DONE") ++sent;
    open += mail.opens;
    click += mail.clicks;
    hard += mail.hard;
    soft += mail.soft;
  }
  std::int64_t memberships = 0, normal = 0;
  w.beginObject();
  w.key("lists").beginArray();
  for (const auto& c : _state.allCounts()) {
    RecordJson::listCounts(w, c);
    memberships += c.total;
    normal += c.normal;
  }
  w.endArray();
  w.field("listCount", static_cast<std::int64_t>(_state.lists().size()))
      .field("seededRecipients", _state.seeded().recipientCount())
      .field("campaigns", static_cast<std::int64_t>(_state.campaigns().size()))
      .field("mailings", mailings)
      .field("sentMailings", sent)
      .field("customFields", static_cast<std::int64_t>(_state.customFields().size()));
  w.key("streams")
      .beginObject()
      .field("memberships", memberships)
      .field("normalMemberships", normal)
      .field("OPEN", open)
      .field("CLICK", click)
      .field("HARD", hard)
      .field("SOFT", soft)
      .endObject();
  w.field("mutations", static_cast<std::int64_t>(_state.mutations().size()));
  w.endObject();
  ex.sendJson(200, w.str());
}

void AdminHandler::members(HttpExchange& ex, std::int64_t listId) {
  if (!_state.list(listId)) throw ApiError::notFound("List", listId);
  const std::string status = Poco::toUpper(ex.query("status").value_or("NORMAL"));
  char wanted = 0;
  if (status == "NORMAL") wanted = 'N';
  else if (status == "UNSUB") wanted = 'U';
  else if (status == "HELD") wanted = 'H';
  else if (status != "ALL") throw ApiError::badRequest("status must be NORMAL, UNSUB, HELD or ALL", "status");
  std::ostream& out = ex.beginStream(200, "application/json; charset=utf-8");
  out << '[';
  bool first = true;
  std::string address;
  std::optional<std::string> ext;
  _state.forEachMemberBatch(listId, [&](const std::vector<SubscriptionRecord>& batch) {
    for (const auto& s : batch) {
      const char g = _state.globalStatus(s.recipientId);
      if (wanted && SimState::effectiveClass(s.listStatus, g) != wanted) continue;
      _state.identity(s.recipientId, address, ext);
      JsonWriter row;
      row.beginObject()
          .field("recipientId", s.recipientId)
          .field("address", address)
          .fieldOrNull("externalId", ext)
          .field("listStatus", s.listStatus)
          .field("globalStatus", RecordJson::statusWord(g))
          .endObject();
      if (!first) out << ',';
      out << row.str();
      first = false;
    }
  });
  out << ']';
}

void AdminHandler::activity(HttpExchange& ex, std::int64_t mailingId) {
  auto mail = _state.mailing(mailingId);
  if (!mail) throw ApiError::notFound("Mailing", mailingId);
  auto typeText = ex.query("type");
  if (!typeText) {
    JsonWriter w;
    w.beginObject()
        .field("mailingId", mailingId)
        .field("OPEN", mail->opens)
        .field("CLICK", mail->clicks)
        .field("HARD", mail->hard)
        .field("SOFT", mail->soft)
        .endObject();
    ex.sendJson(200, w.str());
    return;
  }
  auto type = ActivityKinds::parse(*typeText);
  if (!type) throw ApiError::badRequest("type must be OPEN, CLICK, HARD, SOFT or BOUNCE", "type");
  const std::int64_t total = SimState::activityCount(*mail, *type);
  std::ostream& out = ex.beginStream(200, "application/json; charset=utf-8");
  out << '[';
  std::vector<ActivityRow> rows;
  for (std::int64_t from = 0; from < total; from += 4096) {
    rows.clear();
    _state.activityRows(*mail, *type, from, 4096, rows);
    JsonWriter w;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (from > 0 || i > 0) out << ',';
      w.clear();
      RecordJson::activityRow(w, rows[i]);
      out << w.str();
    }
  }
  out << ']';
}

void AdminHandler::mailings(HttpExchange& ex) {
  JsonWriter w;
  w.beginArray();
  for (const auto& mail : _state.allMailings()) {
    w.beginObject()
        .field("mailingId", mail.mailingId)
        .field("campaignId", mail.campaignId)
        .field("status", mail.status);
    if (mail.scheduled) w.field("scheduledTime", TimeFormat::format(*mail.scheduled)).field("scheduledEpoch", *mail.scheduled);
    else w.key("scheduledTime").null();
    w.field("OPEN", mail.opens).field("CLICK", mail.clicks).field("HARD", mail.hard).field("SOFT", mail.soft).endObject();
  }
  w.endArray();
  ex.sendJson(200, w.str());
}

void AdminHandler::requests(HttpExchange& ex) {
  if (ex.method() == "DELETE") {
    _state.clearMutations();
    ex.sendJson(200, "{\"status\":\"ok\"}");
    return;
  }
  if (ex.method() != "GET") throw ApiError(405, "Use GET or DELETE");
  std::int64_t since = 0;
  if (auto s = ex.query("since")) since = JsonInput::parseInt(*s).value_or(0);
  JsonWriter w;
  w.beginArray();
  for (const auto& m : _state.mutations())
    if (m.sequence > since) RecordJson::mutation(w, m);
  w.endArray();
  ex.sendJson(200, w.str());
}

void AdminHandler::faults(HttpExchange& ex) {
  if (ex.method() == "PUT" || ex.method() == "POST") {
    try {
      _faults.replace(FaultSettingsJson::fromJson(ex.body()));
    } catch (const std::invalid_argument& e) {
      throw ApiError::badRequest(e.what());
    }
  } else if (ex.method() == "DELETE") {
    _faults.replace(FaultSettings{});
  } else if (ex.method() != "GET") {
    throw ApiError(405, "Use GET, PUT or DELETE");
  }
  ex.sendJson(200, FaultSettingsJson::toJson(_faults.settings()));
}

void AdminHandler::clock(HttpExchange& ex) {
  if (ex.method() == "PUT" || ex.method() == "POST") {
    auto in = JsonInput::parseObject(ex.body());
    if (auto epoch = in.getInt("epochSeconds")) {
      _state.setNow(*epoch);
    } else if (auto text = in.getString("now")) {
      auto t = TimeFormat::parse(*text);
      if (!t) throw ApiError::badRequest("now is not a valid date", "now");
      _state.setNow(*t);
    } else {
      throw ApiError::badRequest("now or epochSeconds is required", "now");
    }
  } else if (ex.method() != "GET") {
    throw ApiError(405, "Use GET or PUT");
  }
  const std::int64_t now = _state.now();
  JsonWriter w;
  w.beginObject()
      .field("now", TimeFormat::format(now))
      .field("iso", TimeFormat::format(now, TimeFormat::Style::IsoZulu))
      .field("epochSeconds", now)
      .field("anchor", TimeFormat::format(_state.seeded().anchor()))
      .endObject();
  ex.sendJson(200, w.str());
}

} // namespace jobhost::sim
