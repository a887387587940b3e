// SeededData.cpp — jobhost postup-sim: everything derived from the seed.
// SPDX-License-Identifier: Apache-2.0
#include "SeededData.h"

#include "Hash.h"
#include "TimeFormat.h"

#include <Poco/String.h>

#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace jobhost::sim {

namespace {

struct Name { const char* display; const char* slug; };

const Name kFirst[] = {
    {"Anna", "anna"}, {"José", "jose"}, {"Zoë", "zoe"}, {"Łukasz", "lukasz"}, {"Mei", "mei"},
    {"Olúwaseun", "oluwaseun"}, {"François", "francois"}, {"Søren", "soren"}, {"Ahmed", "ahmed"},
    {"Björn", "bjorn"}, {"Chloé", "chloe"}, {"Dmitri", "dmitri"}, {"Émile", "emile"}, {"Greta", "greta"},
    {"Hiroshi", "hiroshi"}, {"İlkay", "ilkay"}, {"Jürgen", "jurgen"}, {"Kateřina", "katerina"},
    {"Liam", "liam"}, {"Ngọc", "ngoc"}, {"", "x"}};
const Name kLast[] = {
    {"Müller", "muller"}, {"O'Brien", "obrien"}, {"García", "garcia"}, {"Nguyễn", "nguyen"},
    {"Smith", "smith"}, {"Kowalski", "kowalski"}, {"Ødegaard", "odegaard"}, {"Dubois", "dubois"},
    {"山田", "yamada"}, {"Ivanov", "ivanov"}, {"Johnson", "johnson"}, {"Čapek", "capek"},
    {"Brown", "brown"}, {"Wójcik", "wojcik"}, {"Lee", "lee"}, {"", "y"}};
const char* const kDomains[] = {"example.com", "Example.org", "mail.example.net", "EXAMPLE.co.uk", "postup-sim.test",
                                "gmail.example", "Yahoo.Example", "blocked.example"};
const char* const kCities[] = {"Chicago", "São Paulo", "Zürich", "", "Montréal", "Kraków", "Austin", "東京", ""};
const char* const kStates[] = {"IL", "TX", "", "NY", "CA", ""};
const char* const kCountries[] = {"US", "BR", "CH", "", "CA", "PL", "JP", "DE"};
const char* const kListTitles[] = {"Weekly Newsletter", "Daily Deals",    "Product Updates", "Événements & Café",
                                   "VIP Members",       "Partner Offers", "Blog Digest",     "Webinars – Live",
                                   "Ofertas en Español", "新着情報"};
const char* const kThemes[] = {"Spring Sale", "Back to School", "Black Friday", "Holiday Gifts",
                               "Product Launch", "Welcome Series", "Réveillon", "Sommerschlussverkauf"};
const char* const kFieldTypes[] = {"SINGLE_CHARACTER", "TEXT_SHORT", "TEXT_MEDIUM", "TEXT_LONG",
                                   "WHOLE_NUMBER",     "BIG_INTEGER", "DECIMAL_NUMBER", "CURRENCY",
                                   "DATE_TIME",        "BIT",         "YES_NO"};
const char* const kFieldTitles[] = {"Tier", "Nickname", "Interests", "Notes", "LoyaltyPoints", "AccountNumber",
                                    "Score", "LifetimeValue", "LastPurchase", "Vip", "Newsletter"};

template <typename T, std::size_t N> constexpr std::size_t countOf(const T (&)[N]) { return N; }

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

constexpr std::uint64_t kSaltRecipient = 1, kSaltList = 2, kSaltSub = 3, kSaltCampaign = 4, kSaltMailing = 5,
                        kSaltEvent = 6, kSaltStatus = 7, kSaltDemo = 8;

std::uint64_t coprimeStride(std::uint64_t h, std::uint64_t n) {
  if (n <= 1) return 1;
  std::uint64_t s = (h % n) | 1;
  while (std::gcd(s, n) != 1) s = (s + 2) % n == 0 ? 1 : (s + 2) % n;
  return s;
}

} // namespace

