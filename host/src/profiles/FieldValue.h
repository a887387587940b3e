// FieldValue.h — jobhost profiles: one profile field with its merge state and timestamps.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/FieldKind.h"
#include "lql/Value.h"
#include "profiles/FlatMap.h"

#include <map>
#include <string>

namespace jobhost::host::profiles {

// The expression engine's types this header speaks in.
using lql::FieldKind;
using lql::MergeOp;
using lql::TimeMs;
using lql::Value;

// A stored field (§4): kind, merge operator, the value and the timestamps
// the merge rules need. Scalars carry the event timestamp of the value they
// hold; map entries carry a timestamp per key; set elements carry first-seen
// and last-seen timestamps. Plain value type, not synchronised.
class FieldValue {
public:
    // One map entry or set element.
    struct Entry {
        Value value;      // maps: the entry's value; sets: unused (nil)
        TimeMs first;     // first seen
        TimeMs last;      // timestamp of the current value / last seen
    };

    FieldValue() = default;
    FieldValue(FieldKind kind, MergeOp op);

    FieldKind kind() const { return _kind; }
    MergeOp mergeOp() const { return _op; }
    // The newest event timestamp that touched the field.
    TimeMs updated() const { return _updated; }
    // The timestamp of the current scalar / whole set / whole map value.
    TimeMs valueTime() const { return _valueTime; }
    bool empty() const { return !_has; }
    // The stored scalar (nil for collection kinds and while empty).
    const Value& scalar() const { return _scalar; }

    // Applies one contribution value (already coerced to this kind) written
    // at ts with merge operator op (normally the column's). Never throws; a
    // value of the wrong type for the kind is ignored.
    void apply(const Value& value, TimeMs ts, MergeOp op);
    void apply(const Value& value, TimeMs ts) { apply(value, ts, _op); }

    // Merges another profile's field into this one with this field's
    // operator: counts and sums add, intsum maps add per key, sets union,
    // scalars and per-key-latest maps keep the newer timestamp (ties keep
    // this side). Each side is counted exactly once.
    void merge(const FieldValue& other);

    // The value as seen by FilterQL and in plain JSON: scalar, sorted list
    // of strings (set elements), or map of entry values.
    Value value() const;
    // Map entries or set elements with their timestamps.
    const FlatMap<Entry>& entries() const { return _entries; }

    // Storage form: JSON object text with kind, op, timestamps and entries
    // (read back by Profile::fromJson).
    std::string toJson() const;
    // The same text appended to out (what Profile::toJson uses).
    void appendJson(std::string& out) const;
    // Rebuilds a field from its stored parts (used when reading JSON).
    static FieldValue restore(FieldKind kind, MergeOp op, bool has, Value scalar, TimeMs valueTime,
                              TimeMs updated, FlatMap<Entry> entries);

private:
    void applyScalar(const Value& value, TimeMs ts, MergeOp op, bool fromMerge);
    void applyEntry(const std::string& key, const Value& value, TimeMs first, TimeMs last, MergeOp op);

    FieldKind _kind = FieldKind::String;
    MergeOp _op = MergeOp::Latest;
    bool _has = false;
    Value _scalar;
    TimeMs _valueTime;
    TimeMs _updated;
    FlatMap<Entry> _entries;
};

} // namespace jobhost::host::profiles
