// PipelineSnapshot.cpp — jobhost chaos harness: what one pipeline run left behind, in comparable form.
// SPDX-License-Identifier: Apache-2.0
#include "PipelineSnapshot.h"

#include "SimulatorProcess.h"

#include "profiles/ProfileCodec.h"
#include "store/StreamFieldsCodec.h"
#include "store/StreamRepository.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <vector>

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>

namespace jobhost::chaos {
namespace {

using Row = std::vector<std::string>;

/// Every row of a fixed query (no input is ever put into the SQL), NULL as "\\N".
std::vector<Row> rows(Poco::Data::Session& session, const std::string& sql) {
    Poco::Data::Statement select(session);
    select << sql;
    select.execute();
    Poco::Data::RecordSet set(select);
    std::vector<Row> out;
    for (std::size_t r = 0; r < set.rowCount(); ++r) {
        Row row;
        for (std::size_t c = 0; c < set.columnCount(); ++c) {
            const Poco::Dynamic::Var& v = set.value(c, r);
            row.push_back(v.isEmpty() ? std::string("\\N") : v.convert<std::string>());
        }
        out.push_back(std::move(row));
    }
    return out;
}

/// The stream log as rows (stream, natural key or "\\N", fields as
/// name=value lines in emit order), stream by stream in seq order.
std::vector<Row> streamLog(Poco::Data::Session& session) {
    std::vector<Row> out;
    host::StreamRepository streams(session);
    for (const auto& name : rows(session, "SELECT name FROM streams ORDER BY name")) {
        for (Poco::Int64 after = 0;;) {
            auto chunk = streams.readAfter(name[0], after, 10000);
            if (chunk.empty()) break;
            for (const auto& e : chunk) {
                std::string fields = e.fields; // JSON text of an older store as it is
                host::StreamFieldsCodec::Fields pairs;
                if (host::StreamFieldsCodec::decode(e.fields, pairs)) {
                    fields.clear();
                    for (const auto& [k, v] : pairs) fields += k + "=" + v + "\n";
                }
                out.push_back({e.stream, e.naturalKey.empty() ? std::string("\\N") : e.naturalKey, fields});
            }
            after = chunk.back().seq;
        }
    }
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string joined(const Row& row, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < row.size(); ++i) {
        if (i > from) out += '|';
        out += row[i];
    }
    return out;
}

Poco::Dynamic::Var parse(const std::pair<int, std::string>& response, const std::string& what) {
    if (response.first != 200) throw std::runtime_error(what + " answered " + std::to_string(response.first));
    return Poco::JSON::Parser().parse(response.second);
}

} // namespace

PipelineSnapshot PipelineSnapshot::capture(const std::string& storeFile, const SimulatorProcess& simulator, int seededLists,
                                           const std::string& exportJob) {
    Poco::Data::SQLite::Connector::registerConnector();
    PipelineSnapshot s;
    std::int64_t listId = 0;
    {
        Poco::Data::Session session("SQLite", storeFile);
        // A recipient snapshot is stamped with the wall time its import began
        // (postup_users natural keys "list:L:R:<epoch ms>", the records' event
        // time, profile timestamps). That time is an input, not a result: the
        // n-th snapshot's epoch becomes "<snapshot n>" everywhere, so runs at
        // different times compare equal and anything else still differs.
        const auto streamRows = streamLog(session);
        std::set<std::string> epochs;
        for (const auto& r : streamRows) {
            if (r[0] != "postup_users") continue;
            const auto colon = r[1].rfind(':');
            if (colon != std::string::npos) epochs.insert(r[1].substr(colon + 1));
        }
        std::vector<std::pair<std::string, std::string>> replacements;
        int n = 0;
        for (const auto& e : epochs) replacements.emplace_back(e, "<snapshot " + std::to_string(++n) + ">"); // ascending: same width
        auto normalized = [&](std::string text) {
            for (const auto& [from, to] : replacements)
                for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
            return text;
        };
        for (const auto& r : streamRows) ++s.streamRecords[normalized(joined(r))];

        // canonical profile of every profile id, then identity keys per canonical profile
        std::map<std::string, std::string> canonical;
        std::map<std::string, std::string> json;
        {
            // Profiles are stored as ProfileCodec bytes: compare their exact
            // JSON form (toJson round-trips every bit the codec stores), where
            // the snapshot epochs can be normalised like everywhere else.
            std::vector<Poco::Int64> ids, canonicals;
            std::vector<Poco::Nullable<Poco::Data::BLOB>> stored;
            session << "SELECT id, canonical_id, profile_json FROM profiles", Poco::Data::Keywords::into(ids),
                Poco::Data::Keywords::into(canonicals), Poco::Data::Keywords::into(stored), Poco::Data::Keywords::now;
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const std::string id = std::to_string(ids[i]);
                canonical[id] = std::to_string(canonicals[i]);
                if (stored[i].isNull()) continue;
                const auto& blob = stored[i].value();
                const std::string bytes(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
                json[id] = normalized(jobhost::host::profiles::ProfileCodec::decode(bytes).toJson());
            }
        }
        auto root = [&](std::string id) {
            for (int hops = 0; hops < 64; ++hops) {
                auto it = canonical.find(id);
                if (it == canonical.end() || it->second == id) return id;
                id = it->second;
            }
            return id;
        };
        std::map<std::string, std::vector<std::string>> identities;
        for (const auto& r : rows(session, "SELECT profile_id, field, value FROM profile_identities"))
            identities[root(r[0])].push_back(r[1] + "=" + r[2]);
        std::map<std::string, std::string> keyOf;
        for (auto& [id, ids] : identities) {
            std::sort(ids.begin(), ids.end());
            std::string key;
            for (const auto& i : ids) key += (key.empty() ? "" : ",") + i;
            keyOf[id] = key;
        }
        for (const auto& [id, text] : json) {
            if (root(id) != id) continue;
            const auto k = keyOf.find(id);
            s.profiles[k == keyOf.end() ? "(no identities) " + text : k->second] = text;
        }
        for (const auto& r : rows(session, "SELECT audience, profile_id FROM audience_memberships")) {
            const auto k = keyOf.find(root(r[1]));
            s.memberships.insert(r[0] + "|" + (k == keyOf.end() ? "(profile without identities)" : k->second));
        }
        for (const auto& r : rows(session, "SELECT name, provider, type, authorization_name, config_json, interval_seconds, enabled FROM jobs"))
            s.config["job " + r[0]] = joined(r, 1);
        for (const auto& r : rows(session, "SELECT name, provider, method, label, description, fields_json FROM authorizations"))
            s.config["authorization " + r[0]] = joined(r, 1);
        for (const auto& r : rows(session, "SELECT slug, name, filter FROM audience_definitions")) s.config["audience " + r[0]] = joined(r, 1);
        s.outboxLeft = std::stoll(rows(session, "SELECT COUNT(*) FROM export_outbox").at(0).at(0));
        s.deadLetters = std::stoll(rows(session, "SELECT COUNT(*) FROM export_dead_letters").at(0).at(0));
        for (const auto& r : rows(session, "SELECT j.name, s.state FROM job_state s JOIN jobs j ON j.id = s.job_id")) {
            if (r[0] != exportJob) continue;
            auto state = Poco::JSON::Parser().parse(r[1]).extract<Poco::JSON::Object::Ptr>();
            listId = state->optValue<Poco::Int64>("listId", 0);
        }
    }

    // Every trial has its own simulator port: config rows name it.
    const std::string port = "127.0.0.1:" + std::to_string(simulator.port());
    for (auto& [key, row] : s.config)
        for (auto at = row.find(port); at != std::string::npos; at = row.find(port, at)) row.replace(at, port.size(), "127.0.0.1:PORT");

    auto counts = parse(simulator.call("GET", "/_sim/counts"), "GET /_sim/counts").extract<Poco::JSON::Object::Ptr>();
    s.createdLists = static_cast<int>(counts->getArray("lists")->size()) - seededLists;
    if (listId > 0) {
        auto members = parse(simulator.call("GET", "/_sim/lists/" + std::to_string(listId) + "/members?status=ALL"), "list members")
                           .extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < members->size(); ++i) {
            auto m = members->getObject(static_cast<unsigned>(i));
            s.listMembers[lower(m->optValue<std::string>("address", ""))] =
                m->optValue<std::string>("listStatus", "") + "/" + m->optValue<std::string>("globalStatus", "");
        }
    }
    auto imports = parse(simulator.call("GET", "/_sim/import-rows"), "GET /_sim/import-rows").extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < imports->size(); ++i) {
        auto import = imports->getObject(static_cast<unsigned>(i));
        const std::string type = import->optValue<std::string>("templateType", "");
        auto data = import->getArray("rows");
        for (std::size_t k = 0; k < data->size(); ++k) ++s.importRows[type + "|" + data->getElement<std::string>(static_cast<unsigned>(k))];
    }
    return s;
}

} // namespace jobhost::chaos
