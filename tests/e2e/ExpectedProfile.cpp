// ExpectedProfile.cpp — the §7 profile fields one simulated PostUp recipient must end up with,
// computed from the simulator's ground truth and the spec alone.
// SPDX-License-Identifier: Apache-2.0
#include "ExpectedProfile.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>
#include <tuple>

namespace jobhost::tests::e2e {
namespace {

constexpr std::int64_t kHourSeconds = 3600;

std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

void sipRound(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3) {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

Poco::DateTime utc(std::int64_t epochMs) { return Poco::DateTime(Poco::Timestamp(epochMs * 1000)); }

/// Seconds since the epoch of a UTC wall time (Poco::DateTime counts in UTC).
std::int64_t wallSeconds(int y, int mo, int d, int h, int mi, int s) {
    return Poco::DateTime(y, mo, d, h, mi, s).timestamp().epochTime();
}

/// Day of month of the n-th Sunday of (year, month).
int nthSunday(int year, int month, int n) {
    const int firstDow = Poco::DateTime(year, month, 1).dayOfWeek(); // 0 = Sunday
    return 1 + (7 - firstDow) % 7 + 7 * (n - 1);
}

/// US Central offset (seconds) in force at a UTC instant: CDT from the second
/// Sunday of March 02:00 CST to the first Sunday of November 02:00 CDT.
std::int64_t centralOffset(std::int64_t utcSeconds) {
    const int year = Poco::DateTime(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(utcSeconds))).year();
    const std::int64_t start = wallSeconds(year, 3, nthSunday(year, 3, 2), 2, 0, 0) + 6 * kHourSeconds;
    const std::int64_t end = wallSeconds(year, 11, nthSunday(year, 11, 1), 2, 0, 0) + 5 * kHourSeconds;
    return utcSeconds >= start && utcSeconds < end ? -5 * kHourSeconds : -6 * kHourSeconds;
}

/// The bare address check of §3.1 this model needs: local@domain, no display
/// name, no spaces. The simulator's addresses are all of that form.
void requireBareAddress(const std::string& address) {
    const auto at = address.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= address.size() || address.find('@', at + 1) != std::string::npos ||
        address.find_first_of(" <>\"(),;:[]\\") != std::string::npos)
        throw std::logic_error("ExpectedProfile models bare addresses only, not '" + address + "'");
}

std::string stringSet(const std::set<std::string>& values) {
    std::string s = "[";
    for (const auto& v : values) s += (s.size() > 1 ? "," : "") + ExpectedProfile::quote(v);
    return s + "]";
}

std::string countMap(const std::map<std::string, std::int64_t>& counts) {
    std::string s = "{";
    for (const auto& [k, n] : counts) s += (s.size() > 1 ? "," : "") + ExpectedProfile::quote(k) + ":" + std::to_string(n);
    return s + "}";
}

std::string dateField(const std::string& text, const std::string& what) {
    auto ms = ExpectedProfile::centralTimeMs(text);
    if (!ms) throw std::logic_error("ExpectedProfile cannot read the " + what + " date '" + text + "'");
    return ExpectedProfile::quote(ExpectedProfile::rfc3339(*ms));
}

} // namespace

std::string ExpectedProfile::quote(const std::string& text) {
    std::string s = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') s += '\\';
        s += c;
    }
    return s + "\"";
}

std::string ExpectedProfile::canonical(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) return "null";
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        auto object = value.extract<Poco::JSON::Object::Ptr>();
        std::map<std::string, std::string> members;
        for (const auto& [k, v] : *object) members[k] = canonical(v);
        std::string s = "{";
        for (const auto& [k, v] : members) s += (s.size() > 1 ? "," : "") + quote(k) + ":" + v;
        return s + "}";
    }
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        auto array = value.extract<Poco::JSON::Array::Ptr>();
        std::string s = "[";
        for (const auto& v : *array) s += (s.size() > 1 ? "," : "") + canonical(v);
        return s + "]";
    }
    if (value.isString()) return quote(value.convert<std::string>());
    if (value.isBoolean()) return value.convert<bool>() ? "true" : "false";
    if (value.isInteger()) return std::to_string(value.convert<std::int64_t>());
    return value.convert<std::string>();
}

