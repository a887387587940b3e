// jobhost host — WorkerPool.h
// A fixed set of worker threads running submitted tasks.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace jobhost::host {

/// Runs tasks on `size` threads. submit() never blocks; tasks must not
/// throw (an escaping exception is swallowed so a worker never dies).
/// Thread-safe. The destructor calls shutdown().
class WorkerPool {
public:
    explicit WorkerPool(std::size_t size);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues a task; returns false after shutdown().
    bool submit(std::function<void()> task);
    /// Workers neither running nor about to run a task.
    std::size_t idle() const;
    /// Blocks until no task is queued or running.
    void waitIdle();
    /// Runs the queued tasks to completion, then joins the threads.
    void shutdown();
    std::size_t size() const { return _threads.size(); }

private:
    void work();

    mutable std::mutex _mutex;
    std::condition_variable _wake;
    std::condition_variable _idle;
    std::deque<std::function<void()>> _queue;
    std::vector<std::thread> _threads;
    std::size_t _busy = 0;
    bool _stopping = false;
};

} // namespace jobhost::host
