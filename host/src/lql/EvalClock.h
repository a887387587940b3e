// EvalClock.h — jobhost lql: the two instants an evaluation depends on.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Value.h"

namespace jobhost::host::lql {

// Inputs of time for one evaluation. In mappings both are the event's
// message timestamp (date math and now() are relative to it, §3.13 [P]);
// in audiences both are the injected wall clock. Plain value type.
struct EvalClock {
    // The event (message) timestamp used by epochms(), hourofday(), ...
    TimeMs eventTime;
    // The instant "now" in date math ("now-30d") and now().
    TimeMs now;

    static EvalClock forEvent(TimeMs ts) { return EvalClock{ts, ts}; }
    static EvalClock at(TimeMs now) { return EvalClock{now, now}; }
};

} // namespace jobhost::host::lql
