// jobhost host — RunView.h
// The JSON shape of a run (counters, progress, log) in responses.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <vector>

#include <Poco/JSON/Object.h>

#include "console/RunProgressBoard.h"
#include "store/RunRepository.h"

namespace jobhost::host {

/// Stateless; thread-safe. Run text is stored redacted, so it is shown as is.
class RunView {
public:
    /// "progress": {"done", "total", "unit", "percent"}: from the live
    /// report when given; a finished run with status ok is 100 %; otherwise
    /// percent is null (unknown). `pLog` adds "log": [{at, level, message}].
    static Poco::JSON::Object::Ptr toJson(const RunRecord& run, const std::optional<RunProgress>& progress,
                                          const std::vector<RunLogLine>* pLog);
};

} // namespace jobhost::host
