// jobhost host — ExportReplayHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ExportReplayHandler.h"

#include "util/JsonDocument.h"

#include <cmath>
#include <optional>

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Transaction.h>
#include <Poco/JSON/Array.h>

#include "console/ApiException.h"
#include "console/ConsoleAudit.h"
#include "console/ExportView.h"
#include "console/FormErrors.h"
#include "console/JsonResponse.h"
#include "exports/DeadLetterReplayer.h"
#include "exports/DeadLetterRepository.h"
#include "store/Store.h"

namespace jobhost::host {
namespace {

/// What the body asks for: one dead letter or all of them.
struct ReplayRequest {
    std::optional<Poco::Int64> id;
    bool all = false;
};

/// Validates {"id": N} | {"all": true}; throws ApiException(400) naming the field.
ReplayRequest readBody(const Poco::JSON::Object::Ptr& body) {
    FormErrors errors;
    errors.refuseUnknown(body, "", {"all", "id"});
    ReplayRequest r;
    const bool hasId = body->has("id") && !body->get("id").isEmpty();
    const bool hasAll = body->has("all") && !body->get("all").isEmpty();
    if (hasId == hasAll) errors.add("id", hasId ? "give either \"id\" or \"all\", not both" : "required: the dead letter's id (or \"all\": true)");
    if (hasId) {
        const Poco::Dynamic::Var& v = body->get("id");
        // 18446744073709551615 used to throw Poco::RangeException here (a 500).
        if (auto id = JsonDocument::asInt64(v); id && *id > 0)
            r.id = *id;
        else
            errors.add("id", "expected a positive integer");
    }
    if (hasAll) {
        const Poco::Dynamic::Var& v = body->get("all");
        if (!v.isBoolean() || !v.convert<bool>()) errors.add("all", "expected true (or give \"id\" instead)");
        else r.all = true;
    }
    errors.raiseIfAny();
    return r;
}

} // namespace

void ExportReplayHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const Store& db = store();
    std::string job = request.param("job");
    Poco::Data::Session session = db.openSession();
    ExportView::load(session, _services.pPlugins, job); // 404 for anything but an export, before the body
    ReplayRequest wanted = readBody(request.jsonBody());

    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
    std::int64_t replayed = 0;
    try {
        Poco::Data::Transaction transaction(session);
        exports::DeadLetterRepository letters(session);
        const std::int64_t before = letters.count(job);
        Poco::Int64 now = ConsoleAudit::nowMs();
        exports::DeadLetterReplayer replayer(session); // joins this transaction
        if (wanted.id) {
            if (!replayer.replay(job, *wanted.id, now))
                throw ApiException(404, "export \"" + job + "\" has no dead letter " + std::to_string(*wanted.id), "id");
            ids->add(*wanted.id);
            replayed = 1;
        } else {
            for (const auto& letter : letters.list(job, 1000)) ids->add(letter.id); // the first ids, for the audit row
            replayed = static_cast<std::int64_t>(replayer.replayAll(job, now));
        }
        Poco::JSON::Object::Ptr beforeView = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        beforeView->set("deadLetters", before);
        Poco::JSON::Object::Ptr afterView = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        afterView->set("deadLetters", letters.count(job));
        afterView->set("replayed", replayed);
        afterView->set("ids", ids);
        ConsoleAudit::record(session, request.actor(), "replay", "export", job, {"dead_letters"}, beforeView, afterView);
        transaction.commit();
    } catch (const Poco::Data::SQLite::DBLockedException&) {
        response.set("Retry-After", "1");
        throw ApiException(503, "the store is busy with another writer (an export batch?); try the replay again");
    }

    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("job", job);
    body->set("replayed", replayed);
    body->set("ids", ids);
    body->set("export", ExportView::load(session, _services.pPlugins, job));
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
