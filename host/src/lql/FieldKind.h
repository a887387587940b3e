// FieldKind.h — jobhost lql: profile field kinds and merge operators (§4).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace jobhost::host::lql {

// The stored type of a profile field (§4.1). The numeric values of this enum
// and of MergeOp are part of the stored profile format (ProfileCodec):
// append new enumerators at the end, never reorder.
enum class FieldKind {
    String,
    Int,
    Number,
    Bool,
    Date,
    StringSet,   // []string: unique, sorted
    TimeList,    // []time
    TsStringSet, // ts[]string: unique, ordered by time
    MapInt,      // map[string]int
    MapIntSum,   // map[string]intsum
    MapNumber,   // map[string]number
    MapString,   // map[string]string
    MapBool,     // map[string]bool
    MapTime,     // map[string]time
    MapValue     // map[string]value
};

// How a new value combines with the stored one (§4.2).
enum class MergeOp { Latest, Oldest, Min, Max, Sum, Count, Merge, LatestMap, OldestMap, MapMax, MapMin, Capped };

// Kind names as written after KIND ("[]string", "map[string]intsum", ...),
// case-insensitive; nullopt for an unknown name. Never throws.
std::optional<FieldKind> parseFieldKind(const std::string& text);
std::string toString(FieldKind kind);
// Merge operator names as written after MERGEOP, case-insensitive.
std::optional<MergeOp> parseMergeOp(const std::string& text);
std::string toString(MergeOp op);

bool isMapKind(FieldKind kind);
bool isSetKind(FieldKind kind);
bool isScalarKind(FieldKind kind);

// The default merge of §4.3 for a kind, given the column's top-level
// function name ("" for none): count() → Count, min()/max() → Min/Max,
// intsum maps → Sum, sets → Merge (union), other maps → Merge (per-key
// latest), scalars → Latest.
MergeOp defaultMergeOp(FieldKind kind, const std::string& function);

} // namespace jobhost::host::lql
