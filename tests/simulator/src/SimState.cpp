// SimState.cpp — jobhost postup-sim: the simulated site (seeded base + overlays).
// SPDX-License-Identifier: Apache-2.0
#include "SimState.h"

#include "ApiError.h"
#include "TimeFormat.h"

#include <Poco/String.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <mutex>
#include <set>

namespace jobhost::sim {

namespace {

using Lock = std::unique_lock<std::shared_mutex>;
using SharedLock = std::shared_lock<std::shared_mutex>;

std::int64_t wallNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string lower(const std::string& s) { return Poco::toLower(s); }

char delimiterChar(const std::string& d) {
  const std::string l = Poco::toLower(d);
  if (l.find("semicolon") != std::string::npos) return ';';
  if (l.find("tab") != std::string::npos) return '\t';
  if (l.find("pipe") != std::string::npos) return '|';
  return ',';
}

std::vector<std::string> splitRow(const std::string& row, char delim) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (quoted) {
      if (c == '"' && i + 1 < row.size() && row[i + 1] == '"') { cur.push_back('"'); ++i; }
      else if (c == '"') quoted = false;
      else cur.push_back(c);
    } else if (c == '"' && cur.empty()) {
      quoted = true;
    } else if (c == delim) {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r' && c != '\n') {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

bool validEmail(const std::string& a) {
  const auto at = a.find('@');
  if (at == std::string::npos || at == 0 || at != a.rfind('@') || at > 64) return false;
  const std::string local = a.substr(0, at), domain = a.substr(at + 1);
  static const std::string allowed = "!#$%&'*+/=?^_`{|}~-.";
  for (char c : local)
    if (!std::isalnum(static_cast<unsigned char>(c)) && allowed.find(c) == std::string::npos) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) return false;
  if (domain.empty() || domain.find('.') == std::string::npos || domain.size() > 253) return false;
  std::size_t start = 0;
  while (start <= domain.size()) {
    auto dot = domain.find('.', start);
    if (dot == std::string::npos) dot = domain.size();
    const std::string label = domain.substr(start, dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    if (dot == domain.size()) {
      if (label.size() < 2) return false;
      for (char c : label)
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    start = dot + 1;
  }
  return true;
}

std::string fixEmail(const std::string& raw) {
  std::string s = Poco::trim(raw);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) s.pop_back();
  return s;
}

} // namespace

char SimState::effectiveClass(const std::string& listStatus, char global) {
  if (listStatus != "NORMAL" || global == 'U' || global == 'O') return 'U';
  if (global == 'N') return 'N';
  return 'H';
}

SimState::SimState(const SimulatorOptions& options)
    : _options(options), _seeded(options, options.now ? *options.now : (wallNow() / 3600) * 3600) {
  if (options.now) { _frozen = true; _fixedNow = *options.now; }
  for (auto& l : _seeded.lists()) {
    _counts[l.listId] = ListCounts{l.listId, 0, 0, 0, 0};
    _lists.emplace(l.listId, std::move(l));
  }
  auto fields = _seeded.customFields();
  _seedFieldCount = static_cast<std::int64_t>(fields.size());
  for (auto& f : fields) _customFields.emplace(f.customFieldId, std::move(f));
  for (auto& c : _seeded.campaigns()) _campaigns.emplace(c.campaignId, std::move(c));
  for (auto& m : _seeded.mailings()) _mailings.emplace(m.mailingId, std::move(m));
  for (auto& t : _seeded.importTemplates()) _templates.emplace(t.importTemplateId, std::move(t));
  _nextRecipientId = _seeded.recipientCount() + 1;
  std::vector<std::int64_t> lists;
  for (std::int64_t id = 1; id <= _seeded.recipientCount(); ++id) {
    _seeded.listsOf(id, lists);
    const char g = _seeded.status(id);
    for (auto l : lists) {
      auto& c = _counts[l];
      const char cls = effectiveClass(_seeded.listUnsub(id, l) ? "UNSUB" : "NORMAL", g);
      (cls == 'N' ? c.normal : cls == 'U' ? c.unsub : c.held)++;
      c.total++;
    }
  }
}

// ---------------------------------------------------------------- clock

std::int64_t SimState::now() const {
  SharedLock lock(_mutex);
  return _frozen ? _fixedNow : wallNow();
}

void SimState::setNow(std::int64_t epochSeconds) {
  Lock lock(_mutex);
  _frozen = true;
  _fixedNow = epochSeconds;
}

std::string SimState::nowText() const { return TimeFormat::format(now()); }

// ---------------------------------------------------------------- lists

std::vector<ListRecord> SimState::lists() const {
  SharedLock lock(_mutex);
  std::vector<ListRecord> out;
  for (const auto& [id, l] : _lists) out.push_back(l);
  return out;
}

std::optional<ListRecord> SimState::list(std::int64_t id) const {
  SharedLock lock(_mutex);
  auto it = _lists.find(id);
  if (it == _lists.end()) return std::nullopt;
  return it->second;
}

ListRecord SimState::createList(ListRecord list) {
  const std::string created = nowText();
  Lock lock(_mutex);
  list.listId = _lists.empty() ? 1 : _lists.rbegin()->first + 1;
  if (list.createTime.empty()) list.createTime = created;
  _counts[list.listId] = ListCounts{list.listId, 0, 0, 0, 0};
  _lists[list.listId] = list;
  return list;
}

ListRecord SimState::updateList(const ListRecord& list) {
  Lock lock(_mutex);
  auto it = _lists.find(list.listId);
  if (it == _lists.end()) throw ApiError::notFound("List", list.listId);
  it->second = list;
  return list;
}

ListCounts SimState::counts(std::int64_t listId) const {
  SharedLock lock(_mutex);
  auto it = _counts.find(listId);
  if (it == _counts.end()) throw ApiError::notFound("List", listId);
  return it->second;
}

std::vector<ListCounts> SimState::allCounts() const {
  SharedLock lock(_mutex);
  std::vector<ListCounts> out;
  for (const auto& [id, c] : _counts) out.push_back(c);
  return out;
}

// ---------------------------------------------------------------- recipients

bool SimState::isRecipientLocked(std::int64_t id) const {
  return (id >= 1 && id <= _seeded.recipientCount()) || _recipientOverlay.count(id) > 0;
}

std::vector<CustomFieldRecord> SimState::seedFieldsLocked() const {
  std::vector<CustomFieldRecord> out;
  for (const auto& [id, f] : _customFields)
    if (id <= _seedFieldCount) out.push_back(f);
  return out;
}

void SimState::normalizeDemographicsLocked(RecipientRecord& r) const {
  std::map<std::string, std::string> values;
  for (auto& [k, v] : r.demographics) values[k] = v;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& name : SeededData::defaultFieldNames()) {
    auto it = values.find(name);
    out.emplace_back(name, it == values.end() ? "" : it->second);
  }
  for (const auto& [id, f] : _customFields) {
    if (!f.active) continue;
    auto it = values.find(f.title);
    out.emplace_back(f.title, it == values.end() ? "" : it->second);
  }
  r.demographics = std::move(out);
}

std::optional<RecipientRecord> SimState::recipientLocked(std::int64_t id) const {
  std::optional<RecipientRecord> r;
  auto it = _recipientOverlay.find(id);
  if (it != _recipientOverlay.end()) r = it->second;
  else if (id >= 1 && id <= _seeded.recipientCount()) r = _seeded.recipient(id, seedFieldsLocked());
  if (r) normalizeDemographicsLocked(*r);
  return r;
}

std::optional<RecipientRecord> SimState::recipient(std::int64_t id) const {
  SharedLock lock(_mutex);
  return recipientLocked(id);
}

std::optional<std::int64_t> SimState::findByAddressLocked(const std::string& address) const {
  const std::string key = lower(Poco::trim(address));
  if (key.empty()) return std::nullopt;
  auto it = _addressIndex.find(key);
  if (it != _addressIndex.end()) return it->second;
  auto id = _seeded.idFromAddress(key);
  if (id && _recipientOverlay.count(*id) == 0) return id;
  return std::nullopt;
}

std::optional<std::int64_t> SimState::findByAddress(const std::string& address) const {
  SharedLock lock(_mutex);
  return findByAddressLocked(address);
}

std::vector<std::int64_t> SimState::findByExternalId(const std::string& externalId) const {
  SharedLock lock(_mutex);
  std::vector<std::int64_t> out;
  if (externalId.empty()) return out;
  auto id = _seeded.idFromExternalId(externalId);
  if (id && _recipientOverlay.count(*id) == 0) out.push_back(*id);
  auto it = _externalIndex.find(externalId);
  if (it != _externalIndex.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  std::sort(out.begin(), out.end());
  return out;
}

void SimState::storeRecipientLocked(const RecipientRecord& r) {
  auto old = _recipientOverlay.find(r.recipientId);
  if (old != _recipientOverlay.end()) {
    auto a = _addressIndex.find(lower(old->second.address));
    if (a != _addressIndex.end() && a->second == r.recipientId) _addressIndex.erase(a);
    if (old->second.externalId && !old->second.externalId->empty()) {
      auto& v = _externalIndex[*old->second.externalId];
      v.erase(std::remove(v.begin(), v.end(), r.recipientId), v.end());
    }
  }
  _recipientOverlay[r.recipientId] = r;
  _addressIndex[lower(r.address)] = r.recipientId;
  if (r.externalId && !r.externalId->empty()) _externalIndex[*r.externalId].push_back(r.recipientId);
}

RecipientRecord SimState::createRecipient(RecipientRecord r) {
  const std::string created = nowText();
  Lock lock(_mutex);
  if (auto existing = findByAddressLocked(r.address))
    throw ApiError(409, "Recipient already exists").withInt("recipientId", *existing);
  r.recipientId = _nextRecipientId++;
  if (r.dateJoined.empty()) r.dateJoined = created;
  normalizeDemographicsLocked(r);
  storeRecipientLocked(r);
  return r;
}

RecipientRecord SimState::updateRecipient(std::int64_t id, const std::function<void(RecipientRecord&)>& edit) {
  Lock lock(_mutex);
  auto current = recipientLocked(id);
  if (!current) throw ApiError::notFound("Recipient", id);
  RecipientRecord updated = *current;
  edit(updated);
  updated.recipientId = id;
  if (Poco::icompare(updated.address, current->address) != 0) {
    if (auto other = findByAddressLocked(updated.address); other && *other != id)
      throw ApiError(409, "Recipient already exists").withInt("recipientId", *other);
  }
  normalizeDemographicsLocked(updated);
  changeRecipient(id, [&] { storeRecipientLocked(updated); });
  return updated;
}

char SimState::globalStatusLocked(std::int64_t id) const {
  auto it = _recipientOverlay.find(id);
  if (it != _recipientOverlay.end()) return it->second.status;
  return _seeded.status(id);
}

char SimState::globalStatus(std::int64_t id) const {
  SharedLock lock(_mutex);
  return globalStatusLocked(id);
}

void SimState::identityLocked(std::int64_t id, std::string& address, std::optional<std::string>& externalId) const {
  auto it = _recipientOverlay.find(id);
  if (it != _recipientOverlay.end()) {
    address = it->second.address;
    externalId = it->second.externalId;
  } else {
    address = _seeded.address(id);
    externalId = _seeded.externalId(id);
  }
}

void SimState::identity(std::int64_t id, std::string& address, std::optional<std::string>& externalId) const {
  SharedLock lock(_mutex);
  identityLocked(id, address, externalId);
}

// ---------------------------------------------------------------- subscriptions

std::optional<SubscriptionRecord> SimState::subscriptionLocked(std::int64_t listId, std::int64_t rid) const {
  auto r = _subsByRecipient.find(rid);
  if (r != _subsByRecipient.end()) {
    auto s = r->second.find(listId);
    if (s != r->second.end()) return s->second;
  }
  if (_seeded.isMember(rid, listId)) return _seeded.subscription(rid, listId);
  return std::nullopt;
}

std::optional<SubscriptionRecord> SimState::subscription(std::int64_t listId, std::int64_t rid) const {
  SharedLock lock(_mutex);
  return subscriptionLocked(listId, rid);
}

std::vector<SubscriptionRecord> SimState::subscriptionsOfLocked(std::int64_t rid) const {
  std::map<std::int64_t, SubscriptionRecord> out;
  std::vector<std::int64_t> base;
  _seeded.listsOf(rid, base);
  for (auto l : base) out.emplace(l, _seeded.subscription(rid, l));
  auto r = _subsByRecipient.find(rid);
  if (r != _subsByRecipient.end())
    for (const auto& [l, s] : r->second) out[l] = s;
  std::vector<SubscriptionRecord> v;
  for (auto& [l, s] : out) v.push_back(std::move(s));
  return v;
}

std::vector<SubscriptionRecord> SimState::subscriptionsOf(std::int64_t rid) const {
  SharedLock lock(_mutex);
  return subscriptionsOfLocked(rid);
}

std::vector<SubscriptionRecord> SimState::members(std::int64_t listId, std::int64_t after, std::int64_t limit) const {
  SharedLock lock(_mutex);
  std::vector<SubscriptionRecord> out;
  if (limit <= 0) return out;
  out.reserve(static_cast<std::size_t>(std::min<std::int64_t>(limit, 10000)));
  constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
  const std::int64_t n = _seeded.recipientCount();
  const bool seededList = listId >= 1 && listId <= _seeded.listCount();
  std::int64_t i = std::max<std::int64_t>(after + 1, 1);
  static const SubMap kEmpty;
  auto lit = _subsByList.find(listId);
  const SubMap& overlay = lit == _subsByList.end() ? kEmpty : lit->second;
  auto it = overlay.upper_bound(after);
  while (static_cast<std::int64_t>(out.size()) < limit) {
    if (seededList)
      while (i <= n && !_seeded.isMember(i, listId)) ++i;
    const std::int64_t baseId = (seededList && i <= n) ? i : kNone;
    const std::int64_t ovId = it != overlay.end() ? it->first : kNone;
    if (baseId == kNone && ovId == kNone) break;
    if (ovId <= baseId) {
      out.push_back(it->second);
      if (ovId == baseId) ++i;
      ++it;
    } else {
      out.push_back(_seeded.subscription(baseId, listId));
      ++i;
    }
  }
  return out;
}

void SimState::forEachMemberBatch(std::int64_t listId,
                                  const std::function<void(const std::vector<SubscriptionRecord>&)>& sink) const {
  std::int64_t after = 0;
  for (;;) {
    auto batch = members(listId, after, 5000);
    if (batch.empty()) return;
    after = batch.back().recipientId;
    sink(batch);
    if (batch.size() < 5000) return;
  }
}

void SimState::storeSubscriptionLocked(const SubscriptionRecord& s) {
  _subsByList[s.listId][s.recipientId] = s;
  _subsByRecipient[s.recipientId][s.listId] = s;
}

void SimState::changeRecipient(std::int64_t rid, const std::function<void()>& change) {
  auto classes = [&] {
    std::map<std::int64_t, char> m;
    const char g = globalStatusLocked(rid);
    for (const auto& s : subscriptionsOfLocked(rid)) m[s.listId] = effectiveClass(s.listStatus, g);
    return m;
  };
  const auto before = classes();
  change();
  const auto after = classes();
  auto bump = [&](std::int64_t list, char cls, int d) {
    auto it = _counts.find(list);
    if (it == _counts.end()) return;
    auto& c = it->second;
    (cls == 'N' ? c.normal : cls == 'U' ? c.unsub : c.held) += d;
    c.total += d;
  };
  for (const auto& [l, cls] : before) bump(l, cls, -1);
  for (const auto& [l, cls] : after) bump(l, cls, +1);
}

SubscriptionRecord SimState::subscribeLocked(std::int64_t listId, std::int64_t rid, const std::string& status,
                                             const std::optional<std::string>& sourceId,
                                             const std::optional<bool>& confirmed,
                                             const std::optional<std::int64_t>& mailingId) {
  auto list = _lists.find(listId);
  if (list == _lists.end()) throw ApiError::notFound("List", listId);
  if (!isRecipientLocked(rid)) throw ApiError::notFound("Recipient", rid);
  const char g = globalStatusLocked(rid);
  if (status == "NORMAL" && g == 'O')
    throw ApiError::badRequest("Recipient " + std::to_string(rid) + " has opted out and cannot be resubscribed");
  auto existing = subscriptionLocked(listId, rid);
  if (existing && existing->listStatus == status) return *existing;
  const std::string nowStr = TimeFormat::format(_frozen ? _fixedNow : wallNow());
  SubscriptionRecord s = existing.value_or(SubscriptionRecord{});
  s.recipientId = rid;
  s.listId = listId;
  s.listStatus = status;
  if (!existing) s.dateJoined = nowStr;
  if (sourceId) s.sourceId = *sourceId;
  if (confirmed) s.confirmed = *confirmed;
  if (status == "UNSUB") {
    s.dateUnsub = nowStr;
    s.mailingId = mailingId;
  } else {
    s.dateUnsub.reset();
    s.mailingId.reset();
    if (existing) s.dateJoined = nowStr;
  }
  const bool global = status == "UNSUB" && list->second.globalUnsub && g == 'N';
  changeRecipient(rid, [&] {
    storeSubscriptionLocked(s);
    if (global) {
      auto r = recipientLocked(rid);
      r->status = 'U';
      r->dateUnsub = nowStr;
      storeRecipientLocked(*r);
    }
  });
  return s;
}

SubscriptionRecord SimState::subscribe(std::int64_t listId, std::int64_t rid, const std::string& status,
                                       const std::optional<std::string>& sourceId,
                                       const std::optional<bool>& confirmed,
                                       const std::optional<std::int64_t>& mailingId) {
  Lock lock(_mutex);
  return subscribeLocked(listId, rid, status, sourceId, confirmed, mailingId);
}

// ---------------------------------------------------------------- custom fields

std::vector<CustomFieldRecord> SimState::customFields() const {
  SharedLock lock(_mutex);
  std::vector<CustomFieldRecord> out;
  for (const auto& [id, f] : _customFields) out.push_back(f);
  return out;
}

std::optional<CustomFieldRecord> SimState::customField(std::int64_t id) const {
  SharedLock lock(_mutex);
  auto it = _customFields.find(id);
  if (it == _customFields.end()) return std::nullopt;
  return it->second;
}

CustomFieldRecord SimState::saveCustomField(CustomFieldRecord f, bool create) {
  Lock lock(_mutex);
  if (create) f.customFieldId = _customFields.empty() ? 1 : _customFields.rbegin()->first + 1;
  else if (_customFields.count(f.customFieldId) == 0) throw ApiError::notFound("Custom field", f.customFieldId);
  for (const auto& [id, other] : _customFields)
    if (id != f.customFieldId && Poco::icompare(other.title, f.title) == 0)
      throw ApiError(409, "Custom field " + f.title + " already exists", "title").withInt("customFieldId", id);
  for (const auto& name : SeededData::defaultFieldNames())
    if (Poco::icompare(name, f.title) == 0) throw ApiError::badRequest("title clashes with a default field", "title");
  _customFields[f.customFieldId] = f;
  return f;
}

// ---------------------------------------------------------------- campaigns and mailings

std::vector<CampaignRecord> SimState::campaigns() const {
  SharedLock lock(_mutex);
  std::vector<CampaignRecord> out;
  for (const auto& [id, c] : _campaigns) out.push_back(c);
  return out;
}

std::optional<CampaignRecord> SimState::campaign(std::int64_t id) const {
  SharedLock lock(_mutex);
  auto it = _campaigns.find(id);
  if (it == _campaigns.end()) return std::nullopt;
  return it->second;
}

CampaignRecord SimState::createCampaign(CampaignRecord c) {
  const std::string created = nowText();
  Lock lock(_mutex);
  c.campaignId = _campaigns.empty() ? SeededData::firstCampaignId : _campaigns.rbegin()->first + 1;
  c.createTime = created;
  _campaigns[c.campaignId] = c;
  return c;
}

std::vector<MailingRecord> SimState::mailingsOf(std::int64_t campaignId) const {
  SharedLock lock(_mutex);
  std::vector<MailingRecord> out;
  for (const auto& [id, m] : _mailings)
    if (m.campaignId == campaignId) out.push_back(m);
  return out;
}

std::vector<MailingRecord> SimState::allMailings() const {
  SharedLock lock(_mutex);
  std::vector<MailingRecord> out;
  for (const auto& [id, m] : _mailings) out.push_back(m);
  return out;
}

std::optional<MailingRecord> SimState::mailing(std::int64_t id) const {
  SharedLock lock(_mutex);
  auto it = _mailings.find(id);
  if (it == _mailings.end()) return std::nullopt;
  return it->second;
}

MailingRecord SimState::saveMailing(MailingRecord m, bool create) {
  Lock lock(_mutex);
  if (create) {
    m.mailingId = _mailings.empty() ? SeededData::firstMailingId : _mailings.rbegin()->first + 1;
  } else {
    auto it = _mailings.find(m.mailingId);
    if (it == _mailings.end()) throw ApiError::notFound("Mailing", m.mailingId);
    if (it->second.status != "NEW" && it->second.status != "PENDING")
      throw ApiError::badRequest("Mailing " + std::to_string(m.mailingId) + " has been sent and cannot be changed");
  }
  if (_campaigns.count(m.campaignId) == 0) throw ApiError::notFound("Campaign", m.campaignId);
  for (auto l : m.listIds)
    if (_lists.count(l) == 0) throw ApiError::notFound("List", l);
  m.opens = m.clicks = m.hard = m.soft = m.targeted = 0;
  _mailings[m.mailingId] = m;
  return m;
}

// ---------------------------------------------------------------- activity

std::int64_t SimState::activityCount(const MailingRecord& m, ActivityKind kind) {
  switch (kind) {
  case ActivityKind::Open: return m.opens;
  case ActivityKind::Click: return m.clicks;
  case ActivityKind::Hard: return m.hard;
  case ActivityKind::Soft: return m.soft;
  case ActivityKind::Bounce: return m.hard + m.soft;
  }
  return 0;
}

void SimState::activityRows(const MailingRecord& m, ActivityKind kind, std::int64_t from, std::int64_t count,
                            std::vector<ActivityRow>& out) const {
  SharedLock lock(_mutex);
  const std::int64_t total = activityCount(m, kind);
  for (std::int64_t j = from; j < from + count && j < total; ++j) {
    ActivityKind k = kind;
    std::int64_t idx = j;
    if (kind == ActivityKind::Bounce) {
      k = j < m.hard ? ActivityKind::Hard : ActivityKind::Soft;
      idx = j < m.hard ? j : j - m.hard;
    }
    const auto ev = _seeded.event(m, k, idx);
    ActivityRow row;
    row.recipientId = ev.recipientId;
    identityLocked(ev.recipientId, row.address, row.externalId);
    row.time = TimeFormat::format(ev.time);
    if (k == ActivityKind::Click) {
      row.url = SeededData::clickUrl(ev.linkId);
      row.linkId = ev.linkId;
    } else if (k == ActivityKind::Hard || k == ActivityKind::Soft) {
      row.bounceType = ActivityKinds::name(k);
      row.bounceCode = SeededData::bounceCode(k, ev.code);
    }
    out.push_back(std::move(row));
  }
}

void SimState::activityTsv(const MailingRecord& m, ActivityKind kind, std::int64_t from, std::int64_t count,
                           std::string& out) const {
  SharedLock lock(_mutex);
  const std::int64_t total = activityCount(m, kind);
  std::string address;
  std::optional<std::string> ext;
  for (std::int64_t j = from; j < from + count && j < total; ++j) {
    ActivityKind k = kind;
    std::int64_t idx = j;
    if (kind == ActivityKind::Bounce) {
      k = j < m.hard ? ActivityKind::Hard : ActivityKind::Soft;
      idx = j < m.hard ? j : j - m.hard;
    }
    const auto ev = _seeded.event(m, k, idx);
    identityLocked(ev.recipientId, address, ext);
    out.append(std::to_string(ev.recipientId));
    out.push_back('\t');
    out.append(address);
    out.push_back('\t');
    if (ext) out.append(*ext);
    out.push_back('\t');
    TimeFormat::appendCanonical(out, ev.time);
    if (k == ActivityKind::Click) {
      out.push_back('\t');
      out.append(SeededData::clickUrl(ev.linkId));
      out.push_back('\t');
      out.append(std::to_string(ev.linkId));
    } else if (k == ActivityKind::Hard || k == ActivityKind::Soft) {
      out.push_back('\t');
      out.append(ActivityKinds::name(k));
      out.push_back('\t');
      out.append(SeededData::bounceCode(k, ev.code));
    }
    out.append("\r\n");
  }
}

// ---------------------------------------------------------------- imports

std::vector<ImportTemplateRecord> SimState::importTemplates() const {
  SharedLock lock(_mutex);
  std::vector<ImportTemplateRecord> out;
  for (const auto& [id, t] : _templates) out.push_back(t);
  return out;
}

std::optional<ImportTemplateRecord> SimState::importTemplate(std::int64_t id) const {
  SharedLock lock(_mutex);
  auto it = _templates.find(id);
  if (it == _templates.end()) return std::nullopt;
  return it->second;
}

ImportTemplateRecord SimState::saveImportTemplate(ImportTemplateRecord t, bool create) {
  Lock lock(_mutex);
  if (create) t.importTemplateId = _templates.empty() ? 1 : _templates.rbegin()->first + 1;
  else if (_templates.count(t.importTemplateId) == 0) throw ApiError::notFound("Import template", t.importTemplateId);
  for (const auto* ids : {&t.listIds, &t.purgeListIds, &t.suppressionListIds})
    for (auto l : *ids)
      if (_lists.count(l) == 0) throw ApiError::notFound("List", l);
  bool hasAddress = false;
  std::string cols = t.columnNames;
  std::size_t start = 0;
  while (start <= cols.size()) {
    auto comma = cols.find(',', start);
    if (comma == std::string::npos) comma = cols.size();
    const std::string col = Poco::trim(cols.substr(start, comma - start));
    const std::string lc = lower(col);
    if (lc == "recips.address") hasAddress = true;
    else if (lc == "recips.externalid" || lc == "recips.status" || lc.empty()) {
    } else if (lc.rfind("demographics.", 0) == 0) {
      const std::string name = col.substr(13);
      bool known = false;
      for (const auto& d : SeededData::defaultFieldNames()) known = known || Poco::icompare(d, name) == 0;
      for (const auto& [id, f] : _customFields) known = known || (f.active && Poco::icompare(f.title, name) == 0);
      if (!known) throw ApiError::badRequest("Unknown demographic field in columnNames: " + name, "columnNames");
    } else {
      throw ApiError::badRequest("Unknown column in columnNames: " + col, "columnNames");
    }
    start = comma + 1;
  }
  if (!hasAddress) throw ApiError::badRequest("columnNames must include Recips.ADDRESS", "columnNames");
  _templates[t.importTemplateId] = t;
  return t;
}

ImportJob SimState::createImport(std::int64_t templateId, std::vector<std::string> rows,
                                 std::optional<std::int64_t> sendTemplateId, int delayMs) {
  const std::string started = nowText();
  Lock lock(_mutex);
  auto t = _templates.find(templateId);
  if (t == _templates.end()) throw ApiError::notFound("Import template", templateId);
  if (t->second.active == 0) throw ApiError::badRequest("Import template " + std::to_string(templateId) + " is inactive", "importTemplateId");
  if (rows.size() > 10000) throw ApiError::badRequest("data may contain at most 10000 rows", "data");
  ImportJob job;
  job.importId = _nextImportId++;
  job.importTemplateId = templateId;
  job.startTime = started;
  job.rows = std::move(rows);
  job.listIds = t->second.listIds;
  job.sendTemplateId = sendTemplateId;
  job.due = std::chrono::steady_clock::now() + std::chrono::milliseconds(delayMs);
  job.totalRecords = static_cast<std::int64_t>(job.rows.size());
  if (_options.keepImportRows) _keptImports.push_back({job.importId, templateId, t->second.type, job.rows});
  ImportJob copy = job;
  copy.rows.clear();
  _imports[job.importId] = std::move(job);
  return copy;
}

std::optional<ImportJob> SimState::pollImport(std::int64_t id) {
  Lock lock(_mutex);
  auto it = _imports.find(id);
  if (it == _imports.end()) return std::nullopt;
  auto& job = it->second;
  job.polls++;
  if (job.status == "OPEN" && (std::chrono::steady_clock::now() >= job.due ||
                               (_options.importPollsToDone > 0 && job.polls >= _options.importPollsToDone)))
    completeImportLocked(job);
  ImportJob copy = job;
  copy.rows.clear();
  return copy;
}

std::vector<SimState::KeptImport> SimState::keptImports() const {
  SharedLock lock(_mutex);
  return _keptImports;
}

std::vector<ImportJob> SimState::imports() const {
  SharedLock lock(_mutex);
  std::vector<ImportJob> out;
  for (const auto& [id, j] : _imports) {
    out.push_back(j);
    out.back().rows.clear();
  }
  return out;
}

int SimState::processDueImports() {
  Lock lock(_mutex);
  int done = 0;
  const auto now = std::chrono::steady_clock::now();
  for (auto& [id, job] : _imports) {
    if (job.status == "OPEN" && now >= job.due) {
      completeImportLocked(job);
      ++done;
    }
  }
  return done;
}

void SimState::completeImportLocked(ImportJob& job) {
  const ImportTemplateRecord t = _templates.at(job.importTemplateId);
  const char delim = delimiterChar(t.delimiter);
  std::vector<std::string> columns;
  {
    std::size_t start = 0;
    while (start <= t.columnNames.size()) {
      auto comma = t.columnNames.find(',', start);
      if (comma == std::string::npos) comma = t.columnNames.size();
      columns.push_back(Poco::trim(t.columnNames.substr(start, comma - start)));
      start = comma + 1;
    }
  }
  std::set<std::string> blocked;
  for (auto l : t.listIds) {
    auto it = _lists.find(l);
    if (it == _lists.end()) continue;
    std::string domains = it->second.blockDomains;
    std::size_t s = 0;
    while (s < domains.size()) {
      auto sp = domains.find(' ', s);
      if (sp == std::string::npos) sp = domains.size();
      if (sp > s) blocked.insert(lower(domains.substr(s, sp - s)));
      s = sp + 1;
    }
  }
  const std::string nowStr = TimeFormat::format(_frozen ? _fixedNow : wallNow());
  for (const auto& row : job.rows) {
   try {
    const auto cells = splitRow(row, delim);
    std::string address;
    std::optional<std::string> externalId;
    std::vector<std::pair<std::string, std::string>> demo;
    for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
      const std::string lc = lower(columns[c]);
      if (lc == "recips.address") address = cells[c];
      else if (lc == "recips.externalid") { if (!cells[c].empty()) externalId = cells[c]; }
      else if (lc.rfind("demographics.", 0) == 0) {
        std::string name = columns[c].substr(13);
        for (const auto& d : SeededData::defaultFieldNames()) if (Poco::icompare(d, name) == 0) name = d;
        for (const auto& [id, f] : _customFields) if (Poco::icompare(f.title, name) == 0) name = f.title;
        demo.emplace_back(name, cells[c]);
      }
    }
    const std::string fixed = fixEmail(address);
    if (!validEmail(fixed)) { job.invalidRemoved++; continue; }
    if (fixed != address) job.invalidFixed++;
    const std::string domain = lower(fixed.substr(fixed.find('@') + 1));
    auto existing = findByAddressLocked(fixed);
    if (t.type == "UNSUB") {
      if (!existing) { job.notFound++; continue; }
      for (auto l : t.listIds)
        if (_lists.count(l)) subscribeLocked(l, *existing, "UNSUB", std::nullopt, std::nullopt, std::nullopt);
      job.updatedRecords++;
      continue;
    }
    if (blocked.count(domain)) { job.blockedDomain++; continue; }
    if (existing) {
      bool purge = false, suppress = false;
      for (auto l : t.purgeListIds) {
        auto s = subscriptionLocked(l, *existing);
        purge = purge || (s && s->listStatus == "NORMAL");
      }
      for (auto l : t.suppressionListIds) suppress = suppress || subscriptionLocked(l, *existing).has_value();
      if (purge) { job.purged++; continue; }
      if (suppress) { job.suppressed++; continue; }
    }
    std::int64_t rid = 0;
    if (existing) {
      rid = *existing;
      auto r = recipientLocked(rid);
      if (externalId) r->externalId = externalId;
      for (auto& [k, v] : demo)
        for (auto& [rk, rv] : r->demographics) if (rk == k) rv = v;
      r->importId = job.importId;
      storeRecipientLocked(*r);
      job.updatedRecords++;
    } else {
      RecipientRecord r;
      r.recipientId = rid = _nextRecipientId++;
      r.address = fixed;
      r.externalId = externalId;
      r.dateJoined = nowStr;
      r.importId = job.importId;
      r.sourceDescription = t.sourceDescription;
      r.signupMethod = t.signupMethod;
      r.demographics = demo;
      normalizeDemographicsLocked(r);
      storeRecipientLocked(r);
      job.newRecords++;
    }
    if (globalStatusLocked(rid) == 'O') continue;
    for (auto l : t.listIds)
      if (_lists.count(l)) subscribeLocked(l, rid, "NORMAL", std::string("import"), t.confirmed, std::nullopt);
   } catch (const std::exception&) {
    job.invalidRemoved++; // a row the simulator cannot apply counts as removed, the import still finishes
   }
  }
  job.rows.clear();
  job.rows.shrink_to_fit();
  job.status = "DONE";
  job.endTime = nowStr;
}

// ---------------------------------------------------------------- mutation log

void SimState::recordMutation(MutationRecord record) {
  Lock lock(_mutex);
  record.sequence = ++_mutationSeq;
  _mutations.push_back(std::move(record));
  if (_mutations.size() > 200000) _mutations.pop_front();
}

std::vector<MutationRecord> SimState::mutations() const {
  SharedLock lock(_mutex);
  return {_mutations.begin(), _mutations.end()};
}

void SimState::clearMutations() {
  Lock lock(_mutex);
  _mutations.clear();
}

void SimState::countRequest(const std::string& key) {
  Lock lock(_mutex);
  ++_requestCounts[key];
}

std::map<std::string, std::int64_t> SimState::requestCounts() const {
  SharedLock lock(_mutex);
  return _requestCounts;
}

void SimState::clearRequestCounts() {
  Lock lock(_mutex);
  _requestCounts.clear();
}

} // namespace jobhost::sim
