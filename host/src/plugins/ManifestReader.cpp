// jobhost host — ManifestReader.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/ManifestReader.h"

#include <algorithm>
#include <set>

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include "app/HostException.h"
#include "jobhost/sdk/Abi.h"
#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

/// Reads members of one JSON object with key-path messages; refuses unknown keys.
class Members {
public:
    Members(const Object::Ptr& object, std::string path, std::set<std::string> allowed)
        : _object(object), _path(std::move(path)) {
        std::vector<std::string> names;
        object->getNames(names);
        for (const auto& n : names)
            if (!allowed.count(n)) {
                std::string list;
                for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
                fail(n, "unknown key (allowed: " + list + ")");
            }
    }
    std::string key(const std::string& name) const { return _path.empty() ? name : _path + "." + name; }
    [[noreturn]] void fail(const std::string& name, const std::string& what) const { throw ManifestException(key(name) + ": " + what); }

    std::string text(const std::string& name, bool required, const std::string& fallback = {}) const {
        if (!_object->has(name)) {
            if (required) fail(name, "required string is missing");
            return fallback;
        }
        Var v = _object->get(name);
        if (!v.isString()) fail(name, "expected string");
        std::string s = v.convert<std::string>();
        if (required && s.empty()) fail(name, "must not be empty");
        return s;
    }
    std::int64_t integer(const std::string& name, bool required, std::int64_t fallback, std::int64_t min, std::int64_t max) const {
        if (!_object->has(name)) {
            if (required) fail(name, "required integer is missing");
            return fallback;
        }
        auto parsed = JsonDocument::asInt64(_object->get(name));
        if (!parsed) fail(name, "expected integer");
        const std::int64_t i = *parsed;
        if (i < min || i > max) fail(name, std::to_string(i) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
        return i;
    }
    double number(const std::string& name, double fallback, double min) const {
        if (!_object->has(name)) return fallback;
        Var v = _object->get(name);
        if (v.type() == typeid(bool) || !v.isNumeric()) fail(name, "expected number");
        double d = v.convert<double>();
        if (d < min) fail(name, "must be at least " + Var(min).convert<std::string>());
        return d;
    }
    Object::Ptr object(const std::string& name, bool required) const {
        if (!_object->has(name)) {
            if (required) fail(name, "required object is missing");
            return nullptr;
        }
        Var v = _object->get(name);
        if (v.type() != typeid(Object::Ptr)) fail(name, "expected object");
        return v.extract<Object::Ptr>();
    }
    std::vector<std::string> names() const {
        std::vector<std::string> n;
        _object->getNames(n);
        return n;
    }

private:
    Object::Ptr _object;
    std::string _path;
};

bool validName(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

RetrySettings readRetry(const Members& parent, const std::string& name, RetrySettings defaults) {
    Object::Ptr o = parent.object(name, false);
    if (!o) return defaults;
    Members m(o, parent.key(name), {"max_attempts", "base_ms", "cap_ms", "max_elapsed_ms"});
    RetrySettings r;
    r.maxAttempts = static_cast<int>(m.integer("max_attempts", false, defaults.maxAttempts, 0, 1000));
    r.baseMs = m.integer("base_ms", false, defaults.baseMs, 1, 86400000);
    r.capMs = m.integer("cap_ms", false, defaults.capMs, 1, 7 * 86400000LL);
    r.maxElapsedMs = m.integer("max_elapsed_ms", false, defaults.maxElapsedMs, 0, 7 * 86400000LL);
    if (r.capMs < r.baseMs) m.fail("cap_ms", "must not be below base_ms");
    return r;
}

} // namespace

bool ManifestReader::looksLikeManifest(const Object::Ptr& document) {
    return document && document->has("library") && document->has("abi");
}

ProviderManifest ManifestReader::readFile(const std::string& path) {
    Object::Ptr document = JsonDocument::readObjectFile(path);
    return read(document, path);
}

ProviderManifest ManifestReader::read(const Object::Ptr& document, const std::string& path) {
    try {
        Members top(document, "",
                    {"name", "title", "description", "version", "abi", "library", "concurrency", "authorization_methods",
                     "job_types", "streams", "retry", "rate_limit", "http_limits"});
        ProviderManifest m;
        m.path = path;
        m.name = top.text("name", true);
        if (!validName(m.name)) top.fail("name", "\"" + m.name + "\" must be 1-64 letters, digits, '_' or '-'");
        m.title = top.text("title", false, m.name);
        m.description = top.text("description", false);
        m.version = top.text("version", true);
        m.abi = static_cast<int>(top.integer("abi", true, 0, 0, 1 << 20));
        if (m.abi != JOBHOST_SDK_ABI_VERSION)
            top.fail("abi", "manifest declares ABI " + std::to_string(m.abi) + ", this host speaks ABI " +
                                std::to_string(JOBHOST_SDK_ABI_VERSION) + "; install a plugin and manifest built for ABI " +
                                std::to_string(JOBHOST_SDK_ABI_VERSION));
        m.library = top.text("library", true);
        if (!validName(m.library))
            top.fail("library", "\"" + m.library + "\" must be a plain file name without directories or extension (letters, digits, '_' or '-')");
        m.concurrency = static_cast<int>(top.integer("concurrency", false, 1, 1, 64));

        Object::Ptr methods = top.object("authorization_methods", true);
        std::vector<std::string> names;
        methods->getNames(names);
        if (names.empty()) top.fail("authorization_methods", "declare at least one method");
        for (const auto& name : names) {
            std::string key = "authorization_methods." + name;
            if (methods->get(name).type() != typeid(Object::Ptr)) throw ManifestException(key + ": expected object");
            Members mm(methods->getObject(name), key, {"title", "fields"});
            AuthMethod method;
            method.name = name;
            method.title = mm.text("title", false, name);
            method.fields = ConfigSchema::fromJson(mm.object("fields", true), key + ".fields");
            m.authMethods.push_back(std::move(method));
        }

        Object::Ptr jobs = top.object("job_types", true);
        names.clear();
        jobs->getNames(names);
        if (names.empty()) top.fail("job_types", "declare at least one job type");
        for (const auto& name : names) {
            std::string key = "job_types." + name;
            if (!validName(name)) throw ManifestException(key + ": job type names are letters, digits, '_' or '-'");
            if (jobs->get(name).type() != typeid(Object::Ptr)) throw ManifestException(key + ": expected object");
            Members jm(jobs->getObject(name), key, {"role", "title", "description", "default_interval_seconds", "config"});
            JobType type;
            type.name = name;
            std::string role = jm.text("role", true);
            if (role == "import") type.role = JobRole::Import;
            else if (role == "export") type.role = JobRole::Export;
            else jm.fail("role", "\"" + role + "\" is not one of import, export");
            type.title = jm.text("title", false, name);
            type.description = jm.text("description", false);
            type.defaultIntervalSeconds = jm.integer("default_interval_seconds", false, 0, 0, 366 * 86400LL);
            type.config = ConfigSchema::fromJson(jm.object("config", true), key + ".config");
            m.jobTypes.push_back(std::move(type));
        }

        if (Object::Ptr streams = top.object("streams", false)) {
            names.clear();
            streams->getNames(names);
            Poco::Path base = Poco::Path(path).absolute().parent();
            for (const auto& name : names) {
                std::string key = "streams." + name;
                if (!validName(name)) throw ManifestException(key + ": stream names are letters, digits, '_' or '-'");
                if (streams->get(name).type() != typeid(Object::Ptr)) throw ManifestException(key + ": expected object");
                Members sm(streams->getObject(name), key, {"mapping", "description"});
                StreamSpec stream;
                stream.name = name;
                stream.description = sm.text("description", false);
                std::string mapping = sm.text("mapping", false);
                if (!mapping.empty()) {
                    Poco::Path mp(mapping);
                    if (mp.isAbsolute() || mapping.find("..") != std::string::npos)
                        sm.fail("mapping", "must be a relative path below the manifest's folder");
                    stream.mappingFile = Poco::Path(base, mp).toString();
                    if (!Poco::File(stream.mappingFile).exists())
                        sm.fail("mapping", "file " + stream.mappingFile + " does not exist");
                }
                m.streams.push_back(std::move(stream));
            }
        }

        if (Object::Ptr retry = top.object("retry", false)) {
            Members rm(retry, "retry", {"http", "run", "export_item"});
            m.httpRetry = readRetry(rm, "http", m.httpRetry);
            m.runRetry = readRetry(rm, "run", m.runRetry);
            m.exportItemRetry = readRetry(rm, "export_item", m.exportItemRetry);
        }
        if (Object::Ptr rate = top.object("rate_limit", false)) {
            Members rl(rate, "rate_limit", {"requests_per_second", "burst"});
            m.rateLimit.requestsPerSecond = rl.number("requests_per_second", m.rateLimit.requestsPerSecond, 0.001);
            m.rateLimit.burst = rl.number("burst", m.rateLimit.burst, 1);
        }
        if (Object::Ptr limits = top.object("http_limits", false)) {
            Members hl(limits, "http_limits", {"max_body_bytes", "max_attempt_ms", "max_json_depth"});
            m.httpLimits.maxBodyBytes = static_cast<std::size_t>(
                hl.integer("max_body_bytes", false, static_cast<std::int64_t>(m.httpLimits.maxBodyBytes), 1024, 1LL << 34));
            m.httpLimits.maxAttemptMs = hl.integer("max_attempt_ms", false, m.httpLimits.maxAttemptMs, 0, 86400000);
            m.httpLimits.maxJsonDepth = static_cast<int>(hl.integer("max_json_depth", false, m.httpLimits.maxJsonDepth, 0, 100000));
        }
        return m;
    } catch (const ManifestException& e) {
        throw ManifestException(path + ": " + e.message());
    }
}

std::vector<std::string> ManifestReader::listManifestFiles(const std::string& directory) {
    std::vector<std::string> files;
    Poco::File dir(directory);
    if (!dir.exists() || !dir.isDirectory()) throw ConfigException(directory + ": manifest directory does not exist");
    for (Poco::DirectoryIterator it(directory), end; it != end; ++it)
        if (it->isFile() && Poco::Path(it->path()).getExtension() == "json") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace jobhost::host