SeededData::SeededData(const SimulatorOptions& o, std::int64_t anchor)
    : _seed(o.seed), _anchor(anchor), _recipients(o.recipients), _lists(o.lists),
      _memberships(o.membershipsPerRecipient), _campaigns(o.campaigns), _mailingsPerCampaign(o.mailingsPerCampaign),
      _events(o.eventsPerMailing), _siteId(o.siteId) {
  if (_recipients < 0 || _recipients > 2000000000LL) throw std::invalid_argument("recipients must be 0..2000000000");
  if (_lists < 1 || _lists > 10000) throw std::invalid_argument("lists must be 1..10000");
  if (_memberships < 0 || _memberships > _lists) throw std::invalid_argument("memberships per recipient must be 0..lists");
  if (_campaigns < 0 || _campaigns > 40000) throw std::invalid_argument("campaigns must be 0..40000");
  if (_mailingsPerCampaign < 0 || static_cast<std::int64_t>(_campaigns) * _mailingsPerCampaign > 1000000)
    throw std::invalid_argument("campaigns x mailings must be at most 1000000");
  if (_events < 0 || _events > 100000000) throw std::invalid_argument("events per mailing must be 0..100000000");
  if (_siteId.empty()) {
    const std::uint64_t a = Hash::of(_seed, 0x517E), b = Hash::of(_seed, 0x517F);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08X-%04X-%04X-%04X-%012llX", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(0x4000 | (a & 0x0FFF)),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    _siteId = buf;
  }
}

std::string SeededData::siteId() const { return _siteId; }

std::string SeededData::mixedDate(std::int64_t utc, std::uint64_t h) const {
  static const TimeFormat::Style styles[] = {TimeFormat::Style::Canonical, TimeFormat::Style::Canonical,
                                             TimeFormat::Style::Canonical, TimeFormat::Style::Canonical,
                                             TimeFormat::Style::IsoZulu,   TimeFormat::Style::IsoOffset,
                                             TimeFormat::Style::IsoLocal,  TimeFormat::Style::UsLong,
                                             TimeFormat::Style::UsShort,   TimeFormat::Style::Canonical};
  return TimeFormat::format(utc, styles[h % 10]);
}

// ---------------------------------------------------------------- recipients

std::string SeededData::address(std::int64_t id) const {
  const std::uint64_t h = Hash::of(_seed, kSaltRecipient, static_cast<std::uint64_t>(id));
  const Name& f = kFirst[h % countOf(kFirst)];
  const Name& l = kLast[(h >> 16) % countOf(kLast)];
  const char* domain = kDomains[(h >> 40) % (countOf(kDomains) - 1)];
  if (((h >> 56) % 50) == 0) domain = "blocked.example";
  const std::string ids = std::to_string(id);
  switch ((h >> 32) % 4) {
  case 0: return std::string(f.slug) + "." + l.slug + "." + ids + "@" + domain;
  case 1: return capitalised(f.slug) + "." + capitalised(l.slug) + ids + "@" + domain;
  case 2: return Poco::toUpper(std::string(f.slug)) + "_" + ids + "@" + Poco::toUpper(std::string(domain));
  default: return std::string(1, f.slug[0]) + l.slug + "+news" + ids + "@" + domain;
  }
}

std::optional<std::string> SeededData::externalId(std::int64_t id) const {
  const std::uint64_t h = Hash::of(_seed, kSaltRecipient, static_cast<std::uint64_t>(id), 1);
  const int k = static_cast<int>(h % 10);
  if (k == 9) return std::nullopt;
  if (k == 8) return std::string();
  char buf[32];
  std::snprintf(buf, sizeof buf, "CRM-%07lld", static_cast<long long>(id));
  return std::string(buf);
}