std::int64_t ExpectedProfile::sipHash24(std::uint64_t k0, std::uint64_t k1, const std::string& data) {
    std::uint64_t v0 = k0 ^ 0x736f6d6570736575ULL, v1 = k1 ^ 0x646f72616e646f6dULL;
    std::uint64_t v2 = k0 ^ 0x6c7967656e657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    const std::size_t n = data.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t m = 0;
        for (int b = 7; b >= 0; --b) m = (m << 8) | bytes[i + static_cast<std::size_t>(b)];
        v3 ^= m;
        sipRound(v0, v1, v2, v3);
        sipRound(v0, v1, v2, v3);
        v0 ^= m;
    }
    std::uint64_t last = static_cast<std::uint64_t>(n & 0xff) << 56;
    for (std::size_t b = 0; i + b < n; ++b) last |= static_cast<std::uint64_t>(bytes[i + b]) << (8 * b);
    v3 ^= last;
    sipRound(v0, v1, v2, v3);
    sipRound(v0, v1, v2, v3);
    v0 ^= last;
    v2 ^= 0xff;
    for (int r = 0; r < 4; ++r) sipRound(v0, v1, v2, v3);
    return static_cast<std::int64_t>(v0 ^ v1 ^ v2 ^ v3);
}

std::optional<std::string> ExpectedProfile::urlMain(const std::string& input) {
    for (unsigned char c : input)
        if (c < 0x20 || c == 0x7f) return std::nullopt;
    std::string s = input.substr(0, input.find('#'));
    bool scheme = false;
    if (!s.empty() && std::isalpha(static_cast<unsigned char>(s[0]))) {
        std::size_t k = 1;
        while (k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '+' || s[k] == '-' || s[k] == '.')) ++k;
        if (k < s.size() && s[k] == ':') {
            scheme = true;
            s = s.substr(k + 1);
        }
    }
    s = s.substr(0, s.find('?'));
    if (scheme && (s.empty() || s[0] != '/')) return std::nullopt; // opaque: no host, no path
    std::string host, path = s;
    if (s.rfind("//", 0) == 0) {
        const auto slash = s.find('/', 2);
        std::string authority = s.substr(2, slash == std::string::npos ? std::string::npos : slash - 2);
        path = slash == std::string::npos ? "" : s.substr(slash);
        const auto at = authority.rfind('@');
        host = at == std::string::npos ? authority : authority.substr(at + 1);
        if (host.find('%') != std::string::npos) return std::nullopt;
    }
    std::string decoded;
    for (std::size_t k = 0; k < path.size(); ++k) {
        if (path[k] != '%') {
            decoded += path[k];
            continue;
        }
        if (k + 2 >= path.size() || !std::isxdigit(static_cast<unsigned char>(path[k + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(path[k + 2])))
            return std::nullopt;
        decoded += static_cast<char>(std::stoi(path.substr(k + 1, 2), nullptr, 16));
        k += 2;
    }
    std::string result = host + decoded;
    if (result.empty()) return std::nullopt;
    return result;
}

std::optional<std::int64_t> ExpectedProfile::centralTimeMs(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
    std::int64_t millis = 0;
    bool zoned = false;
    std::int64_t zoneSeconds = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) == 3 && used == 10) {
        std::size_t p = 10;
        if (p < text.size()) {
            if ((text[p] != ' ' && text[p] != 'T') ||
                std::sscanf(text.c_str() + p + 1, "%2d:%2d:%2d%n", &h, &mi, &s, &used) != 3 || used != 8)
                return std::nullopt;
            p += 9;
            if (p < text.size() && text[p] == '.') {
                std::string digits;
                while (++p < text.size() && std::isdigit(static_cast<unsigned char>(text[p]))) digits += text[p];
                digits = (digits + "000").substr(0, 3);
                millis = std::stoll(digits);
            }
            const std::string zone = text.substr(p);
            if (zone == "Z") {
                zoned = true;
            } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
                zoned = true;
                zoneSeconds = (zone[0] == '-' ? -1 : 1) * (std::stoll(zone.substr(1, 2)) * 3600 + std::stoll(zone.substr(4, 2)) * 60);
            } else if (!zone.empty()) {
                return std::nullopt;
            }
        }
    } else if (std::sscanf(text.c_str(), "%d/%d/%d %d:%d%n", &mo, &d, &y, &h, &mi, &used) == 5 &&
               static_cast<std::size_t>(used) == text.size()) {
        if (y < 100) y += 2000;
    } else {
        return std::nullopt;
    }
    if (!Poco::DateTime::isValid(y, mo, d, h, mi, s)) return std::nullopt;
    const std::int64_t wall = wallSeconds(y, mo, d, h, mi, s);
    std::int64_t seconds = 0;
    if (zoned) {
        seconds = wall - zoneSeconds;
    } else {
        seconds = wall + 6 * kHourSeconds; // read as CST; inside DST it was CDT
        if (centralOffset(seconds) == -5 * kHourSeconds) seconds = wall + 5 * kHourSeconds;
    }
    return seconds * 1000 + millis;
}

