// ApiHandler.cpp — jobhost postup-sim: the PostUp REST resources under /api.
// SPDX-License-Identifier: Apache-2.0
#include "ApiHandler.h"

#include "ApiError.h"
#include "JsonInput.h"
#include "RecordJson.h"
#include "TimeFormat.h"

#include <Poco/String.h>

#include <algorithm>

namespace jobhost::sim {

namespace {

std::int64_t pathId(const std::vector<std::string>& seg, std::size_t i) {
  auto id = JsonInput::parseInt(seg.at(i));
  if (!id) throw ApiError::badRequest("Invalid id: " + seg.at(i));
  return *id;
}

std::optional<std::int64_t> queryInt(const HttpExchange& ex, const std::string& key) {
  auto v = ex.query(key);
  if (!v) return std::nullopt;
  auto i = JsonInput::parseInt(Poco::trim(*v));
  if (!i) throw ApiError::badRequest(key + " must be an integer", key);
  return i;
}

ApiError methodNotAllowed(const HttpExchange& ex) {
  return ApiError(405, "Method " + ex.method() + " not allowed on " + ex.path());
}

ApiError noRoute(const HttpExchange& ex) { return ApiError(404, "No such resource: " + ex.path()); }

std::string validChannel(const std::string& c) {
  const std::string u = Poco::toUpper(Poco::trim(c));
  if (u != "E" && u != "S" && u != "P") throw ApiError::badRequest("channel must be E, S or P", "channel");
  return u;
}

bool validAddress(const std::string& a) {
  const auto at = a.find('@');
  return at != std::string::npos && at > 0 && at == a.rfind('@') && a.find('.', at) != std::string::npos &&
         a.back() != '.' && a.find(' ') == std::string::npos;
}

void applyDemographics(RecipientRecord& r, const std::vector<std::string>& items, const SimState& state) {
  std::vector<std::string> known = SeededData::defaultFieldNames();
  for (const auto& f : state.customFields())
    if (f.active) known.push_back(f.title);
  for (const auto& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) throw ApiError::badRequest("demographics items must be Key=Value: " + item, "demographics");
    std::string key = item.substr(0, eq);
    const std::string value = item.substr(eq + 1);
    auto k = std::find_if(known.begin(), known.end(), [&](const std::string& n) { return Poco::icompare(n, key) == 0; });
    if (k == known.end()) throw ApiError::badRequest("Unknown demographic field: " + key, "demographics");
    key = *k;
    bool set = false;
    for (auto& [dk, dv] : r.demographics)
      if (dk == key) { dv = value; set = true; }
    if (!set) r.demographics.emplace_back(key, value);
  }
}

void applyRecipientFields(RecipientRecord& r, const JsonInput& in, const SimState& state) {
  if (auto v = in.getString("externalId")) r.externalId = *v;
  if (auto v = in.getString("channel")) r.channel = validChannel(*v);
  if (auto v = in.getString("status")) {
    const std::string s = Poco::toUpper(Poco::trim(*v));
    if (s.size() != 1 || std::string("NUOHBM").find(s[0]) == std::string::npos)
      throw ApiError::badRequest("status must be one of N, U, O, H, B, M", "status");
    r.status = s[0];
  }
  if (auto v = in.getString("comment")) r.comment = *v;
  if (auto v = in.getString("sourceDescription")) r.sourceDescription = *v;
  if (auto v = in.getString("signupMethod")) r.signupMethod = *v;
  if (auto v = in.getString("signupIP")) r.signupIP = *v;
  if (auto v = in.getString("thirdPartySource")) r.thirdPartySource = *v;
  if (auto v = in.getString("carrier")) r.carrier = *v;
  for (const char* dateField : {"thirdPartySignupDate", "sourceSignupDate"}) {
    if (auto v = in.getString(dateField)) {
      auto t = TimeFormat::parse(*v);
      if (!t) throw ApiError::badRequest(std::string(dateField) + " is not a valid date", dateField);
      (std::string(dateField) == "thirdPartySignupDate" ? r.thirdPartySignupDate : r.sourceSignupDate) =
          TimeFormat::format(*t);
    }
  }
  if (auto v = in.getStringArray("demographics")) applyDemographics(r, *v, state);
}

const char* const kFieldTypes[] = {"SINGLE_CHARACTER", "TEXT_SHORT", "TEXT_MEDIUM", "TEXT_LONG",
                                   "WHOLE_NUMBER",     "BIG_INTEGER", "DECIMAL_NUMBER", "CURRENCY",
                                   "DATE_TIME",        "BIT",         "YES_NO"};

} // namespace

