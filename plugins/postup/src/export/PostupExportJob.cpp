// jobhost postup plugin — PostupExportJob.cpp
// SPDX-License-Identifier: Apache-2.0
#include "export/PostupExportJob.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "client/PostupClient.h"
#include "client/PostupException.h"
#include "ParallelRunner.h"
#include "export/EmailAddress.h"

namespace jobhost::plugins::postup {
namespace {

using sdk::ChangeKind;
using sdk::FailureClass;
using sdk::ItemResult;
using sdk::ItemStatus;
using sdk::Outcome;


std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

ItemResult itemResult(std::int64_t id, ItemStatus status, std::string message = {}, std::optional<std::int64_t> retryAfterMs = {}) {
    ItemResult r;
    r.itemId = id;
    r.status = status;
    r.message = std::move(message);
    r.retryAfterMs = retryAfterMs;
    return r;
}

/// Per-item result for a failed call: transient → RetryLater, else Rejected.
ItemResult failedItem(std::int64_t id, const PostupException& e) {
    if (e.transient()) return itemResult(id, ItemStatus::RetryLater, std::string("PostUp: ") + e.what(), e.retryAfterMs());
    return itemResult(id, ItemStatus::Rejected, std::string("PostUp: ") + e.what());
}

bool isAuth(const PostupException& e) {
    return e.kind() == ApiErrorKind::BadCredentials || e.kind() == ApiErrorKind::Forbidden;
}

std::string counters(const ImportStatus& s) {
    return "import " + std::to_string(s.importId) + ": total " + std::to_string(s.totalRecords) + ", new " +
           std::to_string(s.newRecords) + ", updated " + std::to_string(s.updatedRecords) + ", invalidRemoved " +
           std::to_string(s.invalidRemoved) + ", blockedDomain " + std::to_string(s.blockedDomain) + ", purged " +
           std::to_string(s.purged) + ", suppressed " + std::to_string(s.suppressed);
}

/// Sleeps `ms` in short steps; false when the host cancelled meanwhile.
bool pause(sdk::ExportContext& context, std::int64_t ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < end) {
        if (context.cancelled()) return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(left, std::chrono::milliseconds(50)));
    }
    return !context.cancelled();
}

} // namespace

Outcome PostupExportJob::outcomeFor(const PostupException& e) {
    switch (e.kind()) {
    case ApiErrorKind::Transport:
    case ApiErrorKind::Server:
    case ApiErrorKind::BadResponse:
    case ApiErrorKind::Throttled:
        return Outcome::retry(std::string("PostUp: ") + e.what(), e.retryAfterMs());
    case ApiErrorKind::BadCredentials:
        return Outcome::fail(FailureClass::Auth, "PostUp rejected the username or password (HTTP 401: " + e.message() + ")");
    case ApiErrorKind::Forbidden:
        return Outcome::fail(FailureClass::Auth, "PostUp user lacks the privilege to " +
                                                     (e.operation().empty() ? std::string("perform this operation") : e.operation()) +
                                                     " (HTTP 403); ask the PostUp site administrator to grant it");
    case ApiErrorKind::NotFound:
    case ApiErrorKind::BadRequest:
    case ApiErrorKind::Conflict:
        break;
    }
    return Outcome::fail(FailureClass::Remote, std::string("PostUp: ") + e.what());
}

bool PostupExportJob::saveState(sdk::ExportContext& context, const ExportState& state) const {
    if (context.saveState(state.toJson())) return true;
    context.logger().warning("the host refused to store the export state; a crash now may repeat the last PostUp call");
    return false;
}

Outcome PostupExportJob::prepare(sdk::ExportContext& context) {
    _prepared.reset();
    try {
        return doPrepare(context);
    } catch (const PostupException& e) {
        return outcomeFor(e);
    } catch (const std::exception& e) {
        return Outcome::fail(FailureClass::Remote, std::string("internal error in the PostUp export: ") + e.what());
    } catch (...) {
        return Outcome::fail(FailureClass::Remote, "internal error in the PostUp export");
    }
}

