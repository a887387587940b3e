// jobhost postup plugin — ParallelRunner.h
// Runs indexed work items on a few short-lived threads.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <functional>

namespace jobhost::plugins::postup {

/// Stateless helper. forEach() calls body(i) for every i in [0, count) on
/// min(threads, count) threads (the calling thread is one of them) and
/// returns when all are done. After the first exception no new indices are
/// handed out; that exception is rethrown once every thread has joined.
/// `body` must be safe to call concurrently.
class ParallelRunner {
public:
    static void forEach(std::size_t count, int threads, const std::function<void(std::size_t)>& body);
};

} // namespace jobhost::plugins::postup
