// jobhost host — JobView.h
// The JSON shape of a job (definition, schedule, last run) in responses.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include <Poco/JSON/Object.h>

#include "plugins/PluginRegistry.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"

namespace jobhost::host {

/// Stateless; thread-safe. Config fields the job type declares secret are
/// left out (listed by name under "secretFields").
class JobView {
public:
    /// state: "running" (a claim is held), "paused" (disabled), "scheduled"
    /// (next run set) or "manual".
    static Poco::JSON::Object::Ptr toJson(const JobRecord& job, const std::optional<JobSchedule>& schedule,
                                          const std::optional<RunRecord>& lastRun, const PluginRegistry* pPlugins);
    /// Reads the job's schedule and newest run on `session`, then toJson().
    /// Throws Poco::Data exceptions on store failure.
    static Poco::JSON::Object::Ptr load(Poco::Data::Session& session, const JobRecord& job, const PluginRegistry* pPlugins);
};

} // namespace jobhost::host
