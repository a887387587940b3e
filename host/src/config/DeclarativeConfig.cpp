// jobhost host — DeclarativeConfig.cpp
// SPDX-License-Identifier: Apache-2.0
#include "config/DeclarativeConfig.h"

#include <regex>
#include <set>
#include <sstream>

#include <Poco/Environment.h>
#include <Poco/Path.h>

#include "app/HostException.h"
#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

const std::regex kReference(R"(^\$\{(env|file):([^}]+)\}$)");
const std::regex kName(R"(^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$)");

/// "<path>.<key>", or just "<key>" at the top of a document without a path (the console's job form).
std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

/// Collects problems instead of stopping at the first.
class Problems {
public:
    void add(const std::string& path, const std::string& what) { _lines.push_back(path + ": " + what); }
    void addAll(const std::vector<std::string>& lines) { _lines.insert(_lines.end(), lines.begin(), lines.end()); }
    const std::vector<std::string>& lines() const { return _lines; }
    bool empty() const { return _lines.empty(); }
    [[noreturn]] void raise(const std::string& origin) const {
        std::ostringstream out;
        out << origin << ": " << _lines.size() << (_lines.size() == 1 ? " problem" : " problems");
        for (const auto& l : _lines) out << "\n  " << l;
        throw ConfigException(out.str());
    }

private:
    std::vector<std::string> _lines;
};

Object::Ptr objectAt(const Object::Ptr& parent, const std::string& key, const std::string& path, Problems& problems) {
    if (!parent->has(key)) return nullptr;
    Var v = parent->get(key);
    if (v.type() != typeid(Object::Ptr)) {
        problems.add(path, "expected an object keyed by name");
        return nullptr;
    }
    return v.extract<Object::Ptr>();
}

std::string text(const Object::Ptr& o, const std::string& key, const std::string& path, Problems& problems, bool required) {
    if (!o->has(key)) {
        if (required) problems.add(join(path, key), "required string is missing");
        return {};
    }
    Var v = o->get(key);
    if (!v.isString()) {
        problems.add(join(path, key), "expected string");
        return {};
    }
    return v.convert<std::string>();
}

void refuseUnknown(const Object::Ptr& o, const std::string& path, const std::set<std::string>& allowed, Problems& problems) {
    std::vector<std::string> names;
    o->getNames(names);
    for (const auto& n : names)
        if (!allowed.count(n)) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            problems.add(join(path, n), "unknown key (allowed: " + list + ")");
        }
}

} // namespace

DeclarativeConfig DeclarativeConfig::readFile(const std::string& path, const PluginRegistry& manifests) {
    return read(JsonDocument::readObjectFile(path), path, manifests);
}

