// jobhost host — SqlDialect.h
// The SQL that differs between the store's two engines, in one place.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include <Poco/Data/Session.h>

namespace jobhost::host {

/// The engine of a store session: the embedded SQLite file or a PostgreSQL
/// database. Repositories write their SQL once, in the form both engines take
/// (SQLite 3.35+ and PostgreSQL 11+ share ON CONFLICT upserts, RETURNING and
/// partial-index conflict targets), with `?` placeholders, and pass it through
/// their session's dialect; what cannot be written once is a method here.
/// The two dialects are immutable singletons; thread-safe.
class SqlDialect {
public:
    enum class Engine { SQLite, PostgreSQL };

    /// The dialect of the session's connector ("sqlite" or "postgresql").
    /// Throws StoreException for any other connector.
    static const SqlDialect& of(const Poco::Data::Session& session);
    static const SqlDialect& sqlite();
    static const SqlDialect& postgresql();

    Engine engine() const { return _engine; }
    bool isPostgres() const { return _engine == Engine::PostgreSQL; }
    /// "SQLite" or "PostgreSQL", for messages.
    const char* name() const;

    /// The statement text for this engine: unchanged on SQLite; on
    /// PostgreSQL (whose connector takes numbered placeholders) every `?`
    /// outside quotes becomes $1, $2, … in order.
    std::string operator()(std::string_view sql) const;

    /// Whether Statement::execute() of a statement bound to vectors returns
    /// the rows it changed (SQLite) or 1 (Poco 1.11's PostgreSQL connector):
    /// where the count matters, PostgreSQL runs one statement per row.
    bool countsBulkRows() const { return _engine == Engine::SQLite; }

    /// The smaller of two expressions: MIN(a, b) / LEAST(a, b).
    std::string least(std::string_view a, std::string_view b) const;

    /// Appended to a SELECT that claims rows for this transaction: "" on
    /// SQLite (its one writer already excludes the others) and
    /// " FOR UPDATE SKIP LOCKED" on PostgreSQL.
    const char* claimRows() const;

    /// Appended to a SELECT of one row that must stay locked until the
    /// transaction ends (a per-row mutex): "" on SQLite, " FOR UPDATE" on PostgreSQL.
    const char* lockRow() const;

private:
    explicit SqlDialect(Engine engine) : _engine(engine) {}
    Engine _engine;
};

} // namespace jobhost::host
