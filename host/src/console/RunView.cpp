// jobhost host — RunView.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/RunView.h"

#include <algorithm>

#include <Poco/JSON/Array.h>

namespace jobhost::host {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

Object::Ptr RunView::toJson(const RunRecord& run, const std::optional<RunProgress>& progress, const std::vector<RunLogLine>* pLog) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", run.id);
    o->set("job", run.jobName);
    o->set("trigger", run.trigger);
    o->set("attempt", run.attempt);
    o->set("status", run.status);
    o->set("failureClass", run.failureClass);
    o->set("error", run.error);
    o->set("startedAt", run.startedAt);
    o->set("endedAt", run.endedAt ? Var(*run.endedAt) : Var());
    o->set("durationMs", run.endedAt ? Var(*run.endedAt - run.startedAt) : Var());
    Object::Ptr counters = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    counters->set("read", run.counters.read);
    counters->set("written", run.counters.written);
    counters->set("duplicate", run.counters.duplicate);
    counters->set("delivered", run.counters.delivered);
    counters->set("rejected", run.counters.rejected);
    counters->set("checkpoints", run.counters.checkpoints);
    o->set("counters", counters);

    Object::Ptr p = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Var percent;
    if (progress) {
        p->set("done", static_cast<Poco::UInt64>(progress->done));
        p->set("total", static_cast<Poco::UInt64>(progress->total));
        p->set("unit", progress->unit);
        if (progress->total > 0)
            percent = std::min(100.0, 100.0 * static_cast<double>(progress->done) / static_cast<double>(progress->total));
    }
    if (run.status == "ok") percent = 100.0;
    p->set("percent", percent);
    o->set("progress", p);
    o->set("nextAttemptAt", run.nextAttemptAt ? Var(*run.nextAttemptAt) : Var());
    o->set("worker", run.worker);
    o->set("logLinesDropped", run.logLinesDropped);
    if (pLog) {
        Poco::JSON::Array::Ptr lines = new Poco::JSON::Array;
        for (const auto& l : *pLog) {
            Object::Ptr line = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            line->set("at", l.at);
            line->set("level", l.level);
            line->set("message", l.message);
            lines->add(line);
        }
        o->set("log", lines);
    }
    return o;
}

} // namespace jobhost::host
