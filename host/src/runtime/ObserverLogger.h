// jobhost host — ObserverLogger.h
// An sdk::Logger that redacts and forwards to a RunObserver (no run row).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/Logger.h"
#include "runtime/RunLogger.h"
#include "runtime/RunObserver.h"
#include "transport/Redactor.h"

namespace jobhost::host {

/// For plugin calls outside a run (auth test). Thread-safe if the observer
/// is; never throws.
class ObserverLogger : public sdk::Logger {
public:
    ObserverLogger(Redactor redactor, RunObserver* observer) : _redactor(std::move(redactor)), _pObserver(observer) {}

    void log(sdk::LogLevel level, const std::string& message) override {
        try {
            if (_pObserver) _pObserver->onLog(RunLogger::levelName(level), _redactor.apply(message));
        } catch (const std::exception&) {
            // never throw into plugin code
        }
    }

private:
    Redactor _redactor;
    RunObserver* _pObserver;
};

} // namespace jobhost::host