Outcome PostupExportJob::doPrepare(sdk::ExportContext& context) {
    ExportConfig config;
    try {
        config = ExportConfig::fromJson(context.configJson(), context.credentials());
    } catch (const std::invalid_argument& e) {
        return Outcome::fail(FailureClass::Config, e.what());
    }
    PostupClient client(context.http(), config.apiBaseUrl, config.username, config.password);

    // 1. Field mappings, before any write call.
    std::vector<CustomField> customFields;
    if (ImportTemplateBuilder::needsCustomFields(config.fieldMappings)) customFields = client.customFields();
    std::string error;
    auto builder = ImportTemplateBuilder::tryBuild(config.fieldMappings, customFields, error);
    if (!builder) return Outcome::fail(FailureClass::Config, error);

    // 2. The list.
    ExportState state = ExportState::parse(context.loadState());
    const std::int64_t listId = resolveList(client, context, config, state, error);
    if (listId == 0) return Outcome::fail(FailureClass::Config, error);

    // 3. The import template.
    const std::int64_t templateId = ensureTemplate(client, context, *builder, listId, state, false);
    if (!saveState(context, state)) return Outcome::retry("the host refused to store the export state");
    context.logger().info("PostUp export of audience \"" + config.audience + "\" ready: list " + std::to_string(listId) +
                          ", import template " + std::to_string(templateId) + " (" + builder->columnNames() + ")");
    _prepared = Prepared{std::move(config), listId, templateId, std::move(*builder)};
    return Outcome::ok();
}

std::int64_t PostupExportJob::resolveList(const PostupClient& client, sdk::ExportContext& context, const ExportConfig& config,
                                          ExportState& state, std::string& error) {
    if (config.listId) {
        auto list = client.list(*config.listId);
        if (!list) {
            error = "list: PostUp list " + std::to_string(*config.listId) + " does not exist; fix \"list\" or leave it empty";
            return 0;
        }
        state.listId = list->listId;
        state.listTitle = list->title;
        return list->listId;
    }
    const std::string title = config.listTitle(context.hostName());
    if (state.listId > 0 && state.listTitle == title) {
        if (auto list = client.list(state.listId)) return list->listId;
    }
    std::int64_t found = 0;
    for (const auto& list : client.lists())
        if (list.title == title && (found == 0 || list.listId < found)) found = list.listId;
    if (found == 0) {
        found = client.createList(title).listId;
        context.logger().info("created PostUp list " + std::to_string(found) + " \"" + title + "\"");
    }
    state.listId = found;
    state.listTitle = title;
    saveState(context, state); // a created list must be found again after a crash
    return found;
}

std::int64_t PostupExportJob::ensureTemplate(const PostupClient& client, sdk::ExportContext& context, const ImportTemplateBuilder& builder,
                                             std::int64_t listId, ExportState& state, bool forceNew) {
    const std::string columns = builder.columnNames();
    if (!forceNew && state.importTemplateId > 0 && state.templateColumns == columns && state.templateListId == listId) {
        try {
            auto existing = client.importTemplate(state.importTemplateId);
            if (existing && existing->active && existing->columnNames == columns) return state.importTemplateId;
        } catch (const PostupException& e) {
            if (e.kind() != ApiErrorKind::Forbidden) throw;
            return state.importTemplateId; // may not read templates: trust the state
        }
    }
    const std::string title = (state.listTitle.empty() ? "list " + std::to_string(listId) : state.listTitle) + " (jobhost export)";
    state.importTemplateId = client.createImportTemplate(builder.spec(title, listId));
    state.templateColumns = columns;
    if (state.templateListId != listId) state.partialTemplates.clear(); // they subscribe to the old list
    state.templateListId = listId;
    saveState(context, state);
    context.logger().info("created PostUp import template " + std::to_string(state.importTemplateId) + " for list " +
                          std::to_string(listId));
    return state.importTemplateId;
}

std::optional<ImportStatus> PostupExportJob::waitForImport(const PostupClient& client, sdk::ExportContext& context,
                                                           std::int64_t importId) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kMaxImportWaitMs);
    for (;;) {
        ImportStatus status = client.importStatus(importId);
        if (status.status == "DONE") return status;
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        if (!pause(context, _prepared->config.importPollIntervalMs)) return std::nullopt;
    }
}

