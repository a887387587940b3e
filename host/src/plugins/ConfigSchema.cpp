// jobhost host — ConfigSchema.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/ConfigSchema.h"

#include "util/JsonDocument.h"

#include <cmath>
#include <set>
#include <sstream>

#include <Poco/JSON/Array.h>

#include "app/HostException.h"
#include "plugins/ValueFormat.h"

namespace jobhost::host {

const char* fieldTypeName(FieldType type) {
    switch (type) {
    case FieldType::String: return "string";
    case FieldType::Integer: return "integer";
    case FieldType::Number: return "number";
    case FieldType::Boolean: return "boolean";
    case FieldType::Object: return "object";
    case FieldType::Map: return "map";
    case FieldType::Array: return "array";
    }
    return "?";
}

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

bool isObject(const Var& v) { return v.type() == typeid(Object::Ptr); }
bool isArray(const Var& v) { return v.type() == typeid(Array::Ptr); }
bool isBool(const Var& v) { return v.type() == typeid(bool); }
bool isString(const Var& v) { return v.isString(); }
bool isNumber(const Var& v) { return !isBool(v) && v.isNumeric(); }
// A whole number an int64 holds (what an integer field keeps).
bool isInteger(const Var& v) { return JsonDocument::asInt64(v).has_value(); }

std::string describe(const Var& v) {
    if (v.isEmpty()) return "null";
    if (isObject(v)) return "an object";
    if (isArray(v)) return "an array";
    if (isBool(v)) return std::string("boolean ") + (v.convert<bool>() ? "true" : "false");
    if (isString(v)) return "string \"" + v.convert<std::string>() + "\"";
    if (isNumber(v)) return "number " + v.convert<std::string>();
    return "a value";
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

FieldType parseType(const std::string& name, const std::string& path) {
    static const std::pair<const char*, FieldType> types[] = {
        {"string", FieldType::String},   {"integer", FieldType::Integer}, {"number", FieldType::Number},
        {"boolean", FieldType::Boolean}, {"object", FieldType::Object},   {"map", FieldType::Map},
        {"array", FieldType::Array}};
    for (const auto& [n, t] : types)
        if (name == n) return t;
    throw ManifestException(path + ": unknown type \"" + name +
                            "\"; expected one of string, integer, number, boolean, object, map, array");
}

SchemaField parseField(const std::string& key, const Var& spec, const std::string& path);

std::vector<SchemaField> parseFields(const Object::Ptr& fields, const std::string& path) {
    std::vector<SchemaField> result;
    if (!fields) return result;
    std::vector<std::string> names;
    fields->getNames(names);
    // Keep declaration order: Poco objects keep insertion order when preserveInsertionOrder is set;
    // otherwise names are sorted, which is still deterministic.
    for (const auto& name : names) result.push_back(parseField(name, fields->get(name), join(path, name)));
    return result;
}

void checkValue(const SchemaField& field, const Var& value, const std::string& path, std::vector<std::string>& errors);

SchemaField parseField(const std::string& key, const Var& spec, const std::string& path) {
    if (!isObject(spec)) throw ManifestException(path + ": expected an object describing the field, found " + describe(spec));
    Object::Ptr o = spec.extract<Object::Ptr>();
    static const std::set<std::string> known = {"type", "required", "secret", "default", "enum", "minimum", "maximum",
                                                "format", "title", "description", "properties", "values", "items"};
    std::vector<std::string> names;
    o->getNames(names);
    for (const auto& n : names)
        if (!known.count(n)) throw ManifestException(join(path, n) + ": unknown schema attribute");
    SchemaField field;
    field.key = key;
    if (!o->has("type") || !o->get("type").isString()) throw ManifestException(join(path, "type") + ": required string is missing");
    field.type = parseType(o->getValue<std::string>("type"), join(path, "type"));
    auto flag = [&](const char* name) {
        if (!o->has(name)) return false;
        Var v = o->get(name);
        if (!isBool(v)) throw ManifestException(join(path, name) + ": expected boolean, found " + describe(v));
        return v.convert<bool>();
    };
    auto text = [&](const char* name) {
        if (!o->has(name)) return std::string();
        Var v = o->get(name);
        if (!isString(v)) throw ManifestException(join(path, name) + ": expected string, found " + describe(v));
        return v.convert<std::string>();
    };
    auto number = [&](const char* name) -> std::optional<double> {
        if (!o->has(name)) return std::nullopt;
        Var v = o->get(name);
        if (!isNumber(v)) throw ManifestException(join(path, name) + ": expected number, found " + describe(v));
        return v.convert<double>();
    };
    field.required = flag("required");
    field.secret = flag("secret");
    field.title = text("title");
    field.description = text("description");
    field.minimum = number("minimum");
    field.maximum = number("maximum");
    field.format = text("format");
    if (o->has("format")) {
        if (field.type != FieldType::String) throw ManifestException(join(path, "format") + ": only fields of type string have a format");
        if (!ValueFormat::isKnown(field.format))
            throw ManifestException(join(path, "format") + ": unknown format \"" + field.format + "\"; expected one of " +
                                    ValueFormat::knownNames());
    }
    if (o->has("enum")) {
        Var e = o->get("enum");
        if (!isArray(e)) throw ManifestException(join(path, "enum") + ": expected an array of strings");
        Array::Ptr values = e.extract<Array::Ptr>();
        for (std::size_t i = 0; i < values->size(); ++i) {
            if (!values->get(i).isString()) throw ManifestException(join(path, "enum") + "[" + std::to_string(i) + "]: expected string");
            field.enumValues.push_back(values->getElement<std::string>(i));
        }
    }
    if (field.type == FieldType::Object) {
        Var p = o->get("properties");
        if (!isObject(p)) throw ManifestException(join(path, "properties") + ": an object field needs a properties object");
        field.properties = parseFields(p.extract<Object::Ptr>(), join(path, "properties"));
    } else if (o->has("properties")) {
        throw ManifestException(join(path, "properties") + ": only fields of type object have properties");
    }
    const char* elementKey = field.type == FieldType::Map ? "values" : field.type == FieldType::Array ? "items" : nullptr;
    if (elementKey) {
        if (!o->has(elementKey)) throw ManifestException(join(path, elementKey) + ": a " + fieldTypeName(field.type) + " field must describe its " + elementKey);
        field.element = std::make_shared<SchemaField>(parseField("", o->get(elementKey), join(path, elementKey)));
    }
    for (const char* k : {"values", "items"})
        if (o->has(k) && (!elementKey || std::string(k) != elementKey))
            throw ManifestException(join(path, k) + ": not allowed on a field of type " + fieldTypeName(field.type));
    if (o->has("default")) {
        std::vector<std::string> errors;
        checkValue(field, o->get("default"), join(path, "default"), errors);
        if (!errors.empty()) throw ManifestException(errors.front());
        field.defaultValue = o->get("default");
    }
    if (field.required && field.defaultValue)
        throw ManifestException(path + ": a required field cannot have a default");
    return field;
}

Var normalize(const SchemaField& field, const Var& value, const std::string& path, std::vector<std::string>& errors);

Object::Ptr validateFields(const std::vector<SchemaField>& fields, const Object::Ptr& config, const std::string& path,
                           std::vector<std::string>& errors) {
    Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    std::set<std::string> declared;
    for (const auto& f : fields) declared.insert(f.key);
    if (config) {
        std::vector<std::string> names;
        config->getNames(names);
        for (const auto& n : names)
            if (!declared.count(n)) {
                std::string hint;
                for (const auto& d : declared) hint += (hint.empty() ? "" : ", ") + d;
                errors.push_back(join(path, n) + ": unknown key (known keys: " + hint + ")");
            }
    }
    for (const auto& f : fields) {
        std::string p = join(path, f.key);
        if (config && config->has(f.key) && !config->get(f.key).isEmpty()) {
            out->set(f.key, normalize(f, config->get(f.key), p, errors));
        } else if (f.defaultValue) {
            out->set(f.key, *f.defaultValue);
        } else if (f.required) {
            errors.push_back(p + ": required " + std::string(fieldTypeName(f.type)) + " is missing");
        }
    }
    return out;
}

void checkValue(const SchemaField& field, const Var& value, const std::string& path, std::vector<std::string>& errors) {
    normalize(field, value, path, errors);
}

Var normalize(const SchemaField& field, const Var& value, const std::string& path, std::vector<std::string>& errors) {
    auto wrong = [&]() {
        errors.push_back(path + ": expected " + std::string(fieldTypeName(field.type)) + ", found " + describe(value));
        return value;
    };
    switch (field.type) {
    case FieldType::String: {
        if (!isString(value)) return wrong();
        std::string s = value.convert<std::string>();
        if (!field.enumValues.empty()) {
            bool found = false;
            std::string allowed;
            for (const auto& e : field.enumValues) { found |= (e == s); allowed += (allowed.empty() ? "" : ", ") + e; }
            if (!found) errors.push_back(path + ": \"" + s + "\" is not one of " + allowed);
        }
        if (!field.format.empty())
            if (auto problem = ValueFormat::check(field.format, s)) errors.push_back(path + ": " + *problem);
        return value;
    }
    case FieldType::Integer:
    case FieldType::Number: {
        if (field.type == FieldType::Integer ? !isInteger(value) : !isNumber(value)) return wrong();
        double d = value.convert<double>();
        if (field.minimum && d < *field.minimum) errors.push_back(path + ": " + value.convert<std::string>() + " is below the minimum " + Var(*field.minimum).convert<std::string>());
        if (field.maximum && d > *field.maximum) errors.push_back(path + ": " + value.convert<std::string>() + " is above the maximum " + Var(*field.maximum).convert<std::string>());
        if (field.type == FieldType::Integer) return Var(static_cast<Poco::Int64>(*JsonDocument::asInt64(value)));
        return value;
    }
    case FieldType::Boolean:
        if (!isBool(value)) return wrong();
        return value;
    case FieldType::Object:
        if (!isObject(value)) return wrong();
        return validateFields(field.properties, value.extract<Object::Ptr>(), path, errors);
    case FieldType::Map: {
        if (!isObject(value)) return wrong();
        Object::Ptr in = value.extract<Object::Ptr>();
        Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        std::vector<std::string> names;
        in->getNames(names);
        for (const auto& n : names) out->set(n, normalize(*field.element, in->get(n), join(path, n), errors));
        return out;
    }
    case FieldType::Array: {
        if (!isArray(value)) return wrong();
        Array::Ptr in = value.extract<Array::Ptr>();
        Array::Ptr out = new Array;
        for (std::size_t i = 0; i < in->size(); ++i)
            out->add(normalize(*field.element, in->get(i), path + "[" + std::to_string(i) + "]", errors));
        return out;
    }
    }
    return value;
}

Object::Ptr fieldToJson(const SchemaField& f) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("type", fieldTypeName(f.type));
    if (f.required) o->set("required", true);
    if (f.secret) o->set("secret", true);
    if (f.defaultValue) o->set("default", *f.defaultValue);
    if (!f.enumValues.empty()) {
        Array::Ptr e = new Array;
        for (const auto& v : f.enumValues) e->add(v);
        o->set("enum", e);
    }
    if (!f.format.empty()) o->set("format", f.format);
    if (f.minimum) o->set("minimum", *f.minimum);
    if (f.maximum) o->set("maximum", *f.maximum);
    if (!f.title.empty()) o->set("title", f.title);
    if (!f.description.empty()) o->set("description", f.description);
    if (f.type == FieldType::Object) {
        Object::Ptr p = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const auto& c : f.properties) p->set(c.key, fieldToJson(c));
        o->set("properties", p);
    }
    if (f.element) o->set(f.type == FieldType::Map ? "values" : "items", fieldToJson(*f.element));
    return o;
}

} // namespace

ConfigSchema ConfigSchema::fromJson(const Object::Ptr& fields, const std::string& path) {
    ConfigSchema schema;
    schema._fields = parseFields(fields, path);
    return schema;
}

Object::Ptr ConfigSchema::validate(const Object::Ptr& config, const std::string& path, std::vector<std::string>& errors) const {
    return validateFields(_fields, config, path, errors);
}

Object::Ptr ConfigSchema::validateOrThrow(const Object::Ptr& config, const std::string& path) const {
    std::vector<std::string> errors;
    Object::Ptr result = validate(config, path, errors);
    if (!errors.empty()) {
        std::ostringstream message;
        for (std::size_t i = 0; i < errors.size(); ++i) message << (i ? "\n" : "") << errors[i];
        throw ConfigException(message.str());
    }
    return result;
}

std::vector<std::string> ConfigSchema::secretKeys() const {
    std::vector<std::string> keys;
    for (const auto& f : _fields)
        if (f.secret) keys.push_back(f.key);
    return keys;
}

Object::Ptr ConfigSchema::toJson() const {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& f : _fields) o->set(f.key, fieldToJson(f));
    return o;
}

} // namespace jobhost::host
