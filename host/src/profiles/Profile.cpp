// Profile.cpp — jobhost profiles: a user profile (fields → typed values with timestamps).
// SPDX-License-Identifier: Apache-2.0
#include "profiles/Profile.h"

#include "profiles/JsonText.h"
#include "profiles/ProfileException.h"
#include "profiles/ValueCoercion.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

namespace jobhost::host::profiles {

void Profile::apply(const Contribution& c)
{
    auto it = _fields.find(c.field);
    if (it == _fields.end()) {
        it = _fields.emplace(c.field, FieldValue(c.kind, c.mergeOp)).first;
    }
    FieldValue& f = it->second;
    if (f.kind() == c.kind) {
        f.apply(c.value, c.timestamp, c.mergeOp);
        return;
    }
    if (auto v = ValueCoercion::coerce(c.value, f.kind(), c.timestamp)) f.apply(*v, c.timestamp, f.mergeOp());
}

void Profile::apply(const std::vector<Contribution>& contributions)
{
    for (const auto& c : contributions) apply(c);
}

void Profile::merge(const Profile& other)
{
    for (const auto& [name, f] : other._fields) {
        auto it = _fields.find(name);
        if (it == _fields.end()) {
            _fields.emplace(name, f);
        } else if (it->second.kind() == f.kind()) {
            it->second.merge(f);
        } else {
            // Different kinds: re-apply the other's value with its timestamp.
            if (auto v = ValueCoercion::coerce(f.value(), it->second.kind(), f.valueTime()))
                it->second.apply(*v, f.valueTime(), it->second.mergeOp());
        }
    }
}

const FieldValue* Profile::field(const std::string& name) const
{
    auto it = _fields.find(name);
    return it == _fields.end() ? nullptr : &it->second;
}

Value Profile::get(const std::string& name) const
{
    if (const FieldValue* f = field(name)) return f->value();
    std::size_t dot = name.find('.');
    if (dot == std::string::npos) return Value();
    const FieldValue* f = field(name.substr(0, dot));
    if (!f || !lql::isMapKind(f->kind())) return Value();
    auto it = f->entries().find(name.substr(dot + 1));
    return it == f->entries().end() ? Value() : it->second.value;
}

TimeMs Profile::updated() const
{
    TimeMs t;
    for (const auto& [n, f] : _fields) t.ms = std::max(t.ms, f.updated().ms);
    return t;
}

std::string Profile::toJson() const
{
    std::string s;
    s.reserve(256 + 160 * _fields.size());
    s += "{\"fields\": {";
    bool first = true;
    for (const auto& [name, f] : _fields) {
        if (!first) s += ", ";
        first = false;
        JsonText::appendQuoted(s, name);
        s += ": ";
        f.appendJson(s);
    }
    s += "}}";
    return s;
}

namespace {

Value valueFromVar(const Poco::Dynamic::Var& v)
{
    if (v.isEmpty()) return Value();
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
        auto obj = v.extract<Poco::JSON::Object::Ptr>();
        if (obj->has("$t") && obj->size() == 1) return Value(TimeMs{obj->getValue<std::int64_t>("$t")});
        if (obj->has("$i") && obj->size() == 1) return Value(static_cast<std::int64_t>(std::stoll(obj->getValue<std::string>("$i"))));
        Value::Map m;
        for (const auto& [k, x] : *obj) m.emplace(k, valueFromVar(x));
        return Value(std::move(m));
    }
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
        auto arr = v.extract<Poco::JSON::Array::Ptr>();
        Value::List l;
        for (const auto& x : *arr) l.push_back(x.convert<std::string>());
        return Value(std::move(l));
    }
    if (v.isBoolean()) return Value(v.convert<bool>());
    if (v.isString()) return Value(v.convert<std::string>());
    if (v.isInteger()) return Value(v.convert<std::int64_t>());
    if (v.isNumeric()) return Value(v.convert<double>());
    throw ProfileException("unsupported JSON value in stored profile");
}

} // namespace

Profile Profile::fromJson(const std::string& json)
{
    Profile p;
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        auto fields = root->getObject("fields");
        if (!fields) throw ProfileException("stored profile has no \"fields\" object");
        for (const auto& [name, var] : *fields) {
            auto o = var.extract<Poco::JSON::Object::Ptr>();
            auto kind = lql::parseFieldKind(o->getValue<std::string>("kind"));
            auto op = lql::parseMergeOp(o->getValue<std::string>("op"));
            if (!kind || !op) throw ProfileException("stored profile field '" + name + "' has an unknown kind or op");
            TimeMs ts{o->getValue<std::int64_t>("ts")};
            TimeMs updated{o->getValue<std::int64_t>("updated")};
            Value scalar;
            bool has = false;
            FlatMap<FieldValue::Entry> entries;
            if (lql::isScalarKind(*kind)) {
                scalar = valueFromVar(o->get("value"));
                has = !scalar.isNil();
            } else {
                auto e = o->getObject("entries");
                if (!e) throw ProfileException("stored profile field '" + name + "' has no entries");
                for (const auto& [k, ev] : *e) {
                    auto arr = ev.extract<Poco::JSON::Array::Ptr>();
                    if (!arr || arr->size() != 3) throw ProfileException("bad entry '" + k + "' in field '" + name + "'");
                    entries.emplace(k, FieldValue::Entry{valueFromVar(arr->get(0)),
                                                         TimeMs{arr->get(1).convert<std::int64_t>()},
                                                         TimeMs{arr->get(2).convert<std::int64_t>()}});
                }
                has = !entries.empty();
            }
            p._fields.emplace(name, FieldValue::restore(*kind, *op, has, std::move(scalar), ts, updated,
                                                        std::move(entries)));
        }
    } catch (const ProfileException&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw ProfileException("malformed stored profile JSON: " + e.displayText());
    } catch (const std::exception& e) {
        throw ProfileException(std::string("malformed stored profile JSON: ") + e.what());
    }
    return p;
}

Profile Profile::selectFields(const std::vector<std::string>& names) const
{
    Profile part;
    for (const auto& name : names) {
        auto it = _fields.find(name);
        if (it == _fields.end()) {
            const auto dot = name.find('.');
            if (dot == std::string::npos) continue;
            it = _fields.find(name.substr(0, dot));
            if (it == _fields.end()) continue;
        }
        part._fields.emplace(it->first, it->second);
    }
    return part;
}

std::string Profile::toPlainJson(const std::vector<std::string>& only) const { return selectFields(only).toPlainJson(); }

std::string Profile::toPlainJson() const
{
    std::string s = "{";
    bool first = true;
    for (const auto& [name, f] : _fields) {
        if (f.empty()) continue;
        s += std::string(first ? "\n" : ",\n") + "  " + JsonText::quote(name) + ": " + JsonText::plain(f.value());
        first = false;
    }
    return s + (first ? "}" : "\n}");
}

} // namespace jobhost::host::profiles
