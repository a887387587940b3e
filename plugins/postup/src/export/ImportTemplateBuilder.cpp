// jobhost postup plugin — ImportTemplateBuilder.cpp
// SPDX-License-Identifier: Apache-2.0
#include "export/ImportTemplateBuilder.h"

#include <cctype>
#include <set>

namespace jobhost::plugins::postup {
namespace {

// postup-api.md §6.3, in PostUp's order.
const char* const kDefaultFields[] = {"FirstName",       "LastName",         "_Address1",  "_Address2",  "_City",
                                      "_State",          "_PostalCode",      "_Country",   "_Gender",    "_DateOfBirth",
                                      "_MaritalStatus",  "_HouseHoldSize",   "_HouseHoldIncome", "_Salutation",
                                      "_HomePhone",      "_WorkPhone",       "_Profession", "_Education"};

std::string key(const std::string& name) {
    std::string out;
    for (char c : name)
        if (c != '_') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

std::string lower(const std::string& s) {
    std::string out;
    for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

std::string cell(const std::string& value) {
    if (value.find_first_of("\t\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

} // namespace

std::optional<std::string> ImportTemplateBuilder::standardField(const std::string& name) {
    const std::string k = key(name);
    if (k.empty()) return std::nullopt;
    for (const char* field : kDefaultFields)
        if (key(field) == k) return std::string(field);
    return std::nullopt;
}

bool ImportTemplateBuilder::needsCustomFields(const std::vector<std::pair<std::string, std::string>>& mappings) {
    for (const auto& [profileField, target] : mappings)
        if (!standardField(target)) return true;
    return false;
}

std::optional<ImportTemplateBuilder> ImportTemplateBuilder::tryBuild(const std::vector<std::pair<std::string, std::string>>& mappings,
                                                                   const std::vector<CustomField>& customFields, std::string& error) {
    std::vector<TemplateColumn> columns;
    std::set<std::string> targets;
    for (const auto& [profileField, target] : mappings) {
        std::string canonical;
        if (auto standard = standardField(target)) {
            canonical = *standard;
        } else {
            const CustomField* found = nullptr;
            for (const auto& f : customFields)
                if (lower(f.title) == lower(target)) found = &f;
            if (!found) {
                error = "field_mappings: PostUp field \"" + target + "\" (mapped from profile field \"" + profileField +
                        "\") is neither a default field nor a custom field of this PostUp site";
                return std::nullopt;
            }
            if (found->type == "CURRENCY" || found->type == "SINGLE_CHARACTER") {
                error = "field_mappings: PostUp custom field \"" + found->title + "\" (mapped from profile field \"" +
                        profileField + "\") has type " + found->type + ", which the PostUp export does not support";
                return std::nullopt;
            }
            if (!found->active) {
                error = "field_mappings: PostUp custom field \"" + found->title + "\" (mapped from profile field \"" +
                        profileField + "\") is inactive; activate it in PostUp or remove the mapping";
                return std::nullopt;
            }
            canonical = found->title;
        }
        if (!targets.insert(lower(canonical)).second) {
            error = "field_mappings: PostUp field \"" + canonical + "\" is the target of more than one profile field";
            return std::nullopt;
        }
        columns.push_back({profileField, canonical});
    }
    return ImportTemplateBuilder(std::move(columns));
}

ImportTemplateBuilder ImportTemplateBuilder::restrictedTo(const std::map<std::string, std::string>& fields) const {
    std::vector<TemplateColumn> present;
    for (const auto& c : _columns)
        if (fields.count(c.profileField)) present.push_back(c);
    return ImportTemplateBuilder(std::move(present));
}

std::string ImportTemplateBuilder::columnNames() const {
    std::string out = "Recips.ADDRESS";
    for (const auto& c : _columns) out += ",Demographics." + c.postupField;
    return out;
}

ImportTemplateSpec ImportTemplateBuilder::spec(const std::string& title, std::int64_t listId) const {
    ImportTemplateSpec s;
    s.title = title;
    s.type = "NORMAL";
    s.delimiter = "Tab Delimited";
    s.columnNames = columnNames();
    s.channel = "E";
    s.listIds = {listId};
    s.sourceDescription = "jobhost audience export";
    s.signupMethod = "Web Import";
    return s;
}

std::string ImportTemplateBuilder::row(const std::string& address, const std::map<std::string, std::string>& fields) const {
    std::string out = cell(address);
    for (const auto& c : _columns) {
        out.push_back('\t');
        auto it = fields.find(c.profileField);
        if (it != fields.end()) out += cell(it->second);
    }
    return out;
}

} // namespace jobhost::plugins::postup