bool PostupExportJob::optedOut(const Recipient& recipient) {
    const std::string status = lower(recipient.status);
    return status == "o" || status == "optout";
}

void PostupExportJob::attribute(const PostupClient& client, const ImportStatus& status, std::size_t rows, const Addressed& items,
                                Results& results) const {
    const bool allApplied = status.newRecords + status.updatedRecords >= static_cast<std::int64_t>(rows);
    if (allApplied && status.updatedRecords == 0) {
        // Every row created a recipient: new recipients are NORMAL and subscribed.
        for (const auto& [id, address] : items) results[id] = itemResult(id, ItemStatus::Delivered);
        return;
    }
    // Existing recipients were updated, or some rows were dropped (blocked
    // domain, purge/suppression list, a syntax PostUp refused). The counters
    // do not say which rows, and an update of an opted-out recipient counts
    // as "updated" although PostUp does not subscribe it (postup-api.md §6.2,
    // §7.2: OPTOUT cannot be resubscribed) — so look at each row's recipient.
    std::vector<ItemResult> checked(items.size());
    ParallelRunner::forEach(items.size(), kVerifyThreads, [&](std::size_t i) {
        const auto& [id, address] = items[i];
        try {
            auto recipient = client.recipientByAddress(address);
            if (recipient && optedOut(*recipient)) {
                checked[i] = itemResult(id, ItemStatus::Skipped, kOptedOutReason);
                return;
            }
            if (recipient && allApplied) {
                checked[i] = itemResult(id, ItemStatus::Delivered);
                return;
            }
            std::optional<Subscription> subscription;
            if (recipient) subscription = client.subscription(_prepared->listId, recipient->recipientId);
            if (subscription && lower(subscription->status.empty() ? subscription->listStatus : subscription->status) == "normal")
                checked[i] = itemResult(id, ItemStatus::Delivered);
            else
                checked[i] = itemResult(id, ItemStatus::Rejected,
                                        "PostUp did not add the address to list " + std::to_string(_prepared->listId) + " (" +
                                            counters(status) + ")");
        } catch (const PostupException& e) {
            checked[i] = failedItem(id, e);
        }
    });
    for (std::size_t i = 0; i < items.size(); ++i) results[items[i].first] = checked[i];
}

std::int64_t PostupExportJob::templateFor(const PostupClient& client, sdk::ExportContext& context, ExportState& state,
                                         const ImportTemplateBuilder& columns) {
    const std::string names = columns.columnNames();
    if (names == _prepared->builder.columnNames()) return _prepared->templateId;
    if (state.templateListId == _prepared->listId)
        if (auto it = state.partialTemplates.find(names); it != state.partialTemplates.end()) return it->second;
    const std::string title = (state.listTitle.empty() ? "list " + std::to_string(_prepared->listId) : state.listTitle) +
                              " (jobhost export, " + std::to_string(columns.columns().size()) + " of " +
                              std::to_string(_prepared->builder.columns().size()) + " fields)";
    const std::int64_t id = client.createImportTemplate(columns.spec(title, _prepared->listId));
    state.partialTemplates[names] = id;
    saveState(context, state);
    context.logger().info("created PostUp import template " + std::to_string(id) + " for rows without some mapped fields (" + names + ")");
    return id;
}

