// jobhost postup plugin — PhaseResult.h
// How one import phase ended, when it did not throw.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace jobhost::plugins::postup {

/// Result of UserImporter::run / ActivityImporter::run. API failures are
/// thrown as PostupException instead.
enum class PhaseResult : std::uint8_t {
    Done,        ///< the phase finished and its completion was checkpointed
    Cancelled,   ///< the host asked to stop; progress so far is checkpointed
    StoreFailed, ///< a checkpoint was refused by the store
};

} // namespace jobhost::plugins::postup
