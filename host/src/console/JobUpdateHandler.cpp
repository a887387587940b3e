// jobhost host — JobUpdateHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobUpdateHandler.h"

#include <Poco/Data/Transaction.h>
#include <Poco/JSON/Array.h>

#include "console/ConsoleAudit.h"
#include "console/JobForm.h"
#include "console/JobView.h"
#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void JobUpdateHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const Store& db = store();
    Poco::JSON::Object::Ptr body = request.jsonBody();
    Poco::Data::Session session = db.openSession();
    JobRepository jobs(session);
    JobRecord existing = jobs.get(request.param("name"));
    JobRecord next = JobForm::read(body, *_services.pPlugins, session, existing.name);
    next.id = existing.id;
    if (!body->has("retry")) next.retry = existing.retry; // the web form has no retry block: keep what apply set
    next.createdAt = existing.createdAt;
    next.updatedAt = existing.updatedAt;

    std::vector<std::string> changed;
    if (existing.provider != next.provider) changed.push_back("provider");
    if (existing.type != next.type) changed.push_back("type");
    if (existing.authorization != next.authorization) changed.push_back("authorization");
    if (existing.configJson != next.configJson) changed.push_back("config");
    if (existing.intervalSeconds != next.intervalSeconds) changed.push_back("schedule");
    if (existing.enabled != next.enabled) changed.push_back("enabled");
    if (!(existing.retry == next.retry)) changed.push_back("retry");

    Poco::JSON::Object::Ptr view;
    if (changed.empty()) {
        view = JobView::load(session, existing, _services.pPlugins);
    } else {
        Poco::Int64 now = ConsoleAudit::nowMs();
        next.updatedAt = now;
        Poco::JSON::Object::Ptr before = JobView::load(session, existing, _services.pPlugins);
        Poco::Data::Transaction transaction(session);
        jobs.update(next);
        if (existing.intervalSeconds != next.intervalSeconds || existing.enabled != next.enabled) JobForm::reschedule(jobs, next.id, next, now);
        view = JobView::load(session, next, _services.pPlugins);
        ConsoleAudit::record(session, request.actor(), "update", "job", next.name, changed, before, view);
        transaction.commit();
    }
    Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
    for (const auto& c : changed) names->add(c);
    view->set("changed", names);
    JsonResponse::send(response, 200, view);
}

} // namespace jobhost::host
