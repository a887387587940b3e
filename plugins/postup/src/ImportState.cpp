// jobhost postup plugin — ImportState.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ImportState.h"

#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>

#include "client/JsonFields.h"

namespace jobhost::plugins::postup {

using Poco::JSON::Object;

const char* ImportState::phaseName(Phase phase) {
    switch (phase) {
    case Phase::Running: return "running";
    case Phase::Idle: return "idle";
    }
    return "idle";
}

std::string ImportState::toJson() const {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("version", 2);
    o.set("phase", std::string(phaseName(phase)));
    o.set("lastUsersImportMs", Poco::Int64(lastUsersImportMs));
    o.set("usersEpochMs", Poco::Int64(usersEpochMs));
    o.set("usersActive", usersActive);
    o.set("usersWatermark", Poco::Int64(usersWatermark));
    o.set("activityAnchorMs", Poco::Int64(activityAnchorMs));
    o.set("activityActive", activityActive);
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
    const auto version = o ? JsonFields::integer(*o, "version").value_or(0) : 0;
    if (version != 1 && version != 2)
        throw std::invalid_argument("stored state is not a version 1 or 2 PostUp import state");
    const auto phase = JsonFields::text(*o, "phase");
    if (phase == "idle") {
        s.phase = Phase::Idle;
    } else if (version == 2 && phase == "running") {
        s.phase = Phase::Running;
        s.usersActive = JsonFields::boolean(*o, "usersActive", false);
        s.activityActive = JsonFields::boolean(*o, "activityActive", false);
    } else if (version == 1 && phase == "users") {
        s.phase = Phase::Running; // resumed from watermark 0; activity follows next cycle
        s.usersActive = true;
    } else if (version == 1 && phase == "activity") {
        s.phase = Phase::Running;
        s.activityActive = true;
    } else {
        throw std::invalid_argument("stored state has unknown phase \"" + phase + "\"");
    }
    s.lastUsersImportMs = JsonFields::integer(*o, "lastUsersImportMs").value_or(0);
    s.usersEpochMs = JsonFields::integer(*o, "usersEpochMs").value_or(0);
    if (version == 2) s.usersWatermark = JsonFields::integer(*o, "usersWatermark").value_or(0);
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