ApiHandler::ApiHandler(SimState& state, AuthService& auth, FaultInjector& faults)
    : _state(state), _auth(auth), _faults(faults) {}

void ApiHandler::handle(HttpExchange& ex) {
  const SimUser user = _auth.authenticate(ex.header("Authorization"), _state.now());
  const auto& seg = ex.segments();
  if (seg.size() < 2) throw noRoute(ex);
  const std::string resource = Poco::toLower(seg[1]);
  if (resource == "site") site(ex, user);
  else if (resource == "brand") brands(ex, user);
  else if (resource == "list") lists(ex, user);
  else if (resource == "recipient") recipients(ex, user);
  else if (resource == "listsubscription") subscriptions(ex, user);
  else if (resource == "customfield") customFields(ex, user);
  else if (resource == "campaign") campaigns(ex, user);
  else if (resource == "mailing") mailings(ex, user);
  else if (resource == "mailingstatistics") statistics(ex, user);
  else if (resource == "campaignstatistics") campaignStatistics(ex, user);
  else if (resource == "importtemplate") importTemplates(ex, user);
  else if (resource == "import") imports(ex, user);
  else throw noRoute(ex);
}

// ---------------------------------------------------------------- site, brands

void ApiHandler::site(HttpExchange& ex, const SimUser& user) {
  if (ex.method() != "GET") throw methodNotAllowed(ex);
  if (ex.segments().size() != 2) throw noRoute(ex);
  AuthService::require(user, "READ_SITE", "return site information");
  JsonWriter w;
  w.beginObject()
      .field("siteId", _state.seeded().siteId())
      .field("title", "Demo Site")
      .field("status", "ACTIVE")
      .field("version", "8.2-sim")
      .field("siteName", _state.options().siteName)
      .endObject();
  ex.sendJson(200, w.str());
}

void ApiHandler::brands(HttpExchange& ex, const SimUser& user) {
  if (ex.method() != "GET") throw methodNotAllowed(ex);
  AuthService::require(user, "READ_SITE", "return brands");
  std::optional<std::int64_t> only = queryInt(ex, "brandid");
  if (ex.segments().size() == 3) only = pathId(ex.segments(), 2);
  else if (ex.segments().size() > 3) throw noRoute(ex);
  auto brand = [](JsonWriter& w, std::int64_t id) {
    w.beginObject()
        .field("brandId", id)
        .field("title", id == 1 ? "Main brand" : "Marque Française")
        .field("fromName", id == 1 ? "Example News" : "Équipe Exemple")
        .field("fromEmail", id == 1 ? "news@example.com" : "bonjour@example.fr")
        .field("replyToEmail", "reply@example.com")
        .field("channel", "E")
        .endObject();
  };
  JsonWriter w;
  if (only) {
    if (*only != 1 && *only != 2) throw ApiError::notFound("Brand", *only);
    brand(w, *only);
  } else {
    w.beginArray();
    brand(w, 1);
    brand(w, 2);
    w.endArray();
  }
  ex.sendJson(200, w.str());
}

// ---------------------------------------------------------------- lists

void ApiHandler::sendList(HttpExchange& ex, const ListRecord& l) {
  JsonWriter w;
  RecordJson::list(w, l, _state.counts(l.listId).normal);
  ex.sendJson(200, w.str());
}

