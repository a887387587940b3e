// ExportTotalsFixture.h — export counters for console tests, built field by
// field (ExportTotals grows; positional initialisation would silently shift).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include "exports/ExportStatusRepository.h"

inline jobhost::host::exports::ExportTotals exportTotals(std::int64_t batches, std::int64_t delivered,
                                                         std::int64_t skipped, std::int64_t retried,
                                                         std::int64_t rejected) {
    jobhost::host::exports::ExportTotals t;
    t.batches = batches;
    t.delivered = delivered;
    t.skipped = skipped;
    t.retried = retried;
    t.rejected = rejected;
    return t;
}
