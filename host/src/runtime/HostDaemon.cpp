// jobhost host — HostDaemon.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/HostDaemon.h"

#include <chrono>
#include <thread>

namespace jobhost::host {

HostDaemon::HostDaemon(std::function<void(const std::string&)> report) : _report(std::move(report)) {}

HostDaemon::~HostDaemon() { stop(); }

void HostDaemon::add(std::unique_ptr<Subsystem> subsystem) { _subsystems.push_back(std::move(subsystem)); }

void HostDaemon::start() {
    try {
        for (; _started < _subsystems.size(); ++_started) {
            _subsystems[_started]->start();
            if (_report) _report("started " + _subsystems[_started]->name());
        }
    } catch (...) {
        stop();
        throw;
    }
}

void HostDaemon::stop() {
    while (_started > 0) {
        --_started;
        _subsystems[_started]->stop();
        if (_report) _report("stopped " + _subsystems[_started]->name());
    }
}

void HostDaemon::run(const std::function<bool()>& stopRequested) {
    start();
    while (!stopRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop();
}

} // namespace jobhost::host