void ApiHandler::lists(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (m == "GET") {
    AuthService::require(user, "LIST_LISTS", "return the array of lists");
    if (seg.size() == 2) {
      auto brand = queryInt(ex, "brandid");
      JsonWriter w;
      w.beginArray();
      for (const auto& l : _state.lists()) {
        if (brand && std::find(l.brandIds.begin(), l.brandIds.end(), *brand) == l.brandIds.end()) continue;
        RecordJson::list(w, l, _state.counts(l.listId).normal);
      }
      w.endArray();
      ex.sendJson(200, w.str());
      return;
    }
    const std::int64_t id = pathId(seg, 2);
    auto l = _state.list(id);
    if (!l) throw ApiError::notFound("List", id);
    if (seg.size() == 3) { sendList(ex, *l); return; }
    if (seg.size() == 4 && Poco::icompare(seg[3], "counts") == 0) {
      JsonWriter w;
      RecordJson::listCounts(w, _state.counts(id));
      ex.sendJson(200, w.str());
      return;
    }
    throw noRoute(ex);
  }
  if (m == "POST" || m == "PUT") {
    if (seg.size() > 3) throw noRoute(ex);
    const bool create = m == "POST";
    AuthService::require(user, create ? "CREATE_LIST" : "UPDATE_LIST", create ? "create a list" : "update a list");
    auto in = JsonInput::parseObject(ex.body());
    ListRecord l;
    if (!create) {
      std::optional<std::int64_t> id = in.getInt("listId");
      if (seg.size() == 3) id = pathId(seg, 2);
      if (!id) throw ApiError::badRequest("listId is required", "listId");
      auto existing = _state.list(*id);
      if (!existing) throw ApiError::notFound("List", *id);
      l = *existing;
    } else {
      l.title = in.requireString("title");
      l.creator = user.login;
    }
    if (auto v = in.getString("title")) {
      if (Poco::trim(*v).empty()) throw ApiError::badRequest("title is required", "title");
      l.title = *v;
    }
    if (auto v = in.getString("friendlyTitle")) l.friendlyTitle = *v;
    if (auto v = in.getString("description")) l.description = *v;
    if (auto v = in.getBool("populated")) l.populated = *v;
    if (auto v = in.getBool("publicSignup")) l.publicSignup = *v;
    if (auto v = in.getBool("globalUnsub")) l.globalUnsub = *v;
    if (auto v = in.getString("query")) l.query = *v;
    if (auto v = in.getInt("categoryId")) l.categoryId = *v;
    if (auto v = in.getString("blockDomains")) l.blockDomains = *v;
    if (auto v = in.getInt("seedListId")) l.seedListId = *v;
    if (auto v = in.getString("externalId")) l.externalId = *v;
    if (auto v = in.getString("custom1")) l.custom1 = *v;
    if (auto v = in.getString("channel")) l.channel = validChannel(*v);
    if (auto v = in.getBool("countRecips")) l.countRecips = *v;
    if (auto v = in.getBool("testMessageList")) l.testMessageList = *v;
    if (auto v = in.getIntArray("brandIds")) {
      for (auto b : *v)
        if (b != 1 && b != 2) throw ApiError::badRequest("Unknown brand " + std::to_string(b), "brandIds");
      l.brandIds = *v;
    } else if (create) {
      l.brandIds = {1};
    }
    sendList(ex, create ? _state.createList(l) : _state.updateList(l));
    return;
  }
  throw methodNotAllowed(ex);
}

// ---------------------------------------------------------------- recipients

void ApiHandler::sendRecipient(HttpExchange& ex, const RecipientRecord& r) {
  JsonWriter w;
  RecordJson::recipient(w, r);
  ex.sendJson(200, w.str());
}