std::string ExpectedProfile::rfc3339(std::int64_t epochMs) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(epochMs * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
}

int ExpectedProfile::hourOfWeek(std::int64_t epochMs) {
    const Poco::DateTime t = utc(epochMs);
    return t.dayOfWeek() * 24 + t.hour();
}

ExpectedProfile::Fields ExpectedProfile::compute(const SimulatorGroundTruth& truth, std::int64_t recipientId,
                                                 const std::set<std::int64_t>& windowMailings) {
    const SimulatorGroundTruth::Recipient& r = truth.recipient(recipientId);
    Fields f;
    auto set = [&f](const std::string& field, std::string canonicalValue) { f[field] = {std::move(canonicalValue)}; };
    std::set<std::string> channels;

    // postup_users: one record per membership, all at the import's time.
    if (!r.lists.empty()) {
        requireBareAddress(r.address);
        set("email", quote(lower(r.address)));
        set("emaildomain", quote(lower(r.address.substr(r.address.find('@') + 1))));
        set("pu_id", quote(std::to_string(r.id)));
        if (!r.externalId.empty()) set("pu_ext_id", quote(r.externalId));
        if (r.channel == "E") channels.insert("email");
        if (r.channel == "S") channels.insert("mobile");
        if (!r.carrier.empty()) set("pu_carrier", quote(r.carrier));
        if (!r.comment.empty()) set("pu_comment", quote(r.comment));
        if (!r.status.empty()) set("pu_status", quote(r.status));
        if (!r.dateJoined.empty()) set("pu_joined_date", dateField(r.dateJoined, "dateJoined"));
        if (!r.sourceSignupDate.empty()) set("pu_source_signup_date", dateField(r.sourceSignupDate, "sourceSignupDate"));
        if (!r.dateUnsub.empty()) set("pu_unsub_date", dateField(r.dateUnsub, "dateUnsub"));
        std::set<std::string> ids, titles, categories;
        for (std::int64_t listId : r.lists) {
            const auto& list = truth.lists().at(listId);
            ids.insert(std::to_string(listId));
            if (!list.title.empty()) titles.insert(list.title);
            if (!list.categoryId.empty()) categories.insert(list.categoryId);
        }
        set("pu_list_ids", stringSet(ids));
        if (!titles.empty()) set("pu_list_titles", stringSet(titles));
        if (!categories.empty()) set("pu_categories", stringSet(categories));
    }

    // postup_activity: the report rows of mailings in the window, each
    // (mailing, recipient, type, time) once.
    struct Row {
        std::int64_t timeMs;
        std::string type;
        std::string campaign;
        std::string url;
        std::string bounceCode;
    };
    std::vector<Row> rows;
    std::set<std::tuple<std::int64_t, std::string, std::int64_t>> seen;
    for (const auto& a : truth.activity()) {
        if (a.row.recipientId != recipientId || !windowMailings.count(a.mailingId)) continue;
        auto ms = centralTimeMs(a.row.time);
        if (!ms) throw std::logic_error("ExpectedProfile cannot read the report time '" + a.row.time + "'");
        if (!seen.insert({a.mailingId, a.type, *ms}).second) continue;
        if (!a.row.address.empty() && lower(a.row.address) != lower(r.address))
            throw std::logic_error("report row of recipient " + std::to_string(recipientId) + " carries another address");
        rows.push_back({*ms, a.type, std::to_string(a.campaignId), a.row.url, a.row.bounceCode});
    }
    std::int64_t opens = 0, clicks = 0, lastOpen = 0, lastClick = 0, lastBounce = 0;
    std::map<std::string, std::int64_t> hourly, hourOfWeekCounts, monthly, hashed, openCampaigns, clickCampaigns;
    std::set<std::string> lastClickUrls, lastBounceCodes;
    for (const auto& row : rows) {
        if (row.type == "OPEN") {
            ++opens;
            const Poco::DateTime t = utc(row.timeMs);
            ++hourly[std::to_string(t.hour())];
            ++hourOfWeekCounts[std::to_string(hourOfWeek(row.timeMs))];
            char yymm[16];
            std::snprintf(yymm, sizeof yymm, "%02d%02d", t.year() % 100, t.month());
            ++monthly[yymm];
            openCampaigns[row.campaign] = 1;
            lastOpen = std::max(lastOpen, row.timeMs);
        } else if (row.type == "CLICK") {
            ++clicks;
            clickCampaigns[row.campaign] = 1;
            auto main = urlMain(row.url);
            if (main) ++hashed[std::to_string(sipHash24(0, 1, *main))];
            if (row.timeMs > lastClick) {
                lastClick = row.timeMs;
                lastClickUrls.clear();
            }
            if (row.timeMs == lastClick && main) lastClickUrls.insert(*main);
        } else {
            if (row.timeMs > lastBounce) {
                lastBounce = row.timeMs;
                lastBounceCodes.clear();
            }
            if (row.timeMs == lastBounce && !row.bounceCode.empty()) lastBounceCodes.insert(row.bounceCode);
        }
    }
    if (opens + clicks > 0) {
        channels.insert("email");
        set("last_channel_activities", "{\"email\":" + quote(rfc3339(std::max(lastOpen, lastClick))) + "}");
    }
    if (opens > 0) {
        set("pu_open_ct", std::to_string(opens));
        set("pu_open_ct_by_campaign", countMap(openCampaigns));
        set("pu_hourly_open", countMap(hourly));
        set("pu_hourofweek", countMap(hourOfWeekCounts));
        set("pu_monthly", countMap(monthly));
        set("pu_last_open_ts", quote(rfc3339(lastOpen)));
    }
    if (clicks > 0) {
        set("pu_click_ct", std::to_string(clicks));
        set("pu_click_ct_by_campaign", countMap(clickCampaigns));
        set("pu_last_click_ts", quote(rfc3339(lastClick)));
    }
    if (!hashed.empty()) set("hashedurls", countMap(hashed));
    if (!lastClickUrls.empty())
        for (const auto& url : lastClickUrls) f["pu_last_click_url"].push_back(quote(url));
    if (!lastBounceCodes.empty())
        for (const auto& code : lastBounceCodes) f["pu_bounce_reason"].push_back(quote(code));
    if (!channels.empty()) set("channels", stringSet(channels));
    return f;
}

} // namespace jobhost::tests::e2e
