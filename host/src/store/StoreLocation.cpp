// jobhost host — StoreLocation.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/StoreLocation.h"

#include <cctype>

#include "app/HostException.h"

namespace jobhost::host {
namespace {

[[noreturn]] void malformed(const std::string& where, const std::string& shown, const std::string& what) {
    throw ConfigException(where + ": " + what + " in store URL " + shown +
                          " (expected postgresql://user[:password]@host[:port]/database[?key=value&...])");
}

/// %XX decoding; throws on a broken escape.
std::string percentDecoded(const std::string& part, const std::string& where, const std::string& shown) {
    std::string out;
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (part[i] != '%') {
            out += part[i];
            continue;
        }
        if (i + 2 >= part.size() || !std::isxdigit(static_cast<unsigned char>(part[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(part[i + 2])))
            malformed(where, shown, "a broken %-escape");
        out += static_cast<char>(std::stoi(part.substr(i + 1, 2), nullptr, 16));
        i += 2;
    }
    return out;
}

/// Poco's connector splits its connection string at spaces, even inside
/// quotes: a value with white space cannot reach libpq.
void refuseSpace(const std::string& value, const std::string& part, const std::string& where, const std::string& shown) {
    for (char c : value)
        if (std::isspace(static_cast<unsigned char>(c)))
            malformed(where, shown, "white space in the " + part +
                                        " (Poco's PostgreSQL connector cannot pass it; for a password use PGPASSWORD or ~/.pgpass)");
}

/// A libpq keyword value: 'v' with \ and ' escaped.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

} // namespace

StoreLocation StoreLocation::sqliteFile(std::string file) {
    StoreLocation location;
    location._file = std::move(file);
    return location;
}

StoreLocation StoreLocation::parse(const std::string& value, const std::string& where) {
    if (value.empty()) throw ConfigException(where + ": the store location is empty (a SQLite file or postgresql://...)");
    std::string rest;
    for (const char* scheme : {"postgresql://", "postgres://"}) {
        const std::string s(scheme);
        if (value.compare(0, s.size(), s) == 0) rest = value.substr(s.size());
    }
    if (rest.empty() && value.find("://") == std::string::npos) return sqliteFile(value);
    if (rest.empty()) {
        const std::string scheme = value.substr(0, value.find("://"));
        throw ConfigException(where + ": unsupported store '" + scheme +
                              "://...' (a SQLite file path, or postgresql://user@host:port/database)");
    }
    StoreLocation location;
    location._engine = SqlDialect::Engine::PostgreSQL;
    // Shown in errors before the password is known to be split off: drop userinfo altogether.
    const std::size_t at = rest.rfind('@', rest.find('/'));
    const std::string shown = "postgresql://" + (at == std::string::npos ? rest : "...@" + rest.substr(at + 1));
    std::string authority = rest, path;
    const std::size_t slash = rest.find('/');
    if (slash != std::string::npos) {
        authority = rest.substr(0, slash);
        path = rest.substr(slash + 1);
    }
    std::string query;
    const std::size_t question = path.find('?');
    if (question != std::string::npos) {
        query = path.substr(question + 1);
        path = path.substr(0, question);
    }
    std::string hostPort = authority;
    const std::size_t userEnd = authority.rfind('@');
    if (userEnd != std::string::npos) {
        const std::string userInfo = authority.substr(0, userEnd);
        hostPort = authority.substr(userEnd + 1);
        const std::size_t colon = userInfo.find(':');
        location._user = percentDecoded(userInfo.substr(0, colon), where, shown);
        if (colon != std::string::npos) location._password = percentDecoded(userInfo.substr(colon + 1), where, shown);
    }
    std::string portText;
    if (!hostPort.empty() && hostPort[0] == '[') { // [::1]:5432
        const std::size_t close = hostPort.find(']');
        if (close == std::string::npos) malformed(where, shown, "an unclosed [ in the host");
        location._host = hostPort.substr(1, close - 1);
        if (close + 1 < hostPort.size()) {
            if (hostPort[close + 1] != ':') malformed(where, shown, "text after the host");
            portText = hostPort.substr(close + 2);
        }
    } else {
        const std::size_t colon = hostPort.rfind(':');
        location._host = percentDecoded(hostPort.substr(0, colon), where, shown);
        if (colon != std::string::npos) portText = hostPort.substr(colon + 1);
    }
    if (location._host.empty()) malformed(where, shown, "no host");
    if (!portText.empty() || hostPort.find(':') != std::string::npos) {
        bool digits = !portText.empty() && portText.size() <= 5;
        for (char c : portText) digits = digits && std::isdigit(static_cast<unsigned char>(c));
        const int port = digits ? std::stoi(portText) : 0;
        if (port < 1 || port > 65535) malformed(where, shown, "port '" + portText + "' is not 1-65535");
        location._port = port;
    }
    location._database = percentDecoded(path, where, shown);
    if (location._database.empty()) malformed(where, shown, "no database name");
    refuseSpace(location._host, "host", where, shown);
    refuseSpace(location._user, "user", where, shown);
    refuseSpace(location._password, "password", where, shown);
    refuseSpace(location._database, "database name", where, shown);
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string key = pair.substr(0, eq);
        bool word = !key.empty();
        for (char c : key) word = word && (std::islower(static_cast<unsigned char>(c)) || c == '_');
        if (!word || eq == std::string::npos) malformed(where, shown, "query part '" + key + "' is not key=value");
        if (key.find("password") != std::string::npos)
            malformed(where, shown, "a password in the query (put it in the user part, PGPASSWORD or ~/.pgpass)");
        const std::string decoded = percentDecoded(pair.substr(eq + 1), where, shown);
        refuseSpace(decoded, "value of " + key, where, shown);
        location._options += " " + key + "=" + quoted(decoded);
    }
    location._query = query;
    return location;
}

std::string StoreLocation::connectionString() const {
    std::string s = "host=" + quoted(_host) + " port=" + quoted(std::to_string(_port)) + " dbname=" + quoted(_database);
    if (!_user.empty()) s += " user=" + quoted(_user);
    if (!_password.empty()) s += " password=" + quoted(_password);
    return s + _options;
}

std::string StoreLocation::display() const {
    if (!isPostgres()) return _file;
    const bool v6 = _host.find(':') != std::string::npos;
    return "postgresql://" + (_user.empty() ? std::string() : _user + "@") + (v6 ? "[" + _host + "]" : _host) + ":" +
           std::to_string(_port) + "/" + _database + (_query.empty() ? std::string() : "?" + _query);
}

} // namespace jobhost::host