void ApiHandler::recipients(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (seg.size() > 2 && Poco::icompare(seg[2], "privacy") == 0) throw ApiError(404, "Recipient privacy endpoints are not simulated");
  if (m == "GET") {
    AuthService::require(user, "READ_RECIPIENTS", "read recipients");
    if (seg.size() == 3) {
      const std::int64_t id = pathId(seg, 2);
      auto r = _state.recipient(id);
      if (!r) throw ApiError::notFound("Recipient", id);
      sendRecipient(ex, *r);
      return;
    }
    if (seg.size() != 2) throw noRoute(ex);
    std::vector<std::int64_t> ids;
    if (auto a = ex.query("address")) {
      if (auto id = _state.findByAddress(*a)) ids.push_back(*id);
    } else if (auto e = ex.query("externalid")) {
      ids = _state.findByExternalId(*e);
    } else {
      throw ApiError::badRequest("address or externalId is required", "address");
    }
    JsonWriter w;
    w.beginArray();
    for (auto id : ids)
      if (auto r = _state.recipient(id)) RecordJson::recipient(w, *r);
    w.endArray();
    ex.sendJson(200, w.str());
    return;
  }
  if (m == "POST") {
    if (seg.size() != 2) throw noRoute(ex);
    AuthService::require(user, "WRITE_RECIPIENTS", "create a recipient");
    auto in = JsonInput::parseObject(ex.body());
    RecipientRecord r;
    r.address = Poco::trim(in.requireString("address"));
    applyRecipientFields(r, in, _state);
    if (r.channel == "E" && !validAddress(r.address))
      throw ApiError::badRequest("address is not a valid email address", "address");
    if (!r.signupMethod) r.signupMethod = "API";
    sendRecipient(ex, _state.createRecipient(r));
    return;
  }
  if (m == "PUT") {
    std::optional<std::int64_t> id;
    auto in = JsonInput::parseObject(ex.body());
    if (seg.size() == 3) id = pathId(seg, 2);
    else if (seg.size() == 2) id = in.getInt("recipientId");
    else throw noRoute(ex);
    if (!id) throw ApiError::badRequest("recipientId is required", "recipientId");
    AuthService::require(user, "WRITE_RECIPIENTS", "update a recipient");
    auto newAddress = in.getString("address");
    if (newAddress && !validAddress(Poco::trim(*newAddress)))
      throw ApiError::badRequest("address is not a valid email address", "address");
    const bool resubscribe = in.getBool("resubscribe").value_or(false);
    // Validate demographics etc. before taking the state lock (they read custom fields).
    RecipientRecord probe;
    applyRecipientFields(probe, in, _state);
    auto updated = _state.updateRecipient(*id, [&](RecipientRecord& r) {
      if (newAddress) r.address = Poco::trim(*newAddress);
      if (probe.externalId) r.externalId = probe.externalId;
      if (in.has("channel")) r.channel = probe.channel;
      if (in.has("status")) r.status = probe.status;
      if (probe.comment) r.comment = probe.comment;
      if (probe.sourceDescription) r.sourceDescription = probe.sourceDescription;
      if (probe.signupMethod) r.signupMethod = probe.signupMethod;
      if (probe.signupIP) r.signupIP = probe.signupIP;
      if (probe.thirdPartySource) r.thirdPartySource = probe.thirdPartySource;
      if (probe.thirdPartySignupDate) r.thirdPartySignupDate = probe.thirdPartySignupDate;
      if (probe.sourceSignupDate) r.sourceSignupDate = probe.sourceSignupDate;
      if (probe.carrier) r.carrier = probe.carrier;
      for (const auto& [k, v] : probe.demographics)
        for (auto& [rk, rv] : r.demographics)
          if (rk == k) rv = v;
      if (resubscribe && (r.status == 'U' || r.status == 'H')) { r.status = 'N'; r.dateUnsub.reset(); }
    });
    sendRecipient(ex, updated);
    return;
  }
  throw methodNotAllowed(ex);
}

// ---------------------------------------------------------------- list subscriptions

void ApiHandler::writeSubscription(JsonWriter& w, const SubscriptionRecord& s) {
  std::string address;
  std::optional<std::string> ext;
  _state.identity(s.recipientId, address, ext);
  if (_state.options().subscriptionRecipients) {
    if (auto r = _state.recipient(s.recipientId)) {
      RecordJson::subscription(w, s, _state.globalStatus(s.recipientId), address, ext, &*r);
      return;
    }
  }
  RecordJson::subscription(w, s, _state.globalStatus(s.recipientId), address, ext);
}