DeclarativeConfig DeclarativeConfig::read(const Object::Ptr& document, const std::string& origin, const PluginRegistry& manifests) {
    DeclarativeConfig config;
    config._origin = origin;
    Problems problems;
    refuseUnknown(document, "(top)", {"authorizations", "jobs", "audiences"}, problems);

    auto eachNamed = [&](const char* section, auto&& visit) {
        Object::Ptr items = objectAt(document, section, section, problems);
        if (!items) return;
        std::vector<std::string> names;
        items->getNames(names);
        for (const auto& name : names) {
            std::string path = std::string(section) + "." + name;
            if (!std::regex_match(name, kName)) problems.add(path, "names are 1-64 letters, digits, '.', '_' or '-'");
            Var v = items->get(name);
            if (v.type() != typeid(Object::Ptr)) {
                problems.add(path, "expected an object");
                continue;
            }
            visit(name, v.extract<Object::Ptr>(), path);
        }
    };

    eachNamed("authorizations", [&](const std::string& name, const Object::Ptr& o, const std::string& path) {
        refuseUnknown(o, path, {"provider", "method", "label", "description", "fields"}, problems);
        AuthorizationSpec spec;
        spec.name = name;
        spec.provider = text(o, "provider", path, problems, true);
        spec.method = text(o, "method", path, problems, true);
        spec.label = text(o, "label", path, problems, false);
        if (spec.label.empty()) spec.label = name;
        spec.description = text(o, "description", path, problems, false);
        spec.fields = objectAt(o, "fields", path + ".fields", problems);
        if (!spec.fields) spec.fields = new Object;
        if (spec.provider.empty() || spec.method.empty()) return;
        try {
            const ProviderManifest& manifest = manifests.manifest(spec.provider);
            const AuthMethod* method = manifest.findAuthMethod(spec.method);
            if (!method) {
                std::string known;
                for (const auto& m : manifest.authMethods) known += (known.empty() ? "" : ", ") + m.name;
                problems.add(path + ".method", "\"" + spec.method + "\" is not a method of provider " + spec.provider + " (known: " + known + ")");
                return;
            }
            std::vector<std::string> errors;
            method->fields.validate(spec.fields, path + ".fields", errors);
            problems.addAll(errors);
            for (const auto& key : method->fields.secretKeys()) {
                if (!spec.fields->has(key)) continue;
                Var v = spec.fields->get(key);
                if (!v.isString() || !std::regex_match(v.convert<std::string>(), kReference))
                    problems.add(path + ".fields." + key, "secret fields must be a reference, ${env:NAME} or ${file:PATH}, never the secret itself");
            }
        } catch (const HostException& e) {
            problems.add(path + ".provider", e.message());
        }
        config._authorizations.push_back(std::move(spec));
    });

    eachNamed("jobs", [&](const std::string& name, const Object::Ptr& o, const std::string& path) {
        auto declared = [&config](const JobSpec& job) -> std::string {
            for (const auto& a : config._authorizations)
                if (a.name == job.authorization) return {};
            return "\"" + job.authorization + "\" is not declared under authorizations";
        };
        std::vector<std::string> jobProblems;
        JobSpec spec = readJob(name, o, path, manifests, declared, jobProblems);
        problems.addAll(jobProblems);
        if (spec.config) config._jobs.push_back(std::move(spec));
    });

    eachNamed("audiences", [&](const std::string& slug, const Object::Ptr& o, const std::string& path) {
        refuseUnknown(o, path, {"name", "filter"}, problems);
        AudienceSpec spec;
        spec.slug = slug;
        spec.name = text(o, "name", path, problems, false);
        if (spec.name.empty()) spec.name = slug;
        spec.filter = text(o, "filter", path, problems, true);
        config._audiences.push_back(std::move(spec));
    });

    if (!problems.empty()) problems.raise(origin);
    return config;
}

