// jobhost postup plugin — ExportState.h
// What the export job keeps in the host's job state between calls.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::plugins::postup {

/// An import whose result has not been handed back to the host yet. Saved
/// BEFORE the POST /import with importId 0 (an intent: the template, the row
/// count and the newest import id known before it), and again with the
/// import id once PostUp answered. A crash (or a lost answer) between the two
/// finds the import among GET /import?importTemplateId= — the first one newer
/// than afterImportId with rowCount records — instead of importing twice.
struct PendingImport {
    std::int64_t importId = 0;         ///< 0 = POST sent (or about to be), answer not recorded
    std::vector<std::int64_t> itemIds; ///< host outbox ids of the rows, in row order
    std::int64_t startedAtMs = 0;
    std::int64_t templateId = 0;       ///< the template the rows went through
    std::int64_t rowCount = 0;
    std::int64_t afterImportId = 0;    ///< ExportState::lastImportId when the POST was sent
};

/// The export job's durable state, stored as JSON text:
/// `{"version":2,"listId":12,"listTitle":"h + a","importTemplateId":7,
///   "templateColumns":"Recips.ADDRESS,...","templateListId":12,
///   "partialTemplates":{"Recips.ADDRESS,Demographics.FirstName":9},
///   "unsubTemplateId":8,"unsubTemplateListId":12,
///   "pendingImports":[{"importId":5012,"itemIds":[1,2],"startedAtMs":...,
///     "templateId":7,"rowCount":2,"afterImportId":5011}],"lastImportId":5012}`.
/// Version 1 kept one `"pendingImport"` object; parse() still reads it.
/// Unknown members are ignored, missing ones are empty. Plain value.
struct ExportState {
    std::int64_t listId = 0;          ///< 0 = not resolved yet
    std::string listTitle;            ///< title the list was found or created under
    std::int64_t importTemplateId = 0;///< 0 = not created yet
    std::string templateColumns;      ///< columnNames the template was created with
    std::int64_t templateListId = 0;  ///< list the template subscribes to
    std::int64_t unsubTemplateId = 0; ///< UNSUB-type template for exits (only when /listsubscription is forbidden)
    std::int64_t unsubTemplateListId = 0;
    /// Templates with only some of the mapped columns (rows whose profile
    /// lacks a mapped field are imported without that column, so PostUp
    /// keeps its value): columnNames → template id, all on templateListId.
    std::map<std::string, std::int64_t> partialTemplates;
    /// Imports of the last delivery (one per column set), oldest first.
    std::vector<PendingImport> pendingImports;
    /// The newest import id this job has started (PostUp's ids grow).
    std::int64_t lastImportId = 0;

    /// Parses state text; empty or unparsable text gives the empty state
    /// (a corrupt state only costs a re-lookup of list and template).
    static ExportState parse(const std::string& text);
    std::string toJson() const;
};

} // namespace jobhost::plugins::postup
