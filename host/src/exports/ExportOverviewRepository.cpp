// jobhost host — ExportOverviewRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportOverviewRepository.h"

#include <vector>

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace jobhost::host::exports {

using namespace Poco::Data::Keywords;

ExportOverviewRepository::ExportOverviewRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

std::map<std::string, ExportQueueCounts> ExportOverviewRepository::counts(const std::string& job) {
    std::map<std::string, ExportQueueCounts> out;
    std::string j = job;
    {
        std::vector<std::string> jobs;
        std::vector<Poco::Int64> waiting, inflight, retrying;
        std::vector<Poco::Nullable<Poco::Int64>> oldest;
        _session << _sql("SELECT job, "
                    "SUM(CASE WHEN state IN ('pending', 'sealed') THEN 1 ELSE 0 END), "
                    "SUM(CASE WHEN state = 'inflight' THEN 1 ELSE 0 END), "
                    "SUM(CASE WHEN state IN ('pending', 'sealed') AND attempts > 0 THEN 1 ELSE 0 END), "
                    "MIN(CASE WHEN state IN ('pending', 'sealed') THEN created_at END) "
                    "FROM export_outbox WHERE (? = '' OR job = ?) GROUP BY job"),
            use(j), use(j), into(jobs), into(waiting), into(inflight), into(retrying), into(oldest), now;
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            ExportQueueCounts& c = out[jobs[i]];
            c.waiting = waiting[i];
            c.inflight = inflight[i];
            c.retrying = retrying[i];
            if (!oldest[i].isNull()) c.oldestWaitingAt = oldest[i].value();
        }
    }
    {
        std::vector<std::string> jobs;
        std::vector<Poco::Int64> letters;
        _session << _sql("SELECT job, COUNT(*) FROM export_dead_letters WHERE (? = '' OR job = ?) GROUP BY job"), use(j), use(j), into(jobs),
            into(letters), now;
        for (std::size_t i = 0; i < jobs.size(); ++i) out[jobs[i]].deadLetters = letters[i];
    }
    if (job.empty()) {
        for (auto& status : ExportStatusRepository(_session).all()) out[status.job].status = std::move(status);
    } else if (auto status = ExportStatusRepository(_session).find(job)) {
        out[job].status = std::move(*status);
    }
    return out;
}

} // namespace jobhost::host::exports
