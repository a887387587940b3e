// jobhost host — RunRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/RunRepository.h"

#include <Poco/Data/RecordSet.h>

#include "store/SqlValues.h"

namespace jobhost::host {

using namespace Poco::Data::Keywords;

RunRepository::RunRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

Poco::Int64 RunRepository::insert(const RunRecord& run) {
    RunRecord v = run;
    auto failureClass = sql::nullableText(v.failureClass);
    auto error = sql::nullableText(v.error);
    auto before = sql::nullable(v.checkpointBefore);
    Poco::Int64 id = 0;
    _session << _sql("INSERT INTO runs (job_id, job_name, trigger, attempt, status, failure_class, error, started_at, checkpoint_before, worker) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        use(v.jobId), use(v.jobName), use(v.trigger), use(v.attempt), use(v.status), use(failureClass), use(error), use(v.startedAt),
        use(before), use(v.worker), into(id), now;
    return id;
}

void RunRepository::setStart(Poco::Int64 runId, const std::string& trigger, Poco::Int64 attempt) {
    std::string t = trigger;
    _session << _sql("UPDATE runs SET trigger = ?, attempt = ? WHERE id = ?"), use(t), use(attempt), use(runId), now;
}

void RunRepository::finish(const RunRecord& run) {
    RunRecord v = run;
    auto failureClass = sql::nullableText(v.failureClass);
    auto error = sql::nullableText(v.error);
    auto endedAt = sql::nullable(v.endedAt);
    auto after = sql::nullable(v.checkpointAfter);
    auto nextAttemptAt = sql::nullable(v.nextAttemptAt);
    _session << _sql("UPDATE runs SET status = ?, failure_class = ?, error = ?, ended_at = ?, records_read = ?, records_written = ?, "
                "records_duplicate = ?, records_delivered = ?, records_rejected = ?, checkpoints = ?, checkpoint_after = ?, "
                "next_attempt_at = ?, log_lines_dropped = ? WHERE id = ?"),
        use(v.status), use(failureClass), use(error), use(endedAt), use(v.counters.read), use(v.counters.written), use(v.counters.duplicate),
        use(v.counters.delivered), use(v.counters.rejected), use(v.counters.checkpoints), use(after), use(nextAttemptAt),
        use(v.logLinesDropped), use(v.id), now;
}

void RunRepository::saveProgress(Poco::Int64 runId, const RunCounters& counters, const std::string& checkpointAfter) {
    RunCounters c = counters;
    std::string after = checkpointAfter;
    _session << _sql("UPDATE runs SET records_read = ?, records_written = ?, records_duplicate = ?, records_delivered = ?, records_rejected = ?, "
                "checkpoints = ?, checkpoint_after = ? WHERE id = ?"),
        use(c.read), use(c.written), use(c.duplicate), use(c.delivered), use(c.rejected), use(c.checkpoints), use(after), use(runId), now;
}

std::vector<RunRecord> RunRepository::select(const std::string& where, Poco::Int64 id, const std::string& jobName, std::size_t limit) {
    std::string sqlText =
        "SELECT id, job_id, job_name, trigger, attempt, status, failure_class, error, started_at, ended_at, records_read, records_written, "
        "records_duplicate, records_delivered, records_rejected, checkpoints, checkpoint_before, checkpoint_after, next_attempt_at, worker, "
        "log_lines_dropped FROM runs ";
    Poco::Data::Statement statement(_session);
    Poco::Int64 i = id;
    std::string job = jobName;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    if (where == "id") {
        statement << _sql(sqlText + "WHERE id = ?");
        statement.addBind(use(i));
    } else if (where == "running") {
        statement << _sql(sqlText + "WHERE status = 'running' ORDER BY id");
    } else {
        statement << _sql(sqlText + "WHERE (? = '' OR job_name = ?) ORDER BY id DESC LIMIT ?");
        statement.addBind(use(job));
        statement.addBind(use(job));
        statement.addBind(use(max));
    }
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    std::vector<RunRecord> runs;
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
        RunRecord r;
        r.id = sql::columnInt(rows, "id");
        r.jobId = sql::columnInt(rows, "job_id");
        r.jobName = sql::columnText(rows, "job_name");
        r.trigger = sql::columnText(rows, "trigger");
        r.attempt = sql::columnInt(rows, "attempt");
        r.status = sql::columnText(rows, "status");
        r.failureClass = sql::columnText(rows, "failure_class");
        r.error = sql::columnText(rows, "error");
        r.startedAt = sql::columnInt(rows, "started_at");
        r.endedAt = sql::columnOptionalInt(rows, "ended_at");
        r.counters.read = sql::columnInt(rows, "records_read");
        r.counters.written = sql::columnInt(rows, "records_written");
        r.counters.duplicate = sql::columnInt(rows, "records_duplicate");
        r.counters.delivered = sql::columnInt(rows, "records_delivered");
        r.counters.rejected = sql::columnInt(rows, "records_rejected");
        r.counters.checkpoints = sql::columnInt(rows, "checkpoints");
        if (!rows["checkpoint_before"].isEmpty()) r.checkpointBefore = sql::columnText(rows, "checkpoint_before");
        if (!rows["checkpoint_after"].isEmpty()) r.checkpointAfter = sql::columnText(rows, "checkpoint_after");
        r.nextAttemptAt = sql::columnOptionalInt(rows, "next_attempt_at");
        r.worker = sql::columnText(rows, "worker");
        r.logLinesDropped = sql::columnInt(rows, "log_lines_dropped");
        runs.push_back(std::move(r));
    }
    return runs;
}

std::optional<RunRecord> RunRepository::find(Poco::Int64 id) {
    auto runs = select("id", id, "", 1);
    if (runs.empty()) return std::nullopt;
    return runs.front();
}

std::vector<RunRecord> RunRepository::list(const std::string& jobName, std::size_t limit) { return select("list", 0, jobName, limit); }

std::vector<RunRecord> RunRepository::running() { return select("running", 0, "", 0); }

void RunRepository::appendLog(Poco::Int64 runId, Poco::Int64 at, const std::string& level, const std::string& message) {
    std::string l = level, m = message;
    _session << _sql("INSERT INTO run_log (run_id, at, level, message) VALUES (?, ?, ?, ?)"), use(runId), use(at), use(l), use(m), now;
}

std::vector<RunLogLine> RunRepository::log(Poco::Int64 runId) {
    std::vector<Poco::Int64> at;
    std::vector<std::string> levels, messages;
    _session << _sql("SELECT at, level, message FROM run_log WHERE run_id = ? ORDER BY id"), use(runId), into(at), into(levels), into(messages), now;
    std::vector<RunLogLine> lines;
    for (std::size_t i = 0; i < at.size(); ++i) lines.push_back({at[i], levels[i], messages[i]});
    return lines;
}

} // namespace jobhost::host