void ApiHandler::subscriptions(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (m == "GET") {
    AuthService::require(user, "READ_SUBSCRIPTIONS", "read list subscriptions");
    if (seg.size() == 4) {
      const std::int64_t listId = pathId(seg, 2), rid = pathId(seg, 3);
      auto s = _state.subscription(listId, rid);
      if (!s) throw ApiError(404, "Subscription not found");
      JsonWriter w;
      writeSubscription(w, *s);
      ex.sendJson(200, w.str());
      return;
    }
    if (seg.size() != 2) throw noRoute(ex);
    JsonWriter w;
    if (auto rid = queryInt(ex, "recipid")) {
      w.beginArray();
      for (const auto& s : _state.subscriptionsOf(*rid)) writeSubscription(w, s);
      w.endArray();
      ex.sendJson(200, w.str());
      return;
    }
    auto listId = queryInt(ex, "listid");
    if (!listId) throw ApiError::badRequest("listid or recipid is required", "listid");
    if (!_state.list(*listId)) throw ApiError::notFound("List", *listId);
    const std::int64_t limit = queryInt(ex, "limit").value_or(1000);
    if (limit < 1 || limit > 10000) throw ApiError::badRequest("limit must be between 1 and 10000", "limit");
    const std::int64_t last = queryInt(ex, "lastrecipid").value_or(0);
    if (last < 0) throw ApiError::badRequest("lastrecipid must not be negative", "lastrecipid");
    if (auto lastList = queryInt(ex, "lastlistid"); lastList && *lastList != *listId)
      throw ApiError::badRequest("lastlistid must equal listid", "lastlistid");
    w.beginArray();
    for (const auto& s : _state.members(*listId, last, limit)) writeSubscription(w, s);
    w.endArray();
    ex.sendJson(200, w.str());
    return;
  }
  if (m == "POST" || m == "PUT") {
    if (seg.size() != 2) throw noRoute(ex);
    AuthService::require(user, "WRITE_SUBSCRIPTIONS", "subscribe or unsubscribe a recipient");
    auto in = JsonInput::parseObject(ex.body());
    const std::int64_t rid = in.requireInt("recipientId");
    const std::int64_t listId = in.requireInt("listId");
    const std::string status = Poco::toUpper(Poco::trim(in.getString("status").value_or("NORMAL")));
    if (status != "NORMAL" && status != "UNSUB") throw ApiError::badRequest("status must be NORMAL or UNSUB", "status");
    auto s = _state.subscribe(listId, rid, status, in.getString("sourceId"), in.getBool("confirmed"), in.getInt("mailingId"));
    JsonWriter w;
    writeSubscription(w, s);
    ex.sendJson(200, w.str());
    return;
  }
  throw methodNotAllowed(ex);
}

// ---------------------------------------------------------------- custom fields

void ApiHandler::customFields(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (seg.size() > 3) throw noRoute(ex);
  if (m == "GET") {
    AuthService::require(user, "READ_SITE", "read custom fields");
    JsonWriter w;
    if (seg.size() == 3) {
      const std::int64_t id = pathId(seg, 2);
      auto f = _state.customField(id);
      if (!f) throw ApiError::notFound("Custom field", id);
      RecordJson::customField(w, *f);
    } else {
      w.beginArray();
      for (const auto& f : _state.customFields()) RecordJson::customField(w, f);
      w.endArray();
    }
    ex.sendJson(200, w.str());
    return;
  }
  if (m == "POST" || m == "PUT") {
    const bool create = m == "POST";
    AuthService::require(user, "WRITE_CUSTOM_FIELDS", create ? "create a custom field" : "update a custom field");
    auto in = JsonInput::parseObject(ex.body());
    CustomFieldRecord f;
    if (!create) {
      std::optional<std::int64_t> id = in.getInt("customFieldId");
      if (seg.size() == 3) id = pathId(seg, 2);
      if (!id) throw ApiError::badRequest("customFieldId is required", "customFieldId");
      auto existing = _state.customField(*id);
      if (!existing) throw ApiError::notFound("Custom field", *id);
      f = *existing;
    } else {
      f.title = in.requireString("title");
    }
    if (auto v = in.getString("title")) f.title = Poco::trim(*v);
    if (f.title.empty() || f.title.find_first_of(" \t=") != std::string::npos)
      throw ApiError::badRequest("title must be non-empty and contain no spaces or '='", "title");
    if (auto v = in.getBool("active")) f.active = *v;
    if (auto v = in.getString("type")) {
      const std::string t = Poco::toUpper(Poco::trim(*v));
      if (std::find(std::begin(kFieldTypes), std::end(kFieldTypes), t) == std::end(kFieldTypes))
        throw ApiError::badRequest("type must be one of SINGLE_CHARACTER, TEXT_SHORT, TEXT_MEDIUM, TEXT_LONG, "
                                   "WHOLE_NUMBER, BIG_INTEGER, DECIMAL_NUMBER, CURRENCY, DATE_TIME, BIT, YES_NO",
                                   "type");
      f.type = t;
    }
    JsonWriter w;
    RecordJson::customField(w, _state.saveCustomField(f, create));
    ex.sendJson(200, w.str());
    return;
  }
  throw methodNotAllowed(ex);
}

// ---------------------------------------------------------------- campaigns, mailings, statistics

