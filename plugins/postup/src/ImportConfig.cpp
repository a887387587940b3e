// jobhost postup plugin — ImportConfig.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ImportConfig.h"

#include <stdexcept>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "client/JsonFields.h"

namespace jobhost::plugins::postup {
namespace {

using Poco::JSON::Object;

Object::Ptr parseObject(const std::string& json) {
    if (json.empty()) return new Object;
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(json);
        if (value.type() == typeid(Object::Ptr)) return value.extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("job config is not valid JSON: " + e.displayText());
    }
    throw std::invalid_argument("job config is not a JSON object");
}

std::string text(const Object& o, const std::string& key, const std::string& fallback) {
    auto value = JsonFields::text(o, key);
    return value.empty() ? fallback : value;
}

int integer(const Object& o, const std::string& key, int fallback, int min, int max) {
    if (!JsonFields::has(o, key)) return fallback;
    auto value = JsonFields::integer(o, key);
    if (!value || *value < min || *value > max)
        throw std::invalid_argument("job config " + key + " must be an integer from " + std::to_string(min) + " to " +
                                    std::to_string(max));
    return static_cast<int>(*value);
}

std::string trimSlashes(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

const char* const kReportUrlShape = "https://HOST/<site>/ExternalDownload.do?siteID=<site GUID>";

std::string credential(const sdk::Credentials& credentials, const std::string& key) {
    auto it = credentials.find(key);
    return it == credentials.end() ? std::string() : it->second;
}

} // namespace

std::string ImportConfig::apiBaseUrlFor(const std::string& configJson, const sdk::Credentials& credentials) {
    std::string url;
    try {
        url = JsonFields::text(*parseObject(configJson), "api_base_url");
    } catch (const std::invalid_argument&) {
    }
    if (url.empty()) url = credential(credentials, "api_base_url");
    if (url.empty()) url = ImportConfig().apiBaseUrl;
    return url;
}

void ImportConfig::readReportUrl(const std::string& url) {
    const std::string shape = std::string(" (expected a report download link from the PostUp UI, ") + kReportUrlShape + ")";
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("job config report_url is not a URL: " + e.message() + shape);
    }
    const std::string scheme = Poco::toLower(uri.getScheme());
    if (scheme != "http" && scheme != "https")
        throw std::invalid_argument("job config report_url lacks the scheme https://" + shape);
    if (uri.getHost().empty()) throw std::invalid_argument("job config report_url lacks the host" + shape);
    std::vector<std::string> segments;
    uri.getPathSegments(segments);
    if (segments.empty() || Poco::icompare(segments.back(), "ExternalDownload.do") != 0)
        throw std::invalid_argument("job config report_url lacks /ExternalDownload.do at the end of its path \"" + uri.getPath() +
                                    "\"" + shape);
    if (segments.size() < 2)
        throw std::invalid_argument("job config report_url lacks the site short name before /ExternalDownload.do" + shape);
    for (const auto& [key, value] : uri.getQueryParameters()) {
        const std::string name = Poco::toLower(key);
        if (name == "user" || name == "token" || name == "password")
            throw std::invalid_argument("job config report_url carries a " + key +
                                        " parameter; remove it (report downloads sign in with the authorization's username "
                                        "and password, so no credential belongs in the job config)");
        if (name == "siteid" && !value.empty() && Poco::icompare(value, siteId) != 0)
            throw std::invalid_argument("job config report_url has siteID \"" + value + "\" but site_id is \"" + siteId +
                                        "\"; they must name the same site");
    }
    siteShortName = segments[segments.size() - 2];
    std::string prefix;
    for (std::size_t i = 0; i + 2 < segments.size(); ++i) {
        std::string encoded;
        Poco::URI::encode(segments[i], "/?#%", encoded);
        prefix += "/" + encoded;
    }
    reportBaseUrl = scheme + "://" + uri.getAuthority() + prefix;
}

ImportConfig ImportConfig::fromJson(const std::string& configJson, const sdk::Credentials& credentials) {
    const auto o = parseObject(configJson);
    ImportConfig c;
    c.siteId = JsonFields::text(*o, "site_id");
    if (c.siteId.empty()) throw std::invalid_argument("job config site_id is required (the PostUp site GUID)");
    c.apiBaseUrl = apiBaseUrlFor(configJson, credentials);
    const std::string reportUrl = JsonFields::text(*o, "report_url");
    const std::string reportBaseUrl = JsonFields::text(*o, "report_base_url");
    const std::string siteShortName = JsonFields::text(*o, "site_short_name");
    if (!reportUrl.empty()) {
        c.readReportUrl(reportUrl);
        // The two forms are alternatives: also giving the other is accepted
        // only when it says the same, so no setting is silently ignored.
        if ((!siteShortName.empty() && siteShortName != c.siteShortName) ||
            (!reportBaseUrl.empty() && Poco::icompare(trimSlashes(reportBaseUrl), c.reportBaseUrl) != 0))
            throw std::invalid_argument("job config report_url points at " + c.reportBaseUrl + "/" + c.siteShortName +
                                        " but report_base_url/site_short_name say " +
                                        trimSlashes(reportBaseUrl.empty() ? c.reportBaseUrl : reportBaseUrl) + "/" +
                                        (siteShortName.empty() ? c.siteShortName : siteShortName) +
                                        "; set only report_url");
    } else {
        if (siteShortName.empty())
            throw std::invalid_argument(std::string("job config lacks the report location: set report_url (paste a report "
                                                    "download link from the PostUp UI, ") +
                                        kReportUrlShape + ") or site_short_name (with report_base_url, default " +
                                        c.reportBaseUrl + ")");
        c.siteShortName = siteShortName;
        if (!reportBaseUrl.empty()) c.reportBaseUrl = trimSlashes(reportBaseUrl);
    }
    c.recipientIntervalHours = integer(*o, "recipient_interval_hours", c.recipientIntervalHours, 1, 8760);
    c.activityWindowDays = integer(*o, "activity_window_days", c.activityWindowDays, 1, 365);
    c.reportConcurrency = integer(*o, "report_concurrency", c.reportConcurrency, 1, 16);
    c.pageSize = integer(*o, "page_size", c.pageSize, 1, 10000);
    if (JsonFields::has(*o, "report_time_zone") && !o->get("report_time_zone").isString())
        throw std::invalid_argument("job config report_time_zone must be a string (an IANA time zone name)");
    c.reportTimeZoneName = text(*o, "report_time_zone", c.reportTimeZoneName);
    try {
        c.pReportTimeZone = TimeZone::load(c.reportTimeZoneName);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(std::string("job config report_time_zone: ") + e.what());
    }
    if (auto names = o->getObject("event_types")) {
        c.eventTypes.open = text(*names, "open", c.eventTypes.open);
        c.eventTypes.click = text(*names, "click", c.eventTypes.click);
        c.eventTypes.hardBounce = text(*names, "hard_bounce", c.eventTypes.hardBounce);
        c.eventTypes.softBounce = text(*names, "soft_bounce", c.eventTypes.softBounce);
    }
    c.username = credential(credentials, "username");
    c.password = credential(credentials, "password");
    if (c.username.empty()) throw std::invalid_argument("credentials lack a username");
    return c;
}

} // namespace jobhost::plugins::postup