char SeededData::status(std::int64_t id) const {
  const int k = static_cast<int>(Hash::of(_seed, kSaltStatus, static_cast<std::uint64_t>(id)) % 100);
  if (k < 90) return 'N';
  if (k < 95) return 'U';
  if (k < 99) return 'H';
  return 'O';
}

std::optional<std::int64_t> SeededData::idFromAddress(const std::string& address) const {
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0) return std::nullopt;
  std::size_t start = at;
  while (start > 0 && address[start - 1] >= '0' && address[start - 1] <= '9') --start;
  if (start == at || at - start > 10) return std::nullopt;
  const std::int64_t id = std::stoll(address.substr(start, at - start));
  if (id < 1 || id > _recipients) return std::nullopt;
  if (Poco::icompare(address, this->address(id)) != 0) return std::nullopt;
  return id;
}

std::optional<std::int64_t> SeededData::idFromExternalId(const std::string& externalId) const {
  if (externalId.size() != 11 || externalId.compare(0, 4, "CRM-") != 0) return std::nullopt;
  for (std::size_t i = 4; i < externalId.size(); ++i)
    if (externalId[i] < '0' || externalId[i] > '9') return std::nullopt;
  const std::int64_t id = std::stoll(externalId.substr(4));
  if (id < 1 || id > _recipients) return std::nullopt;
  auto ext = this->externalId(id);
  if (!ext || *ext != externalId) return std::nullopt;
  return id;
}

