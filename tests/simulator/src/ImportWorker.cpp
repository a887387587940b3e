// ImportWorker.cpp — jobhost postup-sim: completes queued imports in the background.
// SPDX-License-Identifier: Apache-2.0
#include "ImportWorker.h"

#include <chrono>

namespace jobhost::sim {

ImportWorker::ImportWorker(SimState& state) : _state(state) {}

ImportWorker::~ImportWorker() { stop(); }

void ImportWorker::start() {
  std::lock_guard<std::mutex> lock(_mutex);
  if (_thread.joinable()) return;
  _stopping = false;
  _thread = std::thread([this] { run(); });
}

void ImportWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(_mutex);
    _stopping = true;
  }
  _wake.notify_all();
  if (_thread.joinable() && _thread.get_id() != std::this_thread::get_id()) _thread.join();
}

void ImportWorker::run() {
  std::unique_lock<std::mutex> lock(_mutex);
  while (!_stopping) {
    lock.unlock();
    try {
      _state.processDueImports();
    } catch (const std::exception&) {
      // A failing import must not stop the worker; the job stays OPEN and is retried.
    }
    lock.lock();
    _wake.wait_for(lock, std::chrono::milliseconds(20), [this] { return _stopping; });
  }
}

} // namespace jobhost::sim
