// jobhost postup plugin — StateKeeper.cpp
// SPDX-License-Identifier: Apache-2.0
#include "StateKeeper.h"

namespace jobhost::plugins::postup {

StateKeeper::StateKeeper(sdk::ImportContext& context, ImportState initial)
    : _context(context), _state(std::move(initial)) {}

ImportState StateKeeper::snapshot() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _state;
}

bool StateKeeper::commit(const std::function<void(ImportState&)>& change) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (change) change(_state);
    return _context.checkpoint(_state.toJson());
}

} // namespace jobhost::plugins::postup
