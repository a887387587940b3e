// jobhost postup plugin — ImportConfig.h
// The import job's settings, read from the validated config and credentials.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "client/TimeZone.h"
#include "jobhost/sdk/JobContext.h"

namespace jobhost::plugins::postup {

/// event_type literals written into postup_activity (manifest `event_types`).
struct EventTypeNames {
    std::string open = "open";
    std::string click = "click";
    std::string hardBounce = "hard_bounce";
    std::string softBounce = "soft_bounce";
};

/// Settings of one import run. Plain value; built once per run.
struct ImportConfig {
    std::string siteId;
    std::string apiBaseUrl = "https://api.postup.com/api";
    /// Where reports download from: {reportBaseUrl}/{siteShortName}/ExternalDownload.do.
    /// Taken apart from report_url, or given as report_base_url (default
    /// https://login.postup.com) + site_short_name.
    std::string reportBaseUrl = "https://login.postup.com";
    std::string siteShortName;
    /// IANA zone of report times that carry no zone (report_time_zone);
    /// loaded once per run, shared read-only by the report threads.
    std::string reportTimeZoneName = "America/Chicago";
    std::shared_ptr<const TimeZone> pReportTimeZone;
    std::string username;
    std::string password;
    int recipientIntervalHours = 24;
    int activityWindowDays = 90;
    int reportConcurrency = 4;
    int pageSize = 1000;
    EventTypeNames eventTypes;

    /// Reads the job config (JSON object text; defaults are applied here too
    /// in case the host left them out) and the credentials. The job's
    /// api_base_url wins over the credentials' one; report_time_zone is
    /// loaded from the system tzdata (TimeZone::load); the report location is
    /// report_url or report_base_url + site_short_name (readReportUrl).
    /// Throws std::invalid_argument naming the key when a value is missing,
    /// of the wrong type or unknown (a zone name); the message never
    /// contains the password.
    static ImportConfig fromJson(const std::string& configJson, const sdk::Credentials& credentials);

    /// Takes a pasted report download link apart:
    ///   https://HOST[:PORT][/PREFIX]/<site>/ExternalDownload.do[?siteID=…]
    /// into reportBaseUrl (scheme, host, port, prefix) and siteShortName.
    /// mailingID and type in the link are ignored (the import sets them per
    /// report). Throws std::invalid_argument naming what is missing or wrong:
    /// not http(s), no host, a path not ending in /<site>/ExternalDownload.do,
    /// a siteID other than `siteId`, or user/token parameters (a secret in
    /// the job config; the download signs in with the authorization).
    void readReportUrl(const std::string& url);

    /// API base URL for calls made with only credentials and an
    /// authorization config (Authorization::verify): config api_base_url,
    /// else credentials api_base_url, else the public default.
    static std::string apiBaseUrlFor(const std::string& configJson, const sdk::Credentials& credentials);
};

} // namespace jobhost::plugins::postup
