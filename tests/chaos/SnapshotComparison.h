// SnapshotComparison.h — jobhost chaos harness: lost, duplicated and mismatched items between two pipeline snapshots.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "PipelineSnapshot.h"

#include <cstdint>
#include <string>
#include <vector>

namespace jobhost::chaos {

/// Compares a trial's snapshot with the undisturbed reference:
/// * lost — a stream record, profile, list member or POST /import row the
///   reference has and the trial lacks (or has fewer of); an outbox change
///   never delivered; more dead letters than the reference;
/// * duplicated — one the trial has more often (a record or import row
///   twice, a profile split in two, an extra list created in PostUp);
/// * mismatched — present in both but different: profile JSON, membership,
///   list member status, config rows.
/// Each discrepancy also gets one line in `notes` (the first 20 of each kind).
/// Plain value type.
struct SnapshotComparison {
    std::int64_t lost = 0;
    std::int64_t duplicated = 0;
    std::int64_t mismatched = 0;
    std::vector<std::string> notes;

    bool clean() const { return lost == 0 && duplicated == 0 && mismatched == 0; }
    static SnapshotComparison compare(const PipelineSnapshot& reference, const PipelineSnapshot& trial);
};

} // namespace jobhost::chaos
