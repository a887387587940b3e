// jobhost postup tests — ImportConfigTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ImportConfigTest.h"

#include <stdexcept>

#include "ImportConfig.h"

namespace jobhost::plugins::postup::test {
namespace {

const sdk::Credentials kCredentials = {{"username", "api@example.com"}, {"password", "secret"}};
const char* const kSite = "6f1c2a9e-0000-4000-8000-0000000000aa";

ImportConfig read(const std::string& members) {
    return ImportConfig::fromJson("{\"site_id\":\"" + std::string(kSite) + "\"" + (members.empty() ? "" : "," + members) + "}",
                                  kCredentials);
}

ImportConfig withUrl(const std::string& url) { return read("\"report_url\":\"" + url + "\""); }

std::string errorOf(const std::string& members) {
    try {
        read(members);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "<accepted>";
}

std::string urlError(const std::string& url) { return errorOf("\"report_url\":\"" + url + "\""); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

void ImportConfigTest::testReportUrlTakenApart() {
    auto c = withUrl("https://login.postup.com/acme/ExternalDownload.do?siteID=" + std::string(kSite) +
                     "&mailingID=50001&type=OPEN");
    CPPUNIT_ASSERT_EQUAL(std::string("https://login.postup.com"), c.reportBaseUrl);
    CPPUNIT_ASSERT_EQUAL(std::string("acme"), c.siteShortName);
    // Port, a path prefix, no query, the GUID in other letter case, the file name in other case.
    c = withUrl("http://127.0.0.1:18080/ui/eu/Acme-Shop/externaldownload.do");
    CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:18080/ui/eu"), c.reportBaseUrl);
    CPPUNIT_ASSERT_EQUAL(std::string("Acme-Shop"), c.siteShortName);
    c = withUrl("HTTPS://Login.PostUp.com/acme/ExternalDownload.do?siteID=6F1C2A9E-0000-4000-8000-0000000000AA");
    CPPUNIT_ASSERT_EQUAL(std::string("https://login.postup.com"), c.reportBaseUrl); // host names are case-insensitive
}

void ImportConfigTest::testBadReportUrlsNameWhatIsMissing() {
    const std::string shape = " (expected a report download link from the PostUp UI, "
                              "https://HOST/<site>/ExternalDownload.do?siteID=<site GUID>)";
    CPPUNIT_ASSERT_EQUAL("job config report_url lacks the scheme https://" + shape,
                         urlError("login.postup.com/acme/ExternalDownload.do"));
    CPPUNIT_ASSERT_EQUAL("job config report_url lacks the scheme https://" + shape, urlError("ftp://login.postup.com/acme/ExternalDownload.do"));
    CPPUNIT_ASSERT_EQUAL("job config report_url lacks the host" + shape, urlError("https:///acme/ExternalDownload.do"));
    CPPUNIT_ASSERT_EQUAL("job config report_url lacks /ExternalDownload.do at the end of its path \"/acme/Reports.do\"" + shape,
                         urlError("https://login.postup.com/acme/Reports.do?siteID=x"));
    CPPUNIT_ASSERT_EQUAL("job config report_url lacks /ExternalDownload.do at the end of its path \"\"" + shape,
                         urlError("https://login.postup.com"));
    CPPUNIT_ASSERT_EQUAL("job config report_url lacks the site short name before /ExternalDownload.do" + shape,
                         urlError("https://login.postup.com/ExternalDownload.do?siteID=x"));
    CPPUNIT_ASSERT_EQUAL(std::string("job config report_url has siteID \"11111111-2222-3333-4444-555555555555\" but site_id is \"") +
                             kSite + "\"; they must name the same site",
                         urlError("https://login.postup.com/acme/ExternalDownload.do?siteID=11111111-2222-3333-4444-555555555555"));
    CPPUNIT_ASSERT(contains(urlError("https://login.postup.com:99999/acme/ExternalDownload.do"), "job config report_url is not a URL"));
}

void ImportConfigTest::testReportUrlWithCredentialsRefusedWithoutEchoingThem() {
    const std::string message = urlError("https://login.postup.com/acme/ExternalDownload.do?siteID=" + std::string(kSite) +
                                         "&mailingID=1&type=OPEN&user=api@example.com&token=s3cr3t-t0ken");
    CPPUNIT_ASSERT_EQUAL(std::string("job config report_url carries a user parameter; remove it (report downloads sign in "
                                     "with the authorization's username and password, so no credential belongs in the job config)"),
                         message);
    const std::string token = urlError("https://login.postup.com/acme/ExternalDownload.do?token=s3cr3t-t0ken");
    CPPUNIT_ASSERT(contains(token, "carries a token parameter"));
    CPPUNIT_ASSERT(!contains(token, "s3cr3t"));
}

void ImportConfigTest::testReportLocationAlternatives() {
    // The older pair still works; report_base_url defaults to PostUp's UI host.
    auto c = read("\"site_short_name\":\"acme\"");
    CPPUNIT_ASSERT_EQUAL(std::string("https://login.postup.com"), c.reportBaseUrl);
    CPPUNIT_ASSERT_EQUAL(std::string("acme"), c.siteShortName);
    c = read("\"report_base_url\":\"http://127.0.0.1:1/\",\"site_short_name\":\"demo\"");
    CPPUNIT_ASSERT_EQUAL(std::string("http://127.0.0.1:1"), c.reportBaseUrl);
    // Neither form: the error says what to set.
    CPPUNIT_ASSERT_EQUAL(std::string("job config lacks the report location: set report_url (paste a report download link from "
                                     "the PostUp UI, https://HOST/<site>/ExternalDownload.do?siteID=<site GUID>) or "
                                     "site_short_name (with report_base_url, default https://login.postup.com)"),
                         errorOf(""));
    CPPUNIT_ASSERT(contains(errorOf("\"report_base_url\":\"https://login.postup.com\""), "lacks the report location"));
    // Both forms: fine when they agree, an error when they do not.
    c = read("\"report_url\":\"https://login.postup.com/acme/ExternalDownload.do\",\"site_short_name\":\"acme\","
             "\"report_base_url\":\"https://login.postup.com/\"");
    CPPUNIT_ASSERT_EQUAL(std::string("acme"), c.siteShortName);
    CPPUNIT_ASSERT_EQUAL(std::string("job config report_url points at https://login.postup.com/acme but "
                                     "report_base_url/site_short_name say https://login.postup.com/site; set only report_url"),
                         errorOf("\"report_url\":\"https://login.postup.com/acme/ExternalDownload.do\",\"site_short_name\":\"site\","
                                 "\"report_base_url\":\"https://login.postup.com\""));
    CPPUNIT_ASSERT(contains(errorOf("\"report_url\":\"https://login.postup.com/acme/ExternalDownload.do\","
                                    "\"report_base_url\":\"https://eu.postup.com\""),
                            "say https://eu.postup.com/acme; set only report_url"));
}

void ImportConfigTest::testReportTimeZone() {
    auto c = read("\"site_short_name\":\"acme\"");
    CPPUNIT_ASSERT_EQUAL(std::string("America/Chicago"), c.reportTimeZoneName);
    CPPUNIT_ASSERT(c.pReportTimeZone);
    c = read("\"site_short_name\":\"acme\",\"report_time_zone\":\"Europe/Berlin\"");
    CPPUNIT_ASSERT_EQUAL(std::string("Europe/Berlin"), c.pReportTimeZone->name());
    CPPUNIT_ASSERT(contains(errorOf("\"site_short_name\":\"acme\",\"report_time_zone\":\"Europe/Atlantis\""),
                            "job config report_time_zone: unknown IANA time zone \"Europe/Atlantis\""));
}

} // namespace jobhost::plugins::postup::test
