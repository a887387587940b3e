// jobhost postup plugin — ExportState.cpp
// SPDX-License-Identifier: Apache-2.0
#include "export/ExportState.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "client/JsonFields.h"

namespace jobhost::plugins::postup {

ExportState ExportState::parse(const std::string& text) {
    ExportState s;
    if (text.empty()) return s;
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(text);
        if (value.type() != typeid(Poco::JSON::Object::Ptr)) return s;
        auto o = value.extract<Poco::JSON::Object::Ptr>();
        s.listId = JsonFields::integer(*o, "listId").value_or(0);
        s.listTitle = JsonFields::text(*o, "listTitle");
        s.importTemplateId = JsonFields::integer(*o, "importTemplateId").value_or(0);
        s.templateColumns = JsonFields::text(*o, "templateColumns");
        s.templateListId = JsonFields::integer(*o, "templateListId").value_or(0);
        s.unsubTemplateId = JsonFields::integer(*o, "unsubTemplateId").value_or(0);
        s.unsubTemplateListId = JsonFields::integer(*o, "unsubTemplateListId").value_or(0);
        s.lastImportId = JsonFields::integer(*o, "lastImportId").value_or(0);
        if (auto partial = o->getObject("partialTemplates"))
            for (const auto& [columns, id] : *partial)
                if (id.convert<Poco::Int64>() > 0) s.partialTemplates[columns] = id.convert<Poco::Int64>();
        auto readPending = [&s](const Poco::JSON::Object& p) {
            PendingImport pending;
            pending.importId = JsonFields::integer(p, "importId").value_or(0);
            pending.startedAtMs = JsonFields::integer(p, "startedAtMs").value_or(0);
            pending.templateId = JsonFields::integer(p, "templateId").value_or(0);
            pending.rowCount = JsonFields::integer(p, "rowCount").value_or(0);
            pending.afterImportId = JsonFields::integer(p, "afterImportId").value_or(0);
            if (auto ids = p.getArray("itemIds"))
                for (std::size_t i = 0; i < ids->size(); ++i) pending.itemIds.push_back(ids->get(static_cast<unsigned>(i)).convert<Poco::Int64>());
            if (pending.importId > 0 || (pending.templateId > 0 && pending.rowCount > 0)) s.pendingImports.push_back(std::move(pending));
        };
        if (auto p = o->getObject("pendingImport")) readPending(*p); // version 1
        if (auto list = o->getArray("pendingImports"))
            for (std::size_t i = 0; i < list->size(); ++i)
                if (auto p = list->getObject(static_cast<unsigned>(i))) readPending(*p);
    } catch (const Poco::Exception&) {
        return ExportState{};
    } catch (const std::exception&) {
        return ExportState{};
    }
    return s;
}

std::string ExportState::toJson() const {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("version", 2);
    o.set("listId", Poco::Int64(listId));
    o.set("listTitle", listTitle);
    o.set("importTemplateId", Poco::Int64(importTemplateId));
    o.set("templateColumns", templateColumns);
    o.set("templateListId", Poco::Int64(templateListId));
    if (unsubTemplateId > 0) {
        o.set("unsubTemplateId", Poco::Int64(unsubTemplateId));
        o.set("unsubTemplateListId", Poco::Int64(unsubTemplateListId));
    }
    if (!partialTemplates.empty()) {
        Poco::JSON::Object::Ptr partial = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const auto& [columns, id] : partialTemplates) partial->set(columns, Poco::Int64(id));
        o.set("partialTemplates", partial);
    }
    if (!pendingImports.empty()) {
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& pending : pendingImports) {
            Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            p->set("importId", Poco::Int64(pending.importId));
            Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
            for (auto id : pending.itemIds) ids->add(Poco::Int64(id));
            p->set("itemIds", ids);
            p->set("startedAtMs", Poco::Int64(pending.startedAtMs));
            if (pending.templateId > 0) {
                p->set("templateId", Poco::Int64(pending.templateId));
                p->set("rowCount", Poco::Int64(pending.rowCount));
                p->set("afterImportId", Poco::Int64(pending.afterImportId));
            }
            list->add(p);
        }
        o.set("pendingImports", list);
    }
    if (lastImportId > 0) o.set("lastImportId", Poco::Int64(lastImportId));
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o, out);
    return out.str();
}

} // namespace jobhost::plugins::postup
