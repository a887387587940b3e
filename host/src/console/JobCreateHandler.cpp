// jobhost host — JobCreateHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobCreateHandler.h"

#include <Poco/Data/Transaction.h>

#include "console/ApiException.h"
#include "console/ConsoleAudit.h"
#include "console/JobForm.h"
#include "console/JobView.h"
#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void JobCreateHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const Store& db = store();
    Poco::JSON::Object::Ptr body = request.jsonBody();
    Poco::Data::Session session = db.openSession();
    JobRecord job = JobForm::read(body, *_services.pPlugins, session, "");
    JobRepository jobs(session);
    if (jobs.find(job.name))
        throw ApiException(409, "job \"" + job.name + "\" already exists; PUT /api/v1/jobs/" + job.name + " changes it", "name");
    Poco::Int64 now = ConsoleAudit::nowMs();
    job.createdAt = job.updatedAt = now;

    Poco::Data::Transaction transaction(session);
    job.id = jobs.insert(job);
    JobForm::reschedule(jobs, job.id, job, now);
    Poco::JSON::Object::Ptr view = JobView::load(session, job, _services.pPlugins);
    ConsoleAudit::record(session, request.actor(), "create", "job", job.name,
                         {"provider", "type", "authorization", "config", "schedule", "enabled", "retry"}, nullptr, view);
    transaction.commit();
    JsonResponse::send(response, 201, view);
}

} // namespace jobhost::host
