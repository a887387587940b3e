// jobhost host — ShutdownSignal.h
// Turns SIGINT/SIGTERM into a flag and a callback (graceful stop).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace jobhost::host {

/// Blocks SIGINT and SIGTERM in the constructing thread — create it before
/// starting other threads so they inherit the mask — and waits for them on
/// a watcher thread. On a signal it sets requested() and calls `onSignal`
/// (from the watcher thread; keep it short and thread-safe). The destructor
/// stops the watcher and restores the previous mask. One instance at a time.
class ShutdownSignal {
public:
    explicit ShutdownSignal(std::function<void(int)> onSignal = {});
    ~ShutdownSignal();
    ShutdownSignal(const ShutdownSignal&) = delete;
    ShutdownSignal& operator=(const ShutdownSignal&) = delete;

    bool requested() const { return _requested.load(); }
    /// Blocks until a signal arrives or `stopWaiting` returns true (polled every 100 ms).
    void wait(const std::function<bool()>& stopWaiting = {});

private:
    std::function<void(int)> _onSignal;
    std::atomic<bool> _requested{false};
    std::atomic<bool> _closing{false};
    sigset_t _previous{};
    std::thread _watcher;
};

} // namespace jobhost::host