void ApiHandler::campaigns(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (seg.size() > 3) throw noRoute(ex);
  if (m == "GET") {
    AuthService::require(user, "READ_CAMPAIGNS", "read campaigns");
    JsonWriter w;
    if (seg.size() == 3) {
      const std::int64_t id = pathId(seg, 2);
      auto c = _state.campaign(id);
      if (!c) throw ApiError::notFound("Campaign", id);
      RecordJson::campaign(w, *c);
    } else {
      w.beginArray();
      for (const auto& c : _state.campaigns()) RecordJson::campaign(w, c);
      w.endArray();
    }
    ex.sendJson(200, w.str());
    return;
  }
  if (m == "POST") {
    if (seg.size() != 2) throw noRoute(ex);
    AuthService::require(user, "WRITE_CAMPAIGNS", "create a campaign");
    auto in = JsonInput::parseObject(ex.body());
    CampaignRecord c;
    c.title = in.requireString("title");
    c.externalId = in.getString("externalId");
    c.comment = in.getString("comment");
    JsonWriter w;
    RecordJson::campaign(w, _state.createCampaign(c));
    ex.sendJson(200, w.str());
    return;
  }
  throw methodNotAllowed(ex);
}

void ApiHandler::mailings(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (seg.size() > 3) throw noRoute(ex);
  if (m == "GET") {
    AuthService::require(user, "READ_CAMPAIGNS", "read mailings");
    JsonWriter w;
    if (seg.size() == 3) {
      const std::int64_t id = pathId(seg, 2);
      auto mail = _state.mailing(id);
      if (!mail) throw ApiError::notFound("Mailing", id);
      RecordJson::mailing(w, *mail);
      ex.sendJson(200, w.str());
      return;
    }
    auto campaignId = queryInt(ex, "campaignid");
    if (!campaignId) throw ApiError::badRequest("campaignid is required", "campaignid");
    if (!_state.campaign(*campaignId)) throw ApiError::notFound("Campaign", *campaignId);
    std::optional<std::int64_t> from, to;
    if (auto s = ex.query("startdate")) {
      from = TimeFormat::parse(*s);
      if (!from || s->size() != 10) throw ApiError::badRequest("startDate must be yyyy-MM-dd", "startDate");
    }
    if (auto s = ex.query("enddate")) {
      to = TimeFormat::parse(*s);
      if (!to || s->size() != 10) throw ApiError::badRequest("endDate must be yyyy-MM-dd", "endDate");
      *to += 86400;
    }
    w.beginArray();
    for (const auto& mail : _state.mailingsOf(*campaignId)) {
      if ((from || to) && !mail.scheduled) continue;
      if (from && *mail.scheduled < *from) continue;
      if (to && *mail.scheduled >= *to) continue;
      RecordJson::mailing(w, mail);
    }
    w.endArray();
    ex.sendJson(200, w.str());
    return;
  }
  if (m == "POST" || m == "PUT") {
    const bool create = m == "POST";
    AuthService::require(user, "WRITE_CAMPAIGNS", create ? "create a mailing" : "update a mailing");
    auto in = JsonInput::parseObject(ex.body());
    MailingRecord mail;
    if (!create) {
      std::optional<std::int64_t> id = in.getInt("mailingId");
      if (seg.size() == 3) id = pathId(seg, 2);
      if (!id) throw ApiError::badRequest("mailingId is required", "mailingId");
      auto existing = _state.mailing(*id);
      if (!existing) throw ApiError::notFound("Mailing", *id);
      mail = *existing;
    } else {
      if (seg.size() != 2) throw noRoute(ex);
      mail.title = in.requireString("title");
      mail.campaignId = in.requireInt("campaignId");
    }
    if (auto v = in.getString("title")) mail.title = *v;
    if (auto v = in.getInt("campaignId")) mail.campaignId = *v;
    if (auto v = in.getInt("brandId")) mail.brandId = *v;
    if (auto v = in.getString("channel")) mail.channel = validChannel(*v);
    if (auto v = in.getIntArray("listIds")) mail.listIds = *v;
    if (auto v = in.getString("externalId")) mail.externalId = *v;
    if (auto v = in.getString("status")) {
      const std::string s = Poco::toUpper(*v);
      if (s != "NEW" && s != "PENDING") throw ApiError::badRequest("status must be NEW or PENDING", "status");
      mail.status = s;
    }
    if (auto v = in.getString("scheduledTime")) {
      auto t = TimeFormat::parse(*v);
      if (!t) throw ApiError::badRequest("scheduledTime is not a valid date", "scheduledTime");
      mail.scheduled = *t;
      mail.scheduledText = TimeFormat::format(*t);
    }
    if (auto content = in.getObject("content")) {
      if (auto v = content->getString("subject")) mail.subject = *v;
      if (auto v = content->getString("fromEmail")) mail.fromEmail = *v;
      if (auto v = content->getString("fromName")) mail.fromName = *v;
    }
    JsonWriter w;
    RecordJson::mailing(w, _state.saveMailing(mail, create));
    ex.sendJson(200, w.str());
    return;
  }
  throw methodNotAllowed(ex);
}

