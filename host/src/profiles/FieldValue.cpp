// FieldValue.cpp — jobhost profiles: one profile field with its merge state and timestamps.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/FieldValue.h"

#include "profiles/JsonText.h"

#include <algorithm>

namespace jobhost::host::profiles {

namespace {

Value add(const Value& a, const Value& b)
{
    if (a.type() == Value::Type::Int && b.type() == Value::Type::Int) return Value(a.asInt() + b.asInt());
    auto num = [](const Value& v) -> double {
        return v.type() == Value::Type::Int || v.type() == Value::Type::Number ? v.asNumber() : 0.0;
    };
    if ((a.type() == Value::Type::Int || a.type() == Value::Type::Number)
        && (b.type() == Value::Type::Int || b.type() == Value::Type::Number))
        return Value(num(a) + num(b));
    return b.isNil() ? a : b;
}

// -1/0/1 ordering for min/max (numbers, times, strings); 0 when not comparable.
int compareValues(const Value& a, const Value& b)
{
    using T = Value::Type;
    if ((a.type() == T::Int || a.type() == T::Number) && (b.type() == T::Int || b.type() == T::Number)) {
        if (a.type() == T::Int && b.type() == T::Int) return a.asInt() < b.asInt() ? -1 : (a.asInt() > b.asInt());
        return a.asNumber() < b.asNumber() ? -1 : (a.asNumber() > b.asNumber());
    }
    if (a.type() == T::Time && b.type() == T::Time)
        return a.asTime().ms < b.asTime().ms ? -1 : (a.asTime().ms > b.asTime().ms);
    if (a.type() == T::String && b.type() == T::String) {
        int c = a.asString().compare(b.asString());
        return c < 0 ? -1 : (c > 0);
    }
    return 0;
}

bool isMin(MergeOp op) { return op == MergeOp::Min || op == MergeOp::MapMin; }
bool isMax(MergeOp op) { return op == MergeOp::Max || op == MergeOp::MapMax; }
bool isAdd(MergeOp op) { return op == MergeOp::Sum || op == MergeOp::Count; }
bool isOldest(MergeOp op) { return op == MergeOp::Oldest || op == MergeOp::OldestMap; }

// The storage form of a value: times and big integers tagged, maps typed per entry.
void appendTypedJson(std::string& out, const Value& v)
{
    switch (v.type()) {
    case Value::Type::Time:
        out += "{\"$t\": ";
        JsonText::appendInt(out, v.asTime().ms);
        out += '}';
        return;
    case Value::Type::Int: {
        // Poco's JSON parser loses precision beyond 2^53: tag big integers.
        std::int64_t i = v.asInt();
        const bool big = i > (std::int64_t{1} << 53) || i < -(std::int64_t{1} << 53);
        if (big) out += "{\"$i\": \"";
        JsonText::appendInt(out, i);
        if (big) out += "\"}";
        return;
    }
    case Value::Type::Map: {
        out += '{';
        bool first = true;
        for (const auto& [k, x] : v.asMap()) {
            if (!first) out += ", ";
            first = false;
            JsonText::appendQuoted(out, k);
            out += ": ";
            appendTypedJson(out, x);
        }
        out += '}';
        return;
    }
    case Value::Type::String: JsonText::appendQuoted(out, v.asString()); return;
    default: out += JsonText::plain(v); return;
    }
}

} // namespace

FieldValue::FieldValue(FieldKind kind, MergeOp op)
    : _kind(kind)
    , _op(op)
{
}

FieldValue FieldValue::restore(FieldKind kind, MergeOp op, bool has, Value scalar, TimeMs valueTime,
                               TimeMs updated, FlatMap<Entry> entries)
{
    FieldValue f(kind, op);
    f._has = has;
    f._scalar = std::move(scalar);
    f._valueTime = valueTime;
    f._updated = updated;
    f._entries = std::move(entries);
    return f;
}

void FieldValue::applyScalar(const Value& value, TimeMs ts, MergeOp op, bool fromMerge)
{
    if (!_has) {
        _scalar = value;
        _valueTime = ts;
        _has = true;
        return;
    }
    if (isAdd(op)) {
        _scalar = add(_scalar, value);
        _valueTime = TimeMs{std::max(_valueTime.ms, ts.ms)};
    } else if (isMin(op) || isMax(op)) {
        int c = compareValues(value, _scalar);
        if ((isMin(op) && c < 0) || (isMax(op) && c > 0)) {
            _scalar = value;
            _valueTime = ts;
        }
    } else if (isOldest(op)) {
        if (ts.ms < _valueTime.ms) {
            _scalar = value;
            _valueTime = ts;
        }
    } else if (fromMerge ? ts.ms > _valueTime.ms : ts.ms >= _valueTime.ms) {
        // latest (and merge/latestmap/capped on a scalar): newest event wins,
        // a tie goes to the later-processed write.
        _scalar = value;
        _valueTime = ts;
    }
}

void FieldValue::applyEntry(const std::string& key, const Value& value, TimeMs first, TimeMs last, MergeOp op)
{
    auto it = _entries.find(key);
    if (it == _entries.end()) {
        _entries.emplace(key, Entry{value, first, last});
        return;
    }
    Entry& e = it->second;
    e.first = TimeMs{std::min(e.first.ms, first.ms)};
    if (isSetKind(_kind)) {
        e.last = TimeMs{std::max(e.last.ms, last.ms)};
        return;
    }
    if (isAdd(op)) {
        e.value = add(e.value, value);
        e.last = TimeMs{std::max(e.last.ms, last.ms)};
    } else if (isMin(op) || isMax(op)) {
        int c = compareValues(value, e.value);
        if ((isMin(op) && c < 0) || (isMax(op) && c > 0)) {
            e.value = value;
            e.last = last;
        }
    } else if (isOldest(op)) {
        if (last.ms < e.last.ms) {
            e.value = value;
            e.last = last;
        }
    } else if (last.ms >= e.last.ms) {
        e.value = value;
        e.last = last;
    }
}

void FieldValue::apply(const Value& value, TimeMs ts, MergeOp op)
{
    if (value.isEmpty()) return;
    if (isScalarKind(_kind)) {
        if (value.type() == Value::Type::List || value.type() == Value::Type::Map) return;
        applyScalar(value, ts, op, false);
    } else if (isSetKind(_kind)) {
        if (value.type() != Value::Type::List) return;
        bool whole = op == MergeOp::Latest || op == MergeOp::Oldest;
        if (whole) {
            bool replace = !_has || (op == MergeOp::Latest ? ts.ms >= _valueTime.ms : ts.ms < _valueTime.ms);
            if (!replace) {
                _updated = TimeMs{std::max(_updated.ms, ts.ms)};
                return;
            }
            _entries.clear();
            _valueTime = ts;
        } else {
            _valueTime = TimeMs{std::max(_valueTime.ms, ts.ms)};
        }
        for (const auto& e : value.asList()) applyEntry(e, Value(), ts, ts, MergeOp::Merge);
        _has = true;
    } else {
        if (value.type() != Value::Type::Map) return;
        bool whole = op == MergeOp::Latest || op == MergeOp::Oldest;
        if (whole) {
            bool replace = !_has || (op == MergeOp::Latest ? ts.ms >= _valueTime.ms : ts.ms < _valueTime.ms);
            if (!replace) {
                _updated = TimeMs{std::max(_updated.ms, ts.ms)};
                return;
            }
            _entries.clear();
            _valueTime = ts;
        } else {
            _valueTime = TimeMs{std::max(_valueTime.ms, ts.ms)};
        }
        for (const auto& [k, v] : value.asMap()) applyEntry(k, v, ts, ts, op);
        _has = true;
    }
    _updated = TimeMs{std::max(_updated.ms, ts.ms)};
}

void FieldValue::merge(const FieldValue& other)
{
    if (other.empty()) return;
    if (empty()) {
        *this = other;
        return;
    }
    _updated = TimeMs{std::max(_updated.ms, other._updated.ms)};
    if (isScalarKind(_kind)) {
        applyScalar(other._scalar, other._valueTime, _op, true);
        return;
    }
    if (_op == MergeOp::Latest || _op == MergeOp::Oldest) {
        bool takeOther = _op == MergeOp::Latest ? other._valueTime.ms > _valueTime.ms
                                                : other._valueTime.ms < _valueTime.ms;
        if (takeOther) {
            _entries = other._entries;
            _valueTime = other._valueTime;
        }
        return;
    }
    _valueTime = TimeMs{std::max(_valueTime.ms, other._valueTime.ms)};
    for (const auto& [k, e] : other._entries) applyEntry(k, e.value, e.first, e.last, _op);
}

Value FieldValue::value() const
{
    if (!_has) return Value();
    if (isScalarKind(_kind)) return _scalar;
    if (isSetKind(_kind)) {
        Value::List items;
        if (_kind == FieldKind::TsStringSet) {
            std::vector<std::pair<std::int64_t, std::string>> byTime;
            for (const auto& [k, e] : _entries) byTime.emplace_back(e.first.ms, k);
            std::sort(byTime.begin(), byTime.end());
            for (auto& [t, k] : byTime) items.push_back(k);
        } else {
            for (const auto& [k, e] : _entries) items.push_back(k);
        }
        return Value(std::move(items));
    }
    Value::Map m;
    for (const auto& [k, e] : _entries) m.emplace(k, e.value);
    return Value(std::move(m));
}

std::string FieldValue::toJson() const
{
    std::string out;
    appendJson(out);
    return out;
}

void FieldValue::appendJson(std::string& out) const
{
    out += "{\"kind\": ";
    JsonText::appendQuoted(out, toString(_kind));
    out += ", \"op\": ";
    JsonText::appendQuoted(out, toString(_op));
    out += ", \"ts\": ";
    JsonText::appendInt(out, _valueTime.ms);
    out += ", \"updated\": ";
    JsonText::appendInt(out, _updated.ms);
    if (isScalarKind(_kind)) {
        out += ", \"value\": ";
        if (_has) appendTypedJson(out, _scalar);
        else out += "null";
    } else {
        out += ", \"entries\": {";
        bool first = true;
        for (const auto& [k, e] : _entries) {
            if (!first) out += ", ";
            first = false;
            JsonText::appendQuoted(out, k);
            out += ": [";
            if (e.value.isNil()) out += "null";
            else appendTypedJson(out, e.value);
            out += ", ";
            JsonText::appendInt(out, e.first.ms);
            out += ", ";
            JsonText::appendInt(out, e.last.ms);
            out += ']';
        }
        out += '}';
    }
    out += '}';
}

} // namespace jobhost::host::profiles