JobSpec DeclarativeConfig::readJob(const std::string& name, const Object::Ptr& o, const std::string& path, const PluginRegistry& manifests,
                                   const AuthorizationCheck& checkAuthorization, std::vector<std::string>& problemLines) {
    Problems problems;
    refuseUnknown(o, path, {"provider", "type", "authorization", "schedule", "enabled", "retry", "config"}, problems);
    JobSpec spec;
    spec.name = name;
    spec.provider = text(o, "provider", path, problems, true);
    spec.type = text(o, "type", path, problems, true);
    spec.authorization = text(o, "authorization", path, problems, true);
    if (o->has("enabled")) {
        Var v = o->get("enabled");
        if (v.type() != typeid(bool)) problems.add(join(path, "enabled"), "expected boolean");
        else spec.enabled = v.convert<bool>();
    }
    if (Object::Ptr schedule = objectAt(o, "schedule", join(path, "schedule"), problems)) {
        refuseUnknown(schedule, join(path, "schedule"), {"interval_seconds"}, problems);
        if (schedule->has("interval_seconds")) {
            Var v = schedule->get("interval_seconds");
            auto seconds = v.isInteger() ? JsonDocument::asInt64(v) : std::nullopt;
            if (!seconds || *seconds < 0)
                problems.add(join(path, "schedule.interval_seconds"), "expected a non-negative integer (0 = manual only)");
            else spec.intervalSeconds = *seconds;
        }
    }
    if (Object::Ptr retry = objectAt(o, "retry", join(path, "retry"), problems)) {
        refuseUnknown(retry, join(path, "retry"), {"max_attempts", "base_ms", "cap_ms", "max_elapsed_ms"}, problems);
        auto read = [&](const char* key, std::optional<std::int64_t>& target) {
            if (!retry->has(key)) return;
            Var v = retry->get(key);
            auto n = v.isInteger() ? JsonDocument::asInt64(v) : std::nullopt;
            if (!n || *n < 0)
                problems.add(join(path, std::string("retry.") + key), "expected a non-negative integer");
            else target = *n;
        };
        read("max_attempts", spec.retry.maxAttempts);
        read("base_ms", spec.retry.baseMs);
        read("cap_ms", spec.retry.capMs);
        read("max_elapsed_ms", spec.retry.maxElapsedMs);
        if (spec.retry.baseMs && spec.retry.capMs && *spec.retry.capMs < *spec.retry.baseMs)
            problems.add(join(path, "retry.cap_ms"), "must not be below base_ms");
    }
    Object::Ptr jobConfig = objectAt(o, "config", join(path, "config"), problems);
    if (!spec.authorization.empty() && checkAuthorization) {
        std::string problem = checkAuthorization(spec);
        if (!problem.empty()) problems.add(join(path, "authorization"), problem);
    }
    if (!spec.provider.empty() && !spec.type.empty()) {
        try {
            const ProviderManifest& manifest = manifests.manifest(spec.provider);
            const JobType* type = manifest.findJobType(spec.type);
            if (!type) {
                std::string known;
                for (const auto& t : manifest.jobTypes) known += (known.empty() ? "" : ", ") + t.name;
                problems.add(join(path, "type"), "\"" + spec.type + "\" is not a job type of provider " + spec.provider + " (known: " + known + ")");
            } else {
                std::vector<std::string> errors;
                spec.config = type->config.validate(jobConfig ? jobConfig : Object::Ptr(new Object), join(path, "config"), errors);
                problems.addAll(errors);
            }
        } catch (const HostException& e) {
            problems.add(join(path, "provider"), e.message());
        }
    }
    problemLines.insert(problemLines.end(), problems.lines().begin(), problems.lines().end());
    return spec;
}

Object::Ptr DeclarativeConfig::resolveSecrets(const AuthorizationSpec& authorization, const PluginRegistry& manifests) const {
    const AuthMethod* method = manifests.manifest(authorization.provider).findAuthMethod(authorization.method);
    if (!method) throw ConfigException("authorizations." + authorization.name + ".method: unknown method " + authorization.method);
    Object::Ptr resolved = new Object(*authorization.fields);
    for (const auto& key : method->fields.secretKeys()) {
        if (!authorization.fields->has(key)) continue;
        std::string path = "authorizations." + authorization.name + ".fields." + key;
        std::string reference = authorization.fields->getValue<std::string>(key);
        std::smatch match;
        if (!std::regex_match(reference, match, kReference)) throw ConfigException(path + ": not a ${env:NAME} or ${file:PATH} reference");
        std::string value;
        if (match[1] == "env") {
            if (!Poco::Environment::has(match[2])) throw ConfigException(path + ": environment variable " + match[2].str() + " is not set");
            value = Poco::Environment::get(match[2]);
        } else {
            Poco::Path file(match[2].str());
            if (!file.isAbsolute()) file = Poco::Path(Poco::Path(_origin).absolute().parent(), file);
            try {
                value = JsonDocument::readFile(file.toString());
            } catch (const ConfigException&) {
                throw ConfigException(path + ": cannot read secret file " + file.toString());
            }
            while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
        }
        if (value.empty()) throw ConfigException(path + ": " + reference + " resolves to an empty value");
        resolved->set(key, value);
    }
    return resolved;
}

} // namespace jobhost::host
