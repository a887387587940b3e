// ChaosHook.h — jobhost util: test-only kill points (JOBHOST_CHAOS_KILL_AT) that raise SIGKILL at named places.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace jobhost::host {

/// Named crash points for the chaos harness (scripts/chaos).
///
/// Code that owns a crash-sensitive window calls reach("point") there. The
/// environment decides what happens:
/// * JOBHOST_CHAOS_KILL_AT=<point>:<n> — the n-th pass (1-based, counted per
///   process) through <point> writes "jobhost chaos: SIGKILL at <point>:<n>"
///   to stderr and raises SIGKILL: the process dies exactly there, with no
///   destructor, flush or rollback running.
/// * JOBHOST_CHAOS_COUNT_TO=<file> — every pass is counted and, at normal
///   process exit, one line "<point> <count>" per point is appended to <file>
///   (how the harness learns which n are reachable).
/// Unset (the normal case): reach() is one relaxed atomic load.
///
/// Points used by the host: import-emit, import-checkpoint, write:<table>
/// (every row a store connection inserts, updates or deletes, via the SQLite
/// update hook — e.g. write:profiles inside a profile batch),
/// http-response:<METHOD> <path> (a response arrived, before the caller sees
/// it; numeric path segments read {id}), export-results (deliver() returned, results not yet recorded),
/// migration (between the statements of a schema migration), apply
/// (between the objects `jobhost apply` writes) and secret-key (a new key
/// file created, its content not yet written).
///
/// Built in unless CMake option JOBHOST_CHAOS_HOOKS is OFF (then reach() and
/// armed() do nothing and the variables are ignored). Thread-safe.
class ChaosHook {
public:
    /// One pass through `point`; may not return (SIGKILL), see the class comment.
    static void reach(std::string_view point);
    /// True when either variable is set (callers may skip building point names otherwise).
    static bool armed();
};

} // namespace jobhost::host
