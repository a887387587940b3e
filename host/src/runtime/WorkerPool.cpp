// jobhost host — WorkerPool.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/WorkerPool.h"

namespace jobhost::host {

WorkerPool::WorkerPool(std::size_t size) {
    if (size == 0) size = 1;
    for (std::size_t i = 0; i < size; ++i) _threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

bool WorkerPool::submit(std::function<void()> task) {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (_stopping) return false;
        _queue.push_back(std::move(task));
    }
    _wake.notify_one();
    return true;
}

std::size_t WorkerPool::idle() const {
    std::lock_guard<std::mutex> lock(_mutex);
    std::size_t taken = _busy + _queue.size();
    return taken >= _threads.size() ? 0 : _threads.size() - taken;
}

void WorkerPool::waitIdle() {
    std::unique_lock<std::mutex> lock(_mutex);
    _idle.wait(lock, [this] { return _queue.empty() && _busy == 0; });
}

void WorkerPool::shutdown() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    for (auto& t : _threads)
        if (t.joinable()) t.join();
}

void WorkerPool::work() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock<std::mutex> lock(_mutex);
            _wake.wait(lock, [this] { return _stopping || !_queue.empty(); });
            if (_queue.empty()) return; // stopping and drained
            task = std::move(_queue.front());
            _queue.pop_front();
            ++_busy;
        }
        try {
            task();
        } catch (...) {
            // tasks report their own errors; a worker must survive anything
        }
        {
            std::lock_guard<std::mutex> lock(_mutex);
            --_busy;
        }
        _idle.notify_all();
    }
}

} // namespace jobhost::host
