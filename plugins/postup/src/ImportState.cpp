// jobhost postup plugin — ImportState.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ImportState.h"

#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>

#include "client/JsonFields.h"

namespace jobhost::plugins::postup {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char* ImportState::phaseName(Phase phase) {
    switch (phase) {
    case Phase::Users: return "users";
    case Phase::Activity: return "activity";
    case Phase::Idle: return "idle";
    }
    return "idle";
}

std::string ImportState::toJson() const {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("version", 1);
    o.set("phase", std::string(phaseName(phase)));
    o.set("lastUsersImportMs", Poco::Int64(lastUsersImportMs));
    o.set("usersEpochMs", Poco::Int64(usersEpochMs));
    Array::Ptr lists = new Array;
    for (auto id : listsDone) lists->add(Poco::Int64(id));
    o.set("listsDone", lists);
    o.set("currentListId", Poco::Int64(currentListId));
    o.set("lastRecipientId", Poco::Int64(lastRecipientId));
    o.set("activityAnchorMs", Poco::Int64(activityAnchorMs));
    Object::Ptr reports = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [mailing, bits] : reportsDone) reports->set(std::to_string(mailing), bits);
    o.set("reportsDone", reports);
    o.set("lastActivityImportMs", Poco::Int64(lastActivityImportMs));
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

ImportState ImportState::fromJson(const std::string& json) {
    ImportState s;
    if (json.empty()) return s;
    Object::Ptr o;
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(json);
        if (value.type() == typeid(Object::Ptr)) o = value.extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("stored state is not JSON: " + e.displayText());
    }
    if (!o || JsonFields::integer(*o, "version").value_or(0) != 1)
        throw std::invalid_argument("stored state is not a version 1 PostUp import state");
    const auto phase = JsonFields::text(*o, "phase");
    if (phase == "users") s.phase = Phase::Users;
    else if (phase == "activity") s.phase = Phase::Activity;
    else if (phase == "idle") s.phase = Phase::Idle;
    else throw std::invalid_argument("stored state has unknown phase \"" + phase + "\"");
    s.lastUsersImportMs = JsonFields::integer(*o, "lastUsersImportMs").value_or(0);
    s.usersEpochMs = JsonFields::integer(*o, "usersEpochMs").value_or(0);
    if (auto lists = o->getArray("listsDone"))
        for (std::size_t i = 0; i < lists->size(); ++i) s.listsDone.insert(lists->getElement<Poco::Int64>(static_cast<unsigned>(i)));
    s.currentListId = JsonFields::integer(*o, "currentListId").value_or(0);
    s.lastRecipientId = JsonFields::integer(*o, "lastRecipientId").value_or(0);
    s.activityAnchorMs = JsonFields::integer(*o, "activityAnchorMs").value_or(0);
    if (auto reports = o->getObject("reportsDone")) {
        for (const auto& [key, value] : *reports) {
            Poco::Int64 mailing = 0;
            if (!Poco::NumberParser::tryParse64(key, mailing)) throw std::invalid_argument("stored state has a bad mailing id");
            s.reportsDone[mailing] = static_cast<unsigned>(JsonFields::integer(*reports, key).value_or(0)) & kAllReportBits;
        }
    }
    s.lastActivityImportMs = JsonFields::integer(*o, "lastActivityImportMs").value_or(0);
    return s;
}

} // namespace jobhost::plugins::postup
