// jobhost postup plugin — ImportTemplateBuilder.h
// Field mapping → import template columns and delimited data rows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "client/ApiTypes.h"

namespace jobhost::plugins::postup {

/// One data column after the address: a profile field written into a
/// PostUp demographic (a default field such as FirstName or a custom field).
struct TemplateColumn {
    std::string profileField;
    std::string postupField; ///< canonical PostUp name ("FirstName", "_City", "LoyaltyPoints")
};

/// Builds the export's import template (columns `Recips.ADDRESS` then one
/// `Demographics.<field>` per mapping, tab-delimited) and its rows.
///
/// Mapping rules: a target that names one of the 18 default demographic
/// fields (case-insensitively, a leading '_' optional: "firstName",
/// "city") maps to it without a lookup; any other target must be an active
/// custom field of the site (title compared case-insensitively) whose type
/// is neither CURRENCY nor SINGLE_CHARACTER.
///
/// Immutable value; thread-safe; never throws.
class ImportTemplateBuilder {
public:
    /// The canonical default field for `name`, or nullopt when it is not one.
    static std::optional<std::string> standardField(const std::string& name);
    /// True when some mapping target is not a default field, i.e. the
    /// mapping can only be checked against GET /customfield.
    static bool needsCustomFields(const std::vector<std::pair<std::string, std::string>>& mappings);

    /// Resolves the (profile field, PostUp field) mappings. Returns nullopt
    /// with `error` naming the offending field when a target is unknown,
    /// inactive, or of an unsupported type, or when two mappings write the
    /// same PostUp field.
    static std::optional<ImportTemplateBuilder> tryBuild(const std::vector<std::pair<std::string, std::string>>& mappings,
                                                         const std::vector<CustomField>& customFields, std::string& error);

    const std::vector<TemplateColumn>& columns() const { return _columns; }
    /// This mapping without the columns whose profile field is absent from
    /// `fields` (a present field, even an empty one, keeps its column).
    /// PostUp changes only the demographics an import names (postup-api.md
    /// §6.3: "only the pairs sent are changed"), so importing a profile that
    /// lacks a mapped field through the restricted template leaves the
    /// recipient's value alone instead of blanking it with an empty cell.
    ImportTemplateBuilder restrictedTo(const std::map<std::string, std::string>& fields) const;
    /// "Recips.ADDRESS,Demographics.FirstName,..." in column order.
    std::string columnNames() const;
    /// The POST /importtemplate body for a NORMAL template subscribing to `listId`.
    ImportTemplateSpec spec(const std::string& title, std::int64_t listId) const;
    /// One tab-delimited row: the address, then each column's profile value
    /// (empty when the profile lacks it — use restrictedTo() first to leave
    /// such columns out). A cell holding a tab, a quote, CR
    /// or LF is wrapped in double quotes with inner quotes doubled.
    std::string row(const std::string& address, const std::map<std::string, std::string>& fields) const;

private:
    explicit ImportTemplateBuilder(std::vector<TemplateColumn> columns) : _columns(std::move(columns)) {}

    std::vector<TemplateColumn> _columns;
};

} // namespace jobhost::plugins::postup