RecipientRecord SeededData::recipient(std::int64_t id, const std::vector<CustomFieldRecord>& fields) const {
  const std::uint64_t h = Hash::of(_seed, kSaltRecipient, static_cast<std::uint64_t>(id));
  const std::uint64_t d = Hash::of(_seed, kSaltDemo, static_cast<std::uint64_t>(id));
  RecipientRecord r;
  r.recipientId = id;
  r.address = address(id);
  r.externalId = externalId(id);
  r.status = status(id);
  const std::int64_t joined = _anchor - static_cast<std::int64_t>(d % (3 * 365 * 86400LL)) - 86400;
  r.dateJoined = mixedDate(joined, d >> 7);
  if (r.status == 'U' || r.status == 'O')
    r.dateUnsub = mixedDate(joined + static_cast<std::int64_t>((d >> 20) % (200 * 86400LL)), d >> 11);
  switch ((d >> 24) % 4) {
  case 0: r.sourceDescription = "Website signup"; break;
  case 1: r.sourceDescription = "Import 2023 – Messe München"; break;
  case 2: r.sourceDescription = ""; break;
  default: break;
  }
  if ((d >> 26) % 3 == 0) r.signupMethod = "Web Import";
  else if ((d >> 26) % 3 == 1) r.signupMethod = "API";
  if ((d >> 28) % 5 == 0) r.comment = "";
  if ((d >> 30) % 4 == 0) r.sourceSignupDate = mixedDate(joined - 3600, d >> 13);
  if ((d >> 32) % 6 == 0) {
    r.thirdPartySource = "Partner Co";
    r.thirdPartySignupDate = TimeFormat::format(joined - 7200, TimeFormat::Style::IsoZulu);
  }
  if ((d >> 34) % 3 == 0) {
    char ip[24];
    std::snprintf(ip, sizeof ip, "10.%u.%u.%u", static_cast<unsigned>((d >> 36) % 256),
                  static_cast<unsigned>((d >> 44) % 256), static_cast<unsigned>((d >> 52) % 254 + 1));
    r.signupIP = ip;
  }
  const Name& f = kFirst[h % countOf(kFirst)];
  const Name& l = kLast[(h >> 16) % countOf(kLast)];
  const bool sparse = (d % 7) == 0; // some recipients have almost no demographics
  auto pick = [&](const char* const* arr, std::size_t n, int shift) { return std::string(arr[(d >> shift) % n]); };
  char buf[64];
  r.demographics.emplace_back("FirstName", f.display);
  r.demographics.emplace_back("LastName", sparse ? "" : l.display);
  std::snprintf(buf, sizeof buf, "%u Main St", static_cast<unsigned>(d % 9000 + 1));
  r.demographics.emplace_back("_Address1", sparse ? "" : buf);
  r.demographics.emplace_back("_Address2", (d >> 3) % 5 == 0 ? "Apt 4B" : "");
  r.demographics.emplace_back("_City", sparse ? "" : pick(kCities, countOf(kCities), 5));
  r.demographics.emplace_back("_State", sparse ? "" : pick(kStates, countOf(kStates), 9));
  std::snprintf(buf, sizeof buf, "%05u", static_cast<unsigned>((d >> 12) % 99999));
  r.demographics.emplace_back("_PostalCode", sparse ? "" : buf);
  r.demographics.emplace_back("_Country", pick(kCountries, countOf(kCountries), 14));
  r.demographics.emplace_back("_Gender", (d >> 17) % 3 == 0 ? "F" : ((d >> 17) % 3 == 1 ? "M" : ""));
  const std::int64_t dob = -static_cast<std::int64_t>((d >> 19) % (50 * 365)) * 86400 + 900 * 86400;
  r.demographics.emplace_back("_DateOfBirth", sparse ? "" : ((d >> 21) % 2 ? TimeFormat::date(dob + 43200)
                                                                          : TimeFormat::format(dob + 43200, TimeFormat::Style::UsLong).substr(0, TimeFormat::format(dob + 43200, TimeFormat::Style::UsLong).find(' '))));
  r.demographics.emplace_back("_MaritalStatus", (d >> 23) % 3 == 0 ? "Married" : "");
  r.demographics.emplace_back("_HouseHoldSize", sparse ? "" : std::to_string((d >> 25) % 6 + 1));
  r.demographics.emplace_back("_HouseHoldIncome", (d >> 27) % 4 == 0 ? "50000-75000" : "");
  r.demographics.emplace_back("_Salutation", (d >> 29) % 4 == 0 ? "Dr." : "");
  std::snprintf(buf, sizeof buf, "+1 312 555 %04u", static_cast<unsigned>((d >> 31) % 10000));
  r.demographics.emplace_back("_HomePhone", (d >> 33) % 3 == 0 ? buf : "");
  r.demographics.emplace_back("_WorkPhone", "");
  r.demographics.emplace_back("_Profession", (d >> 35) % 4 == 0 ? "Ingénieur" : "");
  r.demographics.emplace_back("_Education", (d >> 37) % 5 == 0 ? "Master" : "");
  for (const auto& cf : fields) {
    if (!cf.active) continue;
    const std::uint64_t v = Hash::of(_seed, kSaltDemo, static_cast<std::uint64_t>(id), static_cast<std::uint64_t>(cf.customFieldId));
    std::string value;
    if (v % 4 != 0) {
      const std::string& t = cf.type;
      if (t == "SINGLE_CHARACTER") value = std::string(1, static_cast<char>('A' + v % 4));
      else if (t == "TEXT_SHORT") value = std::string(f.display) + "y";
      else if (t == "TEXT_MEDIUM") value = "Reisen, Küche; books|music";
      else if (t == "TEXT_LONG") value = "Line one\nLine two with \"quotes\" and a tab\there";
      else if (t == "WHOLE_NUMBER") value = std::to_string(v % 10000);
      else if (t == "BIG_INTEGER") value = std::to_string(9000000000000LL + static_cast<std::int64_t>(v % 1000000));
      else if (t == "DECIMAL_NUMBER") { std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(v % 100000) / 1000.0); value = buf; }
      else if (t == "CURRENCY") { std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v % 1000000) / 100.0); value = buf; }
      else if (t == "DATE_TIME") value = mixedDate(_anchor - static_cast<std::int64_t>((v >> 8) % (400 * 86400LL)), v >> 3);
      else if (t == "BIT") value = (v >> 5) % 2 ? "1" : "0";
      else if (t == "YES_NO") value = (v >> 5) % 2 ? "Yes" : "No";
      else value = "value";
    }
    r.demographics.emplace_back(cf.title, value);
  }
  return r;
}