std::optional<ImportStatus> PostupExportJob::startImport(const PostupClient& client, sdk::ExportContext& context, ExportState& state,
                                                         const ImportTemplateBuilder& columns, const Addressed& items,
                                                         const std::vector<std::string>& rows) {
    const bool full = columns.columnNames() == _prepared->builder.columnNames();
    // The intent goes to the state before the POST: if the answer is lost (a
    // crash, a reset or truncated response after PostUp took the rows), the
    // next attempt finds this import instead of sending the rows twice.
    auto post = [&](std::int64_t templateId) {
        PendingImport intent;
        intent.startedAtMs = context.nowMs();
        intent.templateId = templateId;
        intent.rowCount = static_cast<std::int64_t>(rows.size());
        intent.afterImportId = state.lastImportId;
        for (const auto& [id, address] : items) intent.itemIds.push_back(id);
        state.pendingImports.push_back(intent);
        if (!saveState(context, state)) {
            state.pendingImports.pop_back();
            throw PostupException(ApiErrorKind::Transport, 0, "the host refused to store the export state before POST /import");
        }
        try {
            return client.startImport(templateId, rows);
        } catch (const PostupException& e) {
            const bool answerLost = e.kind() == ApiErrorKind::Transport || e.kind() == ApiErrorKind::Server;
            if (answerLost)
                if (auto found = findStartedImport(client, intent)) {
                    context.logger().info("POST /import lost its answer; PostUp has it as import " + std::to_string(found->importId));
                    return *found;
                }
            state.pendingImports.pop_back(); // PostUp has no such import
            saveState(context, state);
            throw;
        }
    };
    ImportStatus started;
    try {
        started = post(templateFor(client, context, state, columns));
    } catch (const PostupException& e) {
        if (e.kind() != ApiErrorKind::NotFound) throw;
        // The template vanished: create it again and retry once.
        if (full) _prepared->templateId = ensureTemplate(client, context, _prepared->builder, _prepared->listId, state, true);
        else state.partialTemplates.erase(columns.columnNames());
        started = post(templateFor(client, context, state, columns));
    }
    state.pendingImports.back().importId = started.importId;
    state.lastImportId = std::max(state.lastImportId, started.importId);
    saveState(context, state); // before polling: a crash from here on resumes this import
    if (started.status == "DONE") return started;
    return waitForImport(client, context, started.importId);
}

std::optional<ImportStatus> PostupExportJob::findStartedImport(const PostupClient& client, const PendingImport& pending) {
    std::optional<ImportStatus> found;
    for (const auto& import : client.importsOfTemplate(pending.templateId))
        if (import.importId > pending.afterImportId && import.totalRecords == pending.rowCount &&
            (!found || import.importId < found->importId))
            found = import;
    return found;
}

void PostupExportJob::importRows(const PostupClient& client, sdk::ExportContext& context, ExportState& state, const std::vector<ImportRow>& rows,
                                 Results& results) {
    // Resumed imports: items a crashed or interrupted delivery already sent.
    std::unordered_map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < rows.size(); ++i) position[rows[i].itemId] = i;
    std::vector<bool> covered(rows.size(), false);
    std::vector<PendingImport> pendings = state.pendingImports;
    // Imports resumed for items of this batch stay in the state: the host
    // has not recorded their results yet, and a crash before it does sends
    // this batch once more (found by scripts/chaos, kill point export-results).
    std::vector<PendingImport> kept;
    for (auto& pending : pendings) {
        if (pending.importId == 0) {
            // Sent before a crash, answer never recorded: did PostUp take it?
            auto found = findStartedImport(client, pending);
            if (!found) continue; // no: its rows are sent again below
            pending.importId = found->importId;
            state.lastImportId = std::max(state.lastImportId, found->importId);
            context.logger().info("found PostUp import " + std::to_string(found->importId) + " sent before a restart");
        }
        Addressed resumed;
        for (auto id : pending.itemIds)
            if (auto it = position.find(id); it != position.end()) {
                resumed.emplace_back(id, rows[it->second].address);
                covered[it->second] = true;
            }
        try {
            auto status = waitForImport(client, context, pending.importId);
            if (!status) {
                for (const auto& [id, address] : resumed)
                    results[id] = itemResult(id, ItemStatus::RetryLater, "PostUp import " + std::to_string(pending.importId) + " still OPEN");
                for (std::size_t i = 0; i < rows.size(); ++i)
                    if (!results.count(rows[i].itemId))
                        results[rows[i].itemId] = itemResult(rows[i].itemId, ItemStatus::RetryLater,
                                                             "waiting for the earlier PostUp import " + std::to_string(pending.importId));
                return;
            }
            if (!resumed.empty()) {
                context.logger().info("resumed PostUp import " + std::to_string(pending.importId) + " for " +
                                      std::to_string(resumed.size()) + " items delivered before a restart");
                attribute(client, *status, pending.itemIds.size(), resumed, results);
                kept.push_back(pending);
            }
        } catch (const PostupException& e) {
            if (e.kind() != ApiErrorKind::NotFound) throw;
            // The import is unknown to PostUp: send its rows again.
            for (const auto& [id, address] : resumed) covered[position[id]] = false;
        }
    }
    state.pendingImports = kept;

    // One import per column set, in the order the sets first appear.
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (covered[i]) continue;
        const std::string names = rows[i].columns.columnNames();
        auto [it, added] = groups.try_emplace(names);
        if (added) order.push_back(names);
        it->second.push_back(i);
    }
    if (order.empty()) {
        saveState(context, state);
        return;
    }
    for (const auto& names : order) {
        const auto& members = groups[names];
        Addressed items;
        std::vector<std::string> lines;
        for (auto i : members) {
            items.emplace_back(rows[i].itemId, rows[i].address);
            lines.push_back(rows[i].line);
        }
        auto status = startImport(client, context, state, rows[members.front()].columns, items, lines);
        if (!status) {
            for (const auto& [id, address] : items)
                results[id] = itemResult(id, ItemStatus::RetryLater,
                                         "PostUp import " + std::to_string(state.pendingImports.back().importId) + " still OPEN");
            continue;
        }
        attribute(client, *status, lines.size(), items, results);
    }
    // The pending imports stay in the state until the next delivery: if the
    // host crashes before recording these results, the re-delivered items
    // find them and are not imported a second time.
}