void ApiHandler::statistics(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  if (ex.method() != "GET") throw methodNotAllowed(ex);
  if (seg.size() < 3 || seg.size() > 4) throw noRoute(ex);
  AuthService::require(user, "READ_REPORTS", "read mailing reports");
  const std::int64_t id = pathId(seg, 2);
  auto mail = _state.mailing(id);
  if (!mail) throw ApiError::notFound("Mailing", id);
  JsonWriter w;
  if (seg.size() == 3) {
    RecordJson::mailingStatistics(w, *mail);
    ex.sendJson(200, w.str());
    return;
  }
  if (Poco::icompare(seg[3], "activity") != 0) throw noRoute(ex);
  auto type = ActivityKinds::parse(ex.query("type").value_or(""));
  if (!type) throw ApiError::badRequest("type must be OPEN, CLICK, HARD, SOFT or BOUNCE", "type");
  const std::int64_t total = SimState::activityCount(*mail, *type);
  if (total > 200000) throw ApiError::badRequest("report too large for JSON; use ExternalDownload.do");
  std::vector<ActivityRow> rows;
  _state.activityRows(*mail, *type, 0, total, rows);
  w.beginArray();
  for (const auto& r : rows) RecordJson::activityRow(w, r);
  w.endArray();
  ex.sendJson(200, w.str());
}

void ApiHandler::campaignStatistics(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  if (ex.method() != "GET") throw methodNotAllowed(ex);
  if (seg.size() != 3) throw noRoute(ex);
  AuthService::require(user, "READ_REPORTS", "read campaign reports");
  const std::int64_t id = pathId(seg, 2);
  if (!_state.campaign(id)) throw ApiError::notFound("Campaign", id);
  JsonWriter w;
  w.beginArray();
  for (const auto& mail : _state.mailingsOf(id)) RecordJson::mailingStatistics(w, mail);
  w.endArray();
  ex.sendJson(200, w.str());
}

// ---------------------------------------------------------------- import templates, imports