// ---------------------------------------------------------------- memberships

bool SeededData::isMember(std::int64_t id, std::int64_t listId) const {
  if (id < 1 || id > _recipients || listId < 1 || listId > _lists) return false;
  const std::int64_t start = static_cast<std::int64_t>(Hash::of(_seed, kSaltList, static_cast<std::uint64_t>(id)) % static_cast<std::uint64_t>(_lists));
  const std::int64_t rel = ((listId - 1) - start + _lists) % _lists;
  return rel < _memberships;
}

void SeededData::listsOf(std::int64_t id, std::vector<std::int64_t>& out) const {
  out.clear();
  if (id < 1 || id > _recipients) return;
  const std::int64_t start = static_cast<std::int64_t>(Hash::of(_seed, kSaltList, static_cast<std::uint64_t>(id)) % static_cast<std::uint64_t>(_lists));
  for (int k = 0; k < _memberships; ++k) out.push_back((start + k) % _lists + 1);
}

bool SeededData::listUnsub(std::int64_t id, std::int64_t listId) const {
  return Hash::of(_seed, kSaltSub, static_cast<std::uint64_t>(id), static_cast<std::uint64_t>(listId)) % 100 < 7;
}

SubscriptionRecord SeededData::subscription(std::int64_t id, std::int64_t listId) const {
  const std::uint64_t h = Hash::of(_seed, kSaltSub, static_cast<std::uint64_t>(id), static_cast<std::uint64_t>(listId));
  SubscriptionRecord s;
  s.recipientId = id;
  s.listId = listId;
  s.listStatus = listUnsub(id, listId) ? "UNSUB" : "NORMAL";
  const std::int64_t joined = _anchor - static_cast<std::int64_t>((h >> 8) % (2 * 365 * 86400LL)) - 3600;
  s.dateJoined = mixedDate(joined, h >> 40);
  if (s.listStatus == "UNSUB") {
    s.dateUnsub = mixedDate(joined + static_cast<std::int64_t>((h >> 20) % (90 * 86400LL)), h >> 44);
    const std::int64_t mailings = static_cast<std::int64_t>(_campaigns) * _mailingsPerCampaign;
    if (mailings > 0 && (h >> 50) % 2 == 0) s.mailingId = firstMailingId + static_cast<std::int64_t>((h >> 30) % static_cast<std::uint64_t>(mailings));
  }
  static const char* const sources[] = {"web", "import", "", "api", "facebook"};
  s.sourceId = sources[(h >> 52) % 5];
  s.confirmed = ((h >> 60) & 1) != 0;
  return s;
}

// ---------------------------------------------------------------- catalogue

