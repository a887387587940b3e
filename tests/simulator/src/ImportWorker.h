// ImportWorker.h — jobhost postup-sim: completes queued imports in the background.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "SimState.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace jobhost::sim {

/// A thread that calls SimState::processDueImports every 20 ms until stopped.
/// start()/stop() are idempotent and thread-safe.
class ImportWorker {
public:
  explicit ImportWorker(SimState& state);
  ~ImportWorker();
  void start();
  void stop();

private:
  void run();
  SimState& _state;
  std::mutex _mutex;
  std::condition_variable _wake;
  bool _stopping = false;
  std::thread _thread;
};

} // namespace jobhost::sim