void ApiHandler::importTemplates(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (seg.size() > 3) throw noRoute(ex);
  if (m == "GET") {
    AuthService::require(user, "READ_IMPORT_TEMPLATES", "read import templates");
    JsonWriter w;
    if (seg.size() == 3) {
      const std::int64_t id = pathId(seg, 2);
      auto t = _state.importTemplate(id);
      if (!t) throw ApiError::notFound("Import template", id);
      RecordJson::importTemplate(w, *t);
    } else {
      const std::int64_t limit = queryInt(ex, "limit").value_or(1000);
      if (limit < 1) throw ApiError::badRequest("limit must be positive", "limit");
      w.beginArray();
      std::int64_t n = 0;
      for (const auto& t : _state.importTemplates())
        if (n++ < limit) RecordJson::importTemplate(w, t);
      w.endArray();
    }
    ex.sendJson(200, w.str());
    return;
  }
  if (m == "POST" || m == "PUT") {
    const bool create = m == "POST";
    AuthService::require(user, "CREATE_IMPORT_TEMPLATE", "create an import template");
    auto in = JsonInput::parseObject(ex.body());
    ImportTemplateRecord t;
    if (!create) {
      std::optional<std::int64_t> id = in.getInt("importTemplateId");
      if (seg.size() == 3) id = pathId(seg, 2);
      if (!id) throw ApiError::badRequest("importTemplateId is required", "importTemplateId");
      auto existing = _state.importTemplate(*id);
      if (!existing) throw ApiError::notFound("Import template", *id);
      t = *existing;
    } else {
      if (seg.size() != 2) throw noRoute(ex);
      t.title = in.requireString("title");
      t.columnNames = in.requireString("columnNames");
    }
    if (auto v = in.getString("title")) t.title = *v;
    if (auto v = in.getString("type")) {
      const std::string s = Poco::toUpper(Poco::trim(*v));
      if (s != "NORMAL" && s != "UNSUB") throw ApiError::badRequest("type must be NORMAL or UNSUB", "type");
      t.type = s;
    }
    if (auto v = in.getString("delimiter")) {
      static const char* const ok[] = {"Comma Separated", "Semicolon Separated", "Tab Delimited", "Pipe Delimited"};
      auto it = std::find_if(std::begin(ok), std::end(ok), [&](const char* d) { return Poco::icompare(*v, d) == 0; });
      if (it == std::end(ok))
        throw ApiError::badRequest("delimiter must be Comma Separated, Semicolon Separated, Tab Delimited or Pipe Delimited", "delimiter");
      t.delimiter = *it;
    }
    if (auto v = in.getString("columnNames")) t.columnNames = *v;
    if (auto v = in.getString("channel")) t.channel = validChannel(*v);
    if (in.has("active")) {
      std::optional<bool> b;
      try { b = in.getBool("active"); } catch (const ApiError&) { b.reset(); }
      if (!b) throw ApiError::badRequest("active must be 1 or 0", "active");
      t.active = *b ? 1 : 0;
    }
    if (auto v = in.getBool("confirmed")) t.confirmed = *v;
    if (auto v = in.getInt("sendTemplateId")) t.sendTemplateId = *v;
    if (auto v = in.getString("sourceDescription")) t.sourceDescription = *v;
    if (auto v = in.getString("signupMethod")) t.signupMethod = *v;
    if (auto v = in.getIntArray("listIds")) t.listIds = *v;
    if (auto v = in.getIntArray("purgeListIds")) t.purgeListIds = *v;
    if (auto v = in.getIntArray("suppressionListIds")) t.suppressionListIds = *v;
    if (auto v = in.getString("watchDirectory")) t.watchDirectory = *v;
    JsonWriter w;
    RecordJson::importTemplate(w, _state.saveImportTemplate(t, create));
    ex.sendJson(200, w.str());
    return;
  }
  throw methodNotAllowed(ex);
}

void ApiHandler::imports(HttpExchange& ex, const SimUser& user) {
  const auto& seg = ex.segments();
  const std::string& m = ex.method();
  if (seg.size() > 3) throw noRoute(ex);
  if (m == "POST") {
    if (seg.size() != 2) throw noRoute(ex);
    AuthService::require(user, "IMPORT", "import through an import template");
    auto in = JsonInput::parseObject(ex.body());
    const std::int64_t templateId = in.requireInt("importTemplateId");
    auto data = in.getStringArray("data");
    if (!data) throw ApiError::badRequest("data is required", "data");
    const int delay = _state.options().importDelayMs + _faults.slowImportMs();
    auto job = _state.createImport(templateId, std::move(*data), in.getInt("sendTemplateId"), delay);
    JsonWriter w;
    w.beginObject()
        .field("importId", job.importId)
        .field("importTemplateId", job.importTemplateId)
        .field("status", job.status)
        .endObject();
    ex.sendJson(200, w.str());
    return;
  }
  if (m == "GET") {
    AuthService::require(user, "IMPORT_STATUS", "check import status");
    JsonWriter w;
    if (seg.size() == 3) {
      const std::int64_t id = pathId(seg, 2);
      auto job = _state.pollImport(id);
      if (!job) throw ApiError::notFound("Import", id);
      RecordJson::importJob(w, *job);
      ex.sendJson(200, w.str());
      return;
    }
    auto status = ex.query("status");
    auto templateId = queryInt(ex, "importtemplateid");
    auto limit = queryInt(ex, "limit");
    if (!status && !templateId && !limit) throw ApiError::badRequest("at least one of status, limit, importTemplateId is required");
    if (status) {
      *status = Poco::toUpper(*status);
      if (*status != "OPEN" && *status != "DONE") throw ApiError::badRequest("status must be OPEN or DONE", "status");
    }
    if (limit && *limit < 1) throw ApiError::badRequest("limit must be positive", "limit");
    w.beginArray();
    std::int64_t n = 0;
    for (const auto& job : _state.imports()) {
      if (status && job.status != *status) continue;
      if (templateId && job.importTemplateId != *templateId) continue;
      if (limit && n >= *limit) break;
      RecordJson::importJob(w, job);
      ++n;
    }
    w.endArray();
    ex.sendJson(200, w.str());
    return;
  }
  throw methodNotAllowed(ex);
}

} // namespace jobhost::sim