void PostupExportJob::unsubscribe(const PostupClient& client, sdk::ExportContext& context, ExportState& state, const Addressed& exits,
                                  Results& results) {
    Addressed byImport;
    for (const auto& [id, address] : exits) {
        if (!byImport.empty()) {
            byImport.emplace_back(id, address);
            continue;
        }
        try {
            auto recipient = client.recipientByAddress(address);
            if (!recipient) {
                results[id] = itemResult(id, ItemStatus::Skipped, "not a PostUp recipient; nothing to unsubscribe");
                continue;
            }
            client.setSubscription(recipient->recipientId, _prepared->listId, "UNSUB");
            results[id] = itemResult(id, ItemStatus::Delivered);
        } catch (const PostupException& e) {
            if (e.kind() == ApiErrorKind::Forbidden) {
                byImport.emplace_back(id, address); // no subscription privilege: unsubscribe through an UNSUB import
                continue;
            }
            if (isAuth(e)) throw;
            results[id] = failedItem(id, e);
        }
    }
    if (!byImport.empty()) unsubscribeByImport(client, context, state, byImport, results);
}

void PostupExportJob::unsubscribeByImport(const PostupClient& client, sdk::ExportContext& context, ExportState& state,
                                          const Addressed& exits, Results& results) {
    try {
        if (state.unsubTemplateId == 0 || state.unsubTemplateListId != _prepared->listId) {
            ImportTemplateSpec spec;
            spec.title = (state.listTitle.empty() ? "list " + std::to_string(_prepared->listId) : state.listTitle) + " (jobhost exits)";
            spec.type = "UNSUB";
            spec.columnNames = "Recips.ADDRESS";
            spec.listIds = {_prepared->listId};
            spec.sourceDescription = "jobhost audience export";
            state.unsubTemplateId = client.createImportTemplate(spec);
            state.unsubTemplateListId = _prepared->listId;
            saveState(context, state);
        }
        std::vector<std::string> rows;
        for (const auto& [id, address] : exits) rows.push_back(address);
        ImportStatus started = client.startImport(state.unsubTemplateId, rows);
        auto status = started.status == "DONE" ? std::optional<ImportStatus>(started) : waitForImport(client, context, started.importId);
        for (const auto& [id, address] : exits)
            results[id] = status ? itemResult(id, ItemStatus::Delivered) // unknown addresses (notFound) have nothing to leave
                                 : itemResult(id, ItemStatus::RetryLater, "PostUp unsubscribe import " + std::to_string(started.importId) +
                                                                            " still OPEN");
    } catch (const PostupException& e) {
        if (isAuth(e)) throw;
        for (const auto& [id, address] : exits) results[id] = failedItem(id, e);
    }
}

