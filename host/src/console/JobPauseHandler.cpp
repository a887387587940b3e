// jobhost host — JobPauseHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobPauseHandler.h"

#include <Poco/Data/Transaction.h>

#include "console/ConsoleAudit.h"
#include "console/JobForm.h"
#include "console/JobView.h"
#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void JobPauseHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    JobRepository jobs(session);
    JobRecord job = jobs.get(request.param("name"));
    if (job.enabled) {
        Poco::Int64 now = ConsoleAudit::nowMs();
        Poco::JSON::Object::Ptr before = JobView::load(session, job, _services.pPlugins);
        job.enabled = false;
        job.updatedAt = now;
        Poco::Data::Transaction transaction(session);
        jobs.update(job);
        JobForm::reschedule(jobs, job.id, job, now);
        ConsoleAudit::record(session, request.actor(), "pause", "job", job.name, {"enabled"}, before,
                             JobView::load(session, job, _services.pPlugins));
        transaction.commit();
    }
    JsonResponse::send(response, 200, JobView::load(session, job, _services.pPlugins));
}

} // namespace jobhost::host
