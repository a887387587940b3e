// jobhost postup plugin — ParallelRunner.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ParallelRunner.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace jobhost::plugins::postup {

void ParallelRunner::forEach(std::size_t count, int threads, const std::function<void(std::size_t)>& body) {
    if (count == 0) return;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto worker = [&] {
        while (!failed.load()) {
            const std::size_t i = next.fetch_add(1);
            if (i >= count) return;
            try {
                body(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(errorMutex);
                if (!error) error = std::current_exception();
                failed = true;
            }
        }
    };
    const std::size_t extra = std::min<std::size_t>(count, static_cast<std::size_t>(threads > 1 ? threads : 1)) - 1;
    std::vector<std::thread> pool;
    pool.reserve(extra);
    try {
        for (std::size_t t = 0; t < extra; ++t) pool.emplace_back(worker);
    } catch (...) { // could not start a thread: run with the ones we have
    }
    worker();
    for (auto& thread : pool) thread.join();
    if (error) std::rethrow_exception(error);
}

} // namespace jobhost::plugins::postup
