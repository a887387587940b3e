// jobhost host — ExportLogger.h
// The sdk::Logger of an export runner: redacts, forwards, keeps a tail.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "jobhost/sdk/Logger.h"
#include "transport/Redactor.h"

namespace jobhost::host::exports {

/// Export runners have no run rows, so their log goes to the Poco logger
/// "jobhost.exports.<job>" (after Redactor::apply) and the last `keep`
/// lines stay in memory for `exports status` and tests. Thread-safe; never
/// throws.
class ExportLogger : public sdk::Logger {
public:
    ExportLogger(std::string job, Redactor redactor, std::size_t keep = 200);

    void log(sdk::LogLevel level, const std::string& message) override;
    /// The kept lines, oldest first, as "LEVEL message".
    std::vector<std::string> lines() const;

private:
    std::string _job;
    Redactor _redactor;
    std::size_t _keep;
    mutable std::mutex _mutex;
    std::deque<std::string> _lines;
};

} // namespace jobhost::host::exports
