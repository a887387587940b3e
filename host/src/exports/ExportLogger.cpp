// jobhost host — ExportLogger.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportLogger.h"

#include <Poco/Logger.h>

namespace jobhost::host::exports {

ExportLogger::ExportLogger(std::string job, Redactor redactor, std::size_t keep)
    : _job(std::move(job)), _redactor(std::move(redactor)), _keep(keep) {}

void ExportLogger::log(sdk::LogLevel level, const std::string& message) {
    try {
        const std::string text = _redactor.apply(message);
        const char* name = level == sdk::LogLevel::Debug ? "DEBUG" : level == sdk::LogLevel::Info ? "INFO"
                         : level == sdk::LogLevel::Warning ? "WARNING" : "ERROR";
        {
            std::lock_guard<std::mutex> lock(_mutex);
            _lines.push_back(std::string(name) + " " + text);
            while (_lines.size() > _keep) _lines.pop_front();
        }
        Poco::Logger& logger = Poco::Logger::get("jobhost.exports." + _job);
        switch (level) {
        case sdk::LogLevel::Debug: logger.debug(text); break;
        case sdk::LogLevel::Info: logger.information(text); break;
        case sdk::LogLevel::Warning: logger.warning(text); break;
        case sdk::LogLevel::Error: logger.error(text); break;
        }
    } catch (...) { // a logger must never throw into plugin code
        return;
    }
}

std::vector<std::string> ExportLogger::lines() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return {_lines.begin(), _lines.end()};
}

} // namespace jobhost::host::exports
