// jobhost postup plugin — StateKeeper.h
// Owns the in-memory ImportState and turns changes into checkpoints.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <mutex>

#include "ImportState.h"
#include "jobhost/sdk/ImportJob.h"

namespace jobhost::plugins::postup {

/// Serialises state changes and ImportContext::checkpoint calls.
///
/// The host's checkpoint commits every record buffered so far — from all
/// threads — together with the state text. commit() applies a change and
/// checkpoints the resulting state under one mutex, so checkpoints reach the
/// host in state order (a later checkpoint never carries an older state).
///
/// Ownership: borrows the context for the duration of one run.
/// Thread-safety: all methods may be called from any thread.
/// Failure: commit() returns false when the store refused the checkpoint;
/// the in-memory state keeps the change (the run must then stop with Retry).
class StateKeeper {
public:
    StateKeeper(sdk::ImportContext& context, ImportState initial);

    /// A copy of the current state.
    ImportState snapshot() const;
    /// Applies `change` (may be empty) and checkpoints the new state.
    bool commit(const std::function<void(ImportState&)>& change);

private:
    sdk::ImportContext& _context;
    mutable std::mutex _mutex;
    ImportState _state;
};

} // namespace jobhost::plugins::postup