std::vector<ListRecord> SeededData::lists() const {
  std::vector<ListRecord> out;
  for (int l = 0; l < _lists; ++l) {
    const std::uint64_t h = Hash::of(_seed, kSaltList, 0xF00D, static_cast<std::uint64_t>(l));
    ListRecord r;
    r.listId = l + 1;
    r.title = l < static_cast<int>(countOf(kListTitles)) ? kListTitles[l] : "List " + std::to_string(l + 1);
    r.friendlyTitle = l % 3 == 1 ? "" : r.title;
    r.description = l % 2 == 0 ? "Seeded list – " + r.title : "";
    r.populated = true;
    r.publicSignup = l % 2 == 0;
    r.globalUnsub = l % 4 == 1;
    if (l % 3 == 0) r.categoryId = 1 + l % 2;
    r.blockDomains = l == 2 ? "blocked.example spamtrap.example" : "";
    r.createTime = mixedDate(_anchor - 500 * 86400LL + l * 86400LL, h);
    r.creator = "admin@example.com";
    if (l % 3 != 2) r.externalId = "LIST-" + std::to_string(l + 1);
    r.custom1 = l % 5 == 0 ? "ünïcødé custom" : "";
    r.channel = "E";
    r.countRecips = l % 4 != 3;
    r.brandIds = l % 2 == 0 ? std::vector<std::int64_t>{1} : std::vector<std::int64_t>{1, 2};
    r.testMessageList = l == _lists - 1 && _lists > 2;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<CampaignRecord> SeededData::campaigns() const {
  std::vector<CampaignRecord> out;
  for (int c = 0; c < _campaigns; ++c) {
    const std::uint64_t h = Hash::of(_seed, kSaltCampaign, static_cast<std::uint64_t>(c));
    CampaignRecord r;
    r.campaignId = firstCampaignId + c;
    r.title = std::string(kThemes[h % countOf(kThemes)]) + " #" + std::to_string(c + 1);
    if (c % 4 != 3) r.externalId = "CMP-" + std::to_string(r.campaignId);
    if (c % 3 == 0) r.comment = "";
    else if (c % 3 == 1) r.comment = "Q" + std::to_string(c % 4 + 1) + " push";
    r.createTime = mixedDate(_anchor - 400 * 86400LL + c * 3600LL, h >> 8);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<MailingRecord> SeededData::mailings() const {
  std::vector<MailingRecord> out;
  const std::int64_t n = _recipients;
  const std::int64_t e = _events;
  for (int c = 0; c < _campaigns; ++c) {
    for (int k = 0; k < _mailingsPerCampaign; ++k) {
      const std::int64_t id = firstMailingId + static_cast<std::int64_t>(c) * _mailingsPerCampaign + k;
      const std::uint64_t h = Hash::of(_seed, kSaltMailing, static_cast<std::uint64_t>(id));
      MailingRecord m;
      m.mailingId = id;
      m.campaignId = firstCampaignId + c;
      m.title = std::string(kThemes[(h >> 3) % countOf(kThemes)]) + " – mailing " + std::to_string(k + 1);
      m.brandId = 1 + static_cast<std::int64_t>((h >> 5) % 2);
      m.listIds.push_back(1 + static_cast<std::int64_t>(h % static_cast<std::uint64_t>(_lists)));
      if ((h >> 8) % 3 == 0 && _lists > 1) m.listIds.push_back(1 + static_cast<std::int64_t>((h % static_cast<std::uint64_t>(_lists) + 1) % static_cast<std::uint64_t>(_lists)));
      m.subject = (h >> 10) % 2 ? "¡Oferta! Café ☕ deals for you" : "Your weekly update";
      m.fromEmail = "news@example.com";
      m.fromName = "Example News";
      if (k % 2 == 0) m.externalId = "ML-" + std::to_string(id);
      const bool last = k == _mailingsPerCampaign - 1;
      if (last && c % 3 == 2) {
        m.status = "NEW";
      } else if (last && c % 5 == 1) {
        m.status = "PENDING";
        m.scheduled = _anchor + (1 + static_cast<std::int64_t>((h >> 12) % 14)) * 86400LL;
      } else {
        m.status = "DONE";
        m.scheduled = ((_anchor - 8 * 86400LL - static_cast<std::int64_t>((h >> 16) % (357 * 86400ULL))) / 60) * 60;
        m.opens = std::min(e * 60 / 100, n);
        m.clicks = std::min(e * 25 / 100, n);
        m.hard = std::min(e * 5 / 100, n);
        m.soft = std::min(e - e * 60 / 100 - e * 25 / 100 - e * 5 / 100, n);
        m.targeted = std::min(n, e * 4 + 10);
      }
      if (m.scheduled) m.scheduledText = mixedDate(*m.scheduled, h >> 40);
      out.push_back(std::move(m));
    }
  }
  return out;
}

std::vector<CustomFieldRecord> SeededData::customFields() const {
  std::vector<CustomFieldRecord> out;
  for (std::size_t i = 0; i < countOf(kFieldTypes); ++i)
    out.push_back(CustomFieldRecord{static_cast<std::int64_t>(i + 1), kFieldTitles[i], true, kFieldTypes[i]});
  out.push_back(CustomFieldRecord{static_cast<std::int64_t>(countOf(kFieldTypes) + 1), "LegacyCode", false, "TEXT_SHORT"});
  return out;
}

std::vector<ImportTemplateRecord> SeededData::importTemplates() const {
  ImportTemplateRecord t;
  t.importTemplateId = 1;
  t.title = "Default import";
  t.columnNames = "Recips.ADDRESS,Recips.EXTERNALID,Demographics.FirstName,Demographics.LastName";
  t.listIds = {1};
  t.sourceDescription = "Seeded template";
  return {t};
}

// ---------------------------------------------------------------- events

SeededData::Event SeededData::event(const MailingRecord& m, ActivityKind kind, std::int64_t j) const {
  Event ev;
  const std::uint64_t k = static_cast<std::uint64_t>(kind);
  const std::uint64_t n = static_cast<std::uint64_t>(_recipients);
  const std::uint64_t h = Hash::of(_seed, kSaltEvent, static_cast<std::uint64_t>(m.mailingId), k);
  std::int64_t pos = j;
  std::int64_t count = 1, window = 600, offset = 120;
  switch (kind) {
  case ActivityKind::Open:
    pos = (j % 10 == 9) ? (j - 1) - (j - 1) / 10 : j - j / 10;
    count = m.opens; window = 7 * 86400; offset = 180;
    break;
  case ActivityKind::Click: count = m.clicks; window = 7 * 86400; offset = 420; break;
  case ActivityKind::Hard: count = m.hard; window = 900; offset = 60; break;
  default: count = m.soft; window = 2 * 3600; offset = 90; break;
  }
  const std::uint64_t stride = coprimeStride(h >> 20, n);
  ev.recipientId = 1 + static_cast<std::int64_t>(((h % n) + (static_cast<std::uint64_t>(pos) % n) * stride) % n);
  ev.time = m.scheduled.value_or(_anchor) + offset + (count > 0 ? (j * window) / count : 0);
  const std::uint64_t r = Hash::of(h, static_cast<std::uint64_t>(j));
  ev.linkId = 1 + static_cast<int>(r % 5);
  ev.code = static_cast<int>((r >> 8) % 3);
  return ev;
}

std::string SeededData::clickUrl(int linkId) {
  static const char* const urls[] = {"https://shop.example.com/", "https://shop.example.com/sale?utm_source=postup&utm_medium=email",
                                     "https://example.com/blog/caf%C3%A9", "https://example.com/unsubscribe-preferences",
                                     "https://shop.example.com/p/12345?ref=mail&x=1"};
  return urls[(linkId - 1) % 5];
}

const char* SeededData::bounceCode(ActivityKind kind, int code) {
  static const char* const hard[] = {"5.1.1", "5.1.2", "5.7.1"};
  static const char* const soft[] = {"4.2.2", "4.4.1", "4.7.0"};
  return kind == ActivityKind::Hard ? hard[code % 3] : soft[code % 3];
}

} // namespace jobhost::sim

namespace jobhost::sim {

const std::vector<std::string>& SeededData::defaultFieldNames() {
  static const std::vector<std::string> names = {
      "FirstName",      "LastName",     "_Address1",   "_Address2",       "_City",           "_State",
      "_PostalCode",    "_Country",     "_Gender",     "_DateOfBirth",    "_MaritalStatus",  "_HouseHoldSize",
      "_HouseHoldIncome", "_Salutation", "_HomePhone", "_WorkPhone",      "_Profession",     "_Education"};
  return names;
}

} // namespace jobhost::sim
