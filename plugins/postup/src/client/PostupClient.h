// jobhost postup plugin — PostupClient.h
// Typed PostUp REST client over the host's HttpTransport.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>

#include "client/ApiTypes.h"
#include "client/PostupException.h"
#include "jobhost/sdk/HttpTransport.h"

namespace jobhost::plugins::postup {

/// Where and what to download from the UI host (§9.4).
struct ReportRequest {
    std::string reportBaseUrl;   ///< e.g. https://login.postup.com
    std::string siteShortName;   ///< path segment before ExternalDownload.do
    std::string siteId;          ///< site GUID (siteID parameter)
    std::int64_t mailingId = 0;
    std::string type;            ///< OPEN, CLICK, HARD, SOFT (BOUNCE = HARD then SOFT)
};

/// One PostUp account's REST API. Every call sends HTTP Basic auth and goes
/// through the borrowed transport, which owns retries (408/429/5xx/resets)
/// and the rate limit; what reaches this class is the final answer.
///
/// Ownership: holds a reference to the transport, which must outlive it.
/// Thread-safety: all methods are const-safe and may be called from several
/// threads at once (the transport is thread-safe; the client has no mutable
/// state). Failure: every call throws PostupException, classified per §11 —
/// any non-2xx, and any 2xx JSON object whose `status` is "error", is a
/// failure; a 2xx body that is not the expected JSON is BadResponse.
class PostupClient {
public:
    /// `apiBaseUrl` is the REST root (e.g. https://api.postup.com/api); a
    /// trailing slash is ignored. Credentials are kept in memory only to
    /// build the Authorization header; they never appear in messages.
    PostupClient(sdk::HttpTransport& transport, std::string apiBaseUrl, const std::string& username,
                 const std::string& password, std::int64_t timeoutMs = 60000);

    const std::string& apiBaseUrl() const { return _apiBaseUrl; }

    // ---- reads used by the import job and the authorization ----
    /// GET /site.
    SiteInfo site() const;
    /// GET /list — every list the user can see (no paging, §5.2).
    std::vector<ListInfo> lists() const;
    /// GET /listsubscription?listid=&limit=&lastrecipid=&lastlistid= — one
    /// keyset page, ascending recipientId; a page shorter than `limit` is the last.
    std::vector<Subscription> listSubscriptions(std::int64_t listId, int limit, std::int64_t lastRecipientId) const;
    /// GET /recipient/{id}. Throws NotFound when the recipient is gone.
    Recipient recipient(std::int64_t recipientId) const;
    /// GET /recipient?address= — nullopt when no recipient has that address.
    std::optional<Recipient> recipientByAddress(const std::string& address) const;
    /// GET /campaign.
    std::vector<Campaign> campaigns() const;
    /// GET /mailing?campaignid= — all mailings of the campaign (filter on
    /// scheduledTime yourself; the date parameters are not vendor-documented).
    std::vector<Mailing> mailings(std::int64_t campaignId) const;
    /// GET /customfield.
    std::vector<CustomField> customFields() const;
    /// GET {reportBaseUrl}/{site}/ExternalDownload.do?siteID=&mailingID=&type=
    /// streamed into `sink` (Basic auth instead of user/token in the URL, so
    /// the password never lands in a URL). Throws like every call; a sink that
    /// returns false from write() ends the download without an exception.
    void downloadReport(const ReportRequest& request, sdk::BodySink& sink) const;

    // ---- writes the export job will use ----
    /// POST /list; returns the created list.
    ListInfo createList(const std::string& title, const std::string& channel = "E") const;
    /// POST /importtemplate; returns the new importTemplateId.
    std::int64_t createImportTemplate(const ImportTemplateSpec& spec) const;
    /// POST /import with rows already joined by the template's delimiter.
    ImportStatus startImport(std::int64_t importTemplateId, const std::vector<std::string>& rows) const;
    /// GET /import/{id}.
    ImportStatus importStatus(std::int64_t importId) const;
    /// GET /import?importTemplateId= — the imports of one template.
    std::vector<ImportStatus> importsOfTemplate(std::int64_t importTemplateId) const;
    /// POST /listsubscription {recipientId, listId, status} (NORMAL or UNSUB).
    void setSubscription(std::int64_t recipientId, std::int64_t listId, const std::string& status) const;

    // ---- reads the export job uses to verify what its state remembers ----
    /// GET /list/{id} — nullopt when the list does not exist (404).
    std::optional<ListInfo> list(std::int64_t listId) const;
    /// GET /importtemplate/{id} — nullopt when the template does not exist
    /// (404); `importTemplateId` is set, `listIds` and `columnNames` as stored.
    std::optional<ImportTemplateInfo> importTemplate(std::int64_t importTemplateId) const;
    /// GET /listsubscription/{listId}/{recipientId} — nullopt when the
    /// recipient is not subscribed to the list (404 "Subscription not found").
    std::optional<Subscription> subscription(std::int64_t listId, std::int64_t recipientId) const;

    /// The failure a response represents, or nullopt for a success. Public so
    /// the classification is testable without a server.
    static std::optional<PostupException> classify(const sdk::HttpResponse& response);
    /// "Basic base64(user:password)".
    static std::string basicAuth(const std::string& username, const std::string& password);

private:
    sdk::HttpResponse send(const std::string& method, const std::string& url, const std::string& body,
                           sdk::BodySink* sink = nullptr) const;
    Poco::Dynamic::Var getJson(const std::string& pathAndQuery) const;
    Poco::Dynamic::Var sendJson(const std::string& method, const std::string& path, const std::string& body) const;

    sdk::HttpTransport& _transport;
    std::string _apiBaseUrl;
    std::string _authorization;
    std::int64_t _timeoutMs;
};

} // namespace jobhost::plugins::postup
