// jobhost host — SchedulerJobControl.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/SchedulerJobControl.h"

#include <Poco/Data/Transaction.h>
#include <Poco/Thread.h>

#include "console/ApiException.h"
#include "console/ConsoleAudit.h"
#include "runtime/Scheduler.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"
#include "store/Store.h"

namespace jobhost::host {

SchedulerJobControl::SchedulerJobControl(const Store& store, Scheduler* pScheduler, int waitMs)
    : _store(store), _pScheduler(pScheduler), _waitMs(waitMs) {}

Poco::Int64 SchedulerJobControl::runNow(const std::string& name) {
    Poco::Data::Session session = _store.openSession();
    JobRepository jobs(session);
    RunRepository runs(session);
    JobRecord job = jobs.get(name);
    if (!job.enabled) throw ApiException(409, "job \"" + name + "\" is paused; resume it before running it");
    std::vector<RunRecord> newest = runs.list(name, 1);
    Poco::Int64 before = newest.empty() ? 0 : newest.front().id;
    {
        Poco::Data::Transaction transaction(session);
        JobSchedule schedule = jobs.schedule(job.id);
        if (schedule.runningRunId)
            throw ApiException(409, "job \"" + name + "\" is already running (run " + std::to_string(*schedule.runningRunId) + ")");
        schedule.nextRunAt = ConsoleAudit::nowMs();
        schedule.nextTrigger = "manual";
        jobs.saveSchedule(schedule);
        transaction.commit();
    }
    if (_pScheduler) _pScheduler->wake();
    for (int waited = 0; waited < _waitMs; waited += 100) {
        newest = runs.list(name, 1);
        if (!newest.empty() && newest.front().id > before) return newest.front().id;
        Poco::Thread::sleep(100);
    }
    return 0;
}

} // namespace jobhost::host
