// jobhost postup plugin — PostupExportJob.h
// The "export" job type: an audience kept in sync with a PostUp list.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/ApiTypes.h"
#include "export/ExportConfig.h"
#include "export/ExportState.h"
#include "export/ImportTemplateBuilder.h"
#include "jobhost/sdk/ExportJob.h"

namespace jobhost::plugins::postup {

class PostupClient;
class PostupException;

/// Real-time export of one audience to one PostUp list (design §6,
/// mapping-semantics §9.3–§9.4, postup-api §10.3).
///
/// prepare(): reads the config; checks every field mapping (GET /customfield
/// when a target is not a default field) — an unknown or inactive field, or
/// a CURRENCY / SINGLE_CHARACTER custom field, is Fail(Config) naming it,
/// before any write call; resolves the list (the configured `list`, which
/// must exist, or the list titled list_title_template — found by GET /list
/// or created once with POST /list); creates the import template once
/// (columns follow the mapping; re-created only when the mapping or the list
/// changed or the template vanished). Ids are saved in the job state
/// (ExportState) as soon as they exist.
///
/// deliver(): per batch, the last change per address wins (earlier ones are
/// Skipped as superseded). Enters and updates with a valid address become
/// import rows holding only the mapped fields the profile has: a profile
/// that lacks a mapped field is imported through a template without that
/// column (created once per column set, kept in the state), so PostUp keeps
/// the recipient's value instead of receiving an empty cell (postup-api.md
/// §6.3). One POST /import per column set; each import id is saved in the
/// state *before* polling GET /import/{id} to DONE, and a later deliver()
/// that sees any of those items again resumes that import instead of
/// importing them twice. Only new records (new == rows) → every row
/// Delivered. Otherwise each row's recipient is looked up (GET /recipient,
/// kVerifyThreads at a time): global status OPTOUT ("O") → Skipped with
/// kOptedOutReason (PostUp updated the recipient but never subscribes an
/// opted-out one; nothing to retry); every row applied → Delivered; else
/// the list subscription decides (NORMAL → Delivered, none → Rejected with
/// the import's counters).
/// Addresses failing EmailAddress are Rejected ("invalid email address …")
/// without being sent. Exits: with remove_on_exit, POST /listsubscription
/// status UNSUB (Skipped when PostUp has no such recipient); a user without
/// the subscription privilege (Lytics' documented privilege set has only
/// list, template and import operations) falls back to one import through
/// an UNSUB-type template on the same list (created once, kept in the
/// state). Without remove_on_exit: Skipped "remove_on_exit is off". Never
/// deletes anything.
///
/// Failures: transient ones (transport, 429, 5xx, an import still OPEN
/// after the poll limit) → RetryLater for the affected items, with the
/// server's Retry-After; 401/403 → Fail(Auth); a config problem →
/// Fail(Config); other permanent errors → Rejected per item (or Fail(Remote)
/// when the whole import was refused).
///
/// Ownership: holds what prepare() resolved; the context is borrowed per
/// call. Thread-safety: the host never calls one instance concurrently; the
/// object is not internally synchronised. Never throws.
class PostupExportJob : public sdk::ExportJob {
public:
    /// How long deliver() polls one import before answering RetryLater
    /// (the import stays pending in the state and is resumed next time).
    static constexpr std::int64_t kMaxImportWaitMs = 10 * 60 * 1000;
    /// Parallel GET /recipient calls when an import's rows must be checked one by one.
    static constexpr int kVerifyThreads = 4;
    /// The Skipped reason of a row whose recipient opted out of all mail.
    static constexpr const char* kOptedOutReason =
        "PostUp recipient has opted out of all mail (global status OPTOUT): the import updated it, but PostUp does not add "
        "opted-out recipients to lists";

    sdk::Outcome prepare(sdk::ExportContext& context) override;
    sdk::DeliveryResult deliver(sdk::ExportContext& context, const std::vector<sdk::ExportChange>& batch) override;

    /// The Outcome a client failure maps to. Public for tests.
    static sdk::Outcome outcomeFor(const PostupException& error);

private:
    struct Prepared {
        ExportConfig config;
        std::int64_t listId = 0;
        std::int64_t templateId = 0;
        ImportTemplateBuilder builder;
    };
    using Results = std::map<std::int64_t, sdk::ItemResult>;
    using Addressed = std::vector<std::pair<std::int64_t, std::string>>;
    /// One enter/update as an import row: the columns it fills and its text.
    struct ImportRow {
        std::int64_t itemId = 0;
        std::string address;
        ImportTemplateBuilder columns;
        std::string line;
    };

    /// True when the recipient's global status is OPTOUT ("O").
    static bool optedOut(const Recipient& recipient);

    sdk::Outcome doPrepare(sdk::ExportContext& context);
    std::int64_t resolveList(const PostupClient& client, sdk::ExportContext& context, const ExportConfig& config, ExportState& state,
                             std::string& error);
    std::int64_t ensureTemplate(const PostupClient& client, sdk::ExportContext& context, const ImportTemplateBuilder& builder,
                                std::int64_t listId, ExportState& state, bool forceNew);
    /// Polls `importId` until DONE; nullopt when cancelled or past kMaxImportWaitMs.
    std::optional<ImportStatus> waitForImport(const PostupClient& client, sdk::ExportContext& context, std::int64_t importId) const;
    /// Delivered/Skipped/Rejected for `items` (address by item id) after a DONE import of `rows` rows.
    void attribute(const PostupClient& client, const ImportStatus& status, std::size_t rows, const Addressed& items,
                   Results& results) const;
    /// The template for `columns`: the prepared one when all mapped columns
    /// are present, else a partial template from the state, created once.
    std::int64_t templateFor(const PostupClient& client, sdk::ExportContext& context, ExportState& state,
                             const ImportTemplateBuilder& columns);
    /// POST /import of `rows` (recorded in state.pendingImports and saved
    /// before polling); the DONE status, or nullopt when it stayed OPEN.
    std::optional<ImportStatus> startImport(const PostupClient& client, sdk::ExportContext& context, ExportState& state,
                                            const ImportTemplateBuilder& columns, const Addressed& items,
                                            const std::vector<std::string>& rows);
    /// The import `pending` (an intent without import id) created, found by
    /// its template, the newest import id before it and its row count;
    /// nullopt when PostUp has no such import (the POST never arrived).
    static std::optional<ImportStatus> findStartedImport(const PostupClient& client, const PendingImport& pending);
    void importRows(const PostupClient& client, sdk::ExportContext& context, ExportState& state, const std::vector<ImportRow>& rows,
                    Results& results);
    void unsubscribe(const PostupClient& client, sdk::ExportContext& context, ExportState& state, const Addressed& exits,
                     Results& results);
    void unsubscribeByImport(const PostupClient& client, sdk::ExportContext& context, ExportState& state, const Addressed& exits,
                             Results& results);
    bool saveState(sdk::ExportContext& context, const ExportState& state) const;

    std::optional<Prepared> _prepared;
};

} // namespace jobhost::plugins::postup