sdk::DeliveryResult PostupExportJob::deliver(sdk::ExportContext& context, const std::vector<sdk::ExportChange>& batch) {
    sdk::DeliveryResult result;
    try {
        if (!_prepared) {
            result.outcome = prepare(context);
            if (!result.outcome.isOk()) return result;
        }
        const Prepared& p = *_prepared;
        PostupClient client(context.http(), p.config.apiBaseUrl, p.config.username, p.config.password);
        Results results;

        // The last change per address wins inside one batch.
        std::unordered_map<std::string, std::size_t> lastFor;
        std::vector<std::string> addresses(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto& change = batch[i];
            std::string address = change.email;
            if (address.empty()) {
                auto it = change.fields.find(p.config.emailField);
                if (it != change.fields.end()) address = it->second;
            }
            addresses[i] = EmailAddress::trimmed(address);
            lastFor[addresses[i].empty() ? "profile:" + change.profileId : lower(addresses[i])] = i;
        }

        Addressed exits;
        std::vector<ImportRow> imports;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto& change = batch[i];
            const std::string& address = addresses[i];
            const std::string key = address.empty() ? "profile:" + change.profileId : lower(address);
            if (lastFor[key] != i) {
                results[change.itemId] = itemResult(change.itemId, ItemStatus::Skipped, "superseded by a later change in the same batch");
                continue;
            }
            std::string reason;
            const bool valid = EmailAddress::isValid(address, reason);
            if (change.kind == ChangeKind::Exit) {
                if (!p.config.removeOnExit)
                    results[change.itemId] = itemResult(change.itemId, ItemStatus::Skipped, "remove_on_exit is off");
                else if (!valid)
                    results[change.itemId] = itemResult(change.itemId, ItemStatus::Skipped, "no valid email address; nothing to unsubscribe");
                else
                    exits.emplace_back(change.itemId, address);
                continue;
            }
            if (!valid) {
                results[change.itemId] = itemResult(change.itemId, ItemStatus::Rejected,
                                                    address.empty() ? "invalid email address: profile field \"" + p.config.emailField + "\" is empty"
                                                                    : "invalid email address \"" + address + "\": " + reason);
                continue;
            }
            // Only the mapped fields the profile has: a missing one is left out
            // of the row (and of its template), so PostUp keeps its value.
            ImportTemplateBuilder columns = p.builder.restrictedTo(change.fields);
            std::string line = columns.row(address, change.fields);
            imports.push_back(ImportRow{change.itemId, address, std::move(columns), std::move(line)});
        }

        ExportState state = ExportState::parse(context.loadState());
        if (!imports.empty() || !state.pendingImports.empty()) {
            try {
                importRows(client, context, state, imports, results);
            } catch (const PostupException& e) {
                if (isAuth(e)) throw;
                if (!e.transient() && e.kind() != ApiErrorKind::BadRequest) throw;
                for (const auto& row : imports)
                    if (!results.count(row.itemId)) results[row.itemId] = failedItem(row.itemId, e);
            }
        }
        if (!exits.empty()) unsubscribe(client, context, state, exits, results);

        result.outcome = Outcome::ok();
        result.items.reserve(batch.size());
        for (const auto& change : batch) {
            auto it = results.find(change.itemId);
            result.items.push_back(it != results.end() ? it->second
                                                       : itemResult(change.itemId, ItemStatus::RetryLater, "not processed"));
        }
        std::size_t delivered = 0;
        for (const auto& r : result.items) delivered += r.status == ItemStatus::Delivered;
        context.progress(delivered, batch.size(), "changes");
        return result;
    } catch (const PostupException& e) {
        result.outcome = outcomeFor(e);
    } catch (const std::exception& e) {
        result.outcome = Outcome::fail(FailureClass::Remote, std::string("internal error in the PostUp export: ") + e.what());
    } catch (...) {
        result.outcome = Outcome::fail(FailureClass::Remote, "internal error in the PostUp export");
    }
    result.items.clear();
    if (result.outcome.status == sdk::OutcomeStatus::Fail) _prepared.reset(); // the host prepares again after a Fail
    return result;
}

} // namespace jobhost::plugins::postup
