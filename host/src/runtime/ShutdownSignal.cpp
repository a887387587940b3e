// jobhost host — ShutdownSignal.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/ShutdownSignal.h"

#include <chrono>
#include <ctime>
#include <pthread.h>

namespace jobhost::host {

ShutdownSignal::ShutdownSignal(std::function<void(int)> onSignal) : _onSignal(std::move(onSignal)) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &_previous);
    _watcher = std::thread([this, set] {
        while (!_closing) {
            timespec timeout{0, 100 * 1000 * 1000};
            int signal = sigtimedwait(&set, nullptr, &timeout);
            if (signal == SIGINT || signal == SIGTERM) {
                _requested = true;
                if (_onSignal) _onSignal(signal);
            }
        }
    });
}

ShutdownSignal::~ShutdownSignal() {
    _closing = true;
    if (_watcher.joinable()) _watcher.join();
    pthread_sigmask(SIG_SETMASK, &_previous, nullptr);
}

void ShutdownSignal::wait(const std::function<bool()>& stopWaiting) {
    while (!_requested && !(stopWaiting && stopWaiting())) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

} // namespace jobhost::host
