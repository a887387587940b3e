// jobhost host — SqlDialect.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/SqlDialect.h"

#include "app/HostException.h"

namespace jobhost::host {

const SqlDialect& SqlDialect::sqlite() {
    static const SqlDialect dialect(Engine::SQLite);
    return dialect;
}

const SqlDialect& SqlDialect::postgresql() {
    static const SqlDialect dialect(Engine::PostgreSQL);
    return dialect;
}

const SqlDialect& SqlDialect::of(const Poco::Data::Session& session) {
    const std::string connector = session.connector();
    if (connector == "sqlite") return sqlite();
    if (connector == "postgresql") return postgresql();
    throw StoreException("store session of unknown engine '" + connector + "' (jobhost stores are SQLite or PostgreSQL)");
}

const char* SqlDialect::name() const { return _engine == Engine::SQLite ? "SQLite" : "PostgreSQL"; }

std::string SqlDialect::operator()(std::string_view sql) const {
    if (_engine == Engine::SQLite) return std::string(sql);
    std::string out;
    out.reserve(sql.size() + 16);
    int next = 0;
    char quote = 0; // inside '...' or "..." (a doubled quote closes and reopens: same result)
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$';
            out += std::to_string(++next);
        } else {
            out += c;
        }
    }
    return out;
}

std::string SqlDialect::least(std::string_view a, std::string_view b) const {
    return std::string(_engine == Engine::SQLite ? "MIN(" : "LEAST(") + std::string(a) + ", " + std::string(b) + ")";
}

const char* SqlDialect::claimRows() const { return _engine == Engine::SQLite ? "" : " FOR UPDATE SKIP LOCKED"; }

const char* SqlDialect::lockRow() const { return _engine == Engine::SQLite ? "" : " FOR UPDATE"; }

} // namespace jobhost::host
