// jobhost host — StoreCopier.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/StoreCopier.h"

#include <algorithm>
#include <memory>
#include <set>

#include <Poco/Data/Extraction.h>
#include <Poco/Data/LOB.h>
#include <Poco/Data/Limit.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include "app/HostException.h"

using namespace Poco::Data::Keywords;

namespace jobhost::host {
namespace {

using Poco::Int64;

/// A column as the PostgreSQL schema types it; the SQLite side holds the
/// same names (checked) with SQLite's storage classes.
struct Column {
    enum class Kind { Integer, Text, Bytes };
    std::string name;
    Kind kind = Kind::Text;
    bool identity = false; // GENERATED … AS IDENTITY: its sequence is moved past the copied ids
};

/// One page of one column: the values read from the source (Poco's
/// extraction tells which were NULL) and their nullable form for the insert.
struct ColumnPage {
    Column column;
    std::vector<Int64> ints;
    std::vector<std::string> texts;
    std::vector<Poco::Data::BLOB> blobs;
    Poco::Data::AbstractExtraction::Ptr extraction;
    std::vector<Poco::Nullable<Int64>> nullableInts;
    std::vector<Poco::Nullable<std::string>> nullableTexts;
    std::vector<Poco::Nullable<Poco::Data::BLOB>> nullableBlobs;
    // Bytes only: 1 where the value is an empty (not NULL) byte string —
    // Poco 1.11's PostgreSQL binder sends an empty BLOB as NULL, so the
    // insert puts it back from this flag.
    std::vector<Int64> emptyBytes;

    void clear() {
        ints.clear();
        texts.clear();
        blobs.clear();
        nullableInts.clear();
        nullableTexts.clear();
        nullableBlobs.clear();
        emptyBytes.clear();
    }
};

std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

StoreException tableError(const Store& store, const std::string& table, const std::string& what) {
    return StoreException("store copy: " + store.display() + ", table " + table + ": " + what);
}

std::set<std::string> sqliteTables(Poco::Data::Session& session) {
    std::vector<std::string> names;
    session << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
               "AND name <> 'schema_migrations'",
        into(names), now;
    return {names.begin(), names.end()};
}

std::set<std::string> postgresTables(Poco::Data::Session& session) {
    std::vector<std::string> names;
    session << "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() "
               "AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'",
        into(names), now;
    return {names.begin(), names.end()};
}

/// The target's columns of `table` in their order, with the copy rule of each type.
std::vector<Column> targetColumns(const Store& target, Poco::Data::Session& session, const std::string& table) {
    std::string name = table;
    std::vector<std::string> names, types, identities;
    session << "SELECT column_name::text, data_type::text, is_identity::text FROM information_schema.columns "
               "WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        use(name), into(names), into(types), into(identities), now;
    std::vector<Column> columns;
    for (std::size_t i = 0; i < names.size(); ++i) {
        Column column;
        column.name = names[i];
        column.identity = identities[i] == "YES";
        if (types[i] == "bigint") column.kind = Column::Kind::Integer;
        else if (types[i] == "text") column.kind = Column::Kind::Text;
        else if (types[i] == "bytea") column.kind = Column::Kind::Bytes;
        else throw tableError(target, table, "column " + names[i] + " has type " + types[i] + ", which store copy has no rule for");
        columns.push_back(std::move(column));
    }
    return columns;
}

/// Refuses a source whose columns differ from the target's, and values whose
/// SQLite storage class the PostgreSQL column would change (text in an
/// integer column would become 0).
void checkSourceColumns(const Store& source, Poco::Data::Session& session, const std::string& table,
                        const std::vector<Column>& columns) {
    std::string name = table;
    std::vector<std::string> names;
    session << "SELECT name FROM pragma_table_info(?)", use(name), into(names), now;
    std::set<std::string> have(names.begin(), names.end()), want;
    for (const auto& c : columns) want.insert(c.name);
    for (const auto& c : want)
        if (!have.count(c)) throw tableError(source, table, "has no column " + c + " (the target's schema has it)");
    for (const auto& c : have)
        if (!want.count(c)) throw tableError(source, table, "has a column " + c + " that the target's schema lacks");
    for (const auto& c : columns) {
        // Bytes take text too: the bytes of the text are what is stored (older profile rows hold JSON text).
        const char* allowed = c.kind == Column::Kind::Integer ? "'integer'" : c.kind == Column::Kind::Text ? "'text'" : "'blob', 'text'";
        Int64 wrong = 0;
        session << "SELECT COUNT(*) FROM " + quoted(table) + " WHERE typeof(" + quoted(c.name) + ") NOT IN ('null', " + allowed + ")",
            into(wrong), now;
        if (wrong > 0)
            throw tableError(source, table, "column " + c.name + ": " + std::to_string(wrong) +
                                                " rows hold values the PostgreSQL column cannot take unchanged (expected " + allowed + ")");
    }
}

Int64 countRows(Poco::Data::Session& session, const std::string& table) {
    Int64 rows = 0;
    session << "SELECT COUNT(*) FROM " + quoted(table), into(rows), now;
    return rows;
}

/// Copies the rows of `table` page by page: one SELECT cursor on the source,
/// one multi-row INSERT per page on the target. Returns the rows copied.
///
/// Each page is one INSERT … VALUES (…), (…) executed once, not a statement
/// bound to vectors: Poco 1.11's PostgreSQL connector runs a vector-bound
/// statement once per row, and a statement that fails after it ran once
/// frees its result twice (the process aborts). A failing page fails on its
/// first execution and throws like any store error.
Int64 copyRows(Poco::Data::Session& from, Poco::Data::Session& to, const SqlDialect& targetSql, const std::string& table,
               const std::vector<Column>& columns, std::size_t batchRows) {
    std::vector<std::unique_ptr<ColumnPage>> pages;
    std::string select = "SELECT ", insert = "INSERT INTO " + quoted(table) + " (", rowValues = "(";
    std::size_t parametersPerRow = 0;
    for (const auto& c : columns) {
        const bool first = pages.empty();
        select += (first ? "" : ", ") + quoted(c.name);
        insert += (first ? "" : ", ") + quoted(c.name);
        rowValues += first ? "" : ", ";
        rowValues += c.kind == Column::Kind::Bytes ? "COALESCE(?, CASE WHEN CAST(? AS BIGINT) = 1 THEN ''::bytea END)" : "?";
        parametersPerRow += c.kind == Column::Kind::Bytes ? 2 : 1;
        pages.push_back(std::make_unique<ColumnPage>());
        pages.back()->column = c;
    }
    select += " FROM " + quoted(table);
    insert += ") VALUES ";
    rowValues += ")";
    // PostgreSQL takes at most 65535 parameters per statement.
    const std::size_t pageRows = std::max<std::size_t>(1, std::min(batchRows, 30000 / std::max<std::size_t>(1, parametersPerRow)));

    Poco::Data::Statement reader(from);
    reader << select;
    for (auto& page : pages) {
        switch (page->column.kind) {
        case Column::Kind::Integer: page->extraction = into(page->ints); break;
        case Column::Kind::Text: page->extraction = into(page->texts); break;
        case Column::Kind::Bytes: page->extraction = into(page->blobs); break;
        }
        reader.addExtract(page->extraction);
    }
    reader , limit(static_cast<Poco::UInt32>(pageRows));

    Int64 copied = 0;
    std::string fullPageSql; // the INSERT of a full page, built once
    while (!reader.done()) {
        for (auto& page : pages) page->clear();
        const std::size_t rows = reader.execute(); // reset: Poco's null flags restart at row 0
        if (rows == 0) break;
        // The values first (the statement binds references into these vectors).
        for (auto& page : pages) {
            auto& p = *page;
            for (std::size_t row = 0; row < rows; ++row) {
                const bool null = p.extraction->isNull(row);
                switch (p.column.kind) {
                case Column::Kind::Integer:
                    p.nullableInts.push_back(null ? Poco::Nullable<Int64>() : Poco::Nullable<Int64>(p.ints[row]));
                    break;
                case Column::Kind::Text:
                    p.nullableTexts.push_back(null ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(p.texts[row]));
                    break;
                case Column::Kind::Bytes:
                    p.nullableBlobs.push_back(null ? Poco::Nullable<Poco::Data::BLOB>() : Poco::Nullable<Poco::Data::BLOB>(p.blobs[row]));
                    p.emptyBytes.push_back(!null && p.blobs[row].size() == 0 ? 1 : 0);
                    break;
                }
            }
        }
        std::string pageSql;
        if (rows == pageRows && !fullPageSql.empty()) {
            pageSql = fullPageSql;
        } else {
            pageSql = insert;
            for (std::size_t row = 0; row < rows; ++row) pageSql += (row ? ", " : "") + rowValues;
            pageSql = targetSql(pageSql);
            if (rows == pageRows) fullPageSql = pageSql;
        }
        Poco::Data::Statement writer(to);
        writer << pageSql;
        for (std::size_t row = 0; row < rows; ++row) {
            for (auto& page : pages) {
                auto& p = *page;
                switch (p.column.kind) {
                case Column::Kind::Integer: writer.addBind(use(p.nullableInts[row])); break;
                case Column::Kind::Text: writer.addBind(use(p.nullableTexts[row])); break;
                case Column::Kind::Bytes:
                    writer.addBind(use(p.nullableBlobs[row]));
                    writer.addBind(use(p.emptyBytes[row]));
                    break;
                }
            }
        }
        writer.execute();
        copied += static_cast<Int64>(rows);
    }
    return copied;
}

/// Moves the sequence of each identity column past the ids copied (and, for
/// a SQLite AUTOINCREMENT table, past the highest id SQLite ever handed out;
/// `sourceHasSequences`: the source has a sqlite_sequence table).
void continueSequences(Poco::Data::Session& from, Poco::Data::Session& to, const std::string& table, const std::vector<Column>& columns,
                       bool sourceHasSequences) {
    for (const auto& c : columns) {
        if (!c.identity) continue;
        Poco::Nullable<Int64> highest;
        to << "SELECT MAX(" + quoted(c.name) + ") FROM " + quoted(table), into(highest), now;
        Int64 next = highest.isNull() ? 0 : highest.value();
        if (sourceHasSequences) {
            std::string name = table;
            std::vector<Int64> given;
            from << "SELECT seq FROM sqlite_sequence WHERE name = ?", use(name), into(given), now;
            for (Int64 g : given) next = std::max(next, g);
        }
        if (next <= 0) continue; // nothing copied: the sequence starts at 1
        std::string name = table, column = c.name;
        Int64 set = 0;
        to << "SELECT setval(pg_get_serial_sequence($1, $2), $3)", use(name), use(column), use(next), into(set), now;
    }
}

} // namespace

const std::vector<std::string>& StoreCopier::tables() {
    // Referenced tables first: jobs before job_schedule, job_state and runs; runs before run_log.
    static const std::vector<std::string> order{
        "authorizations", "jobs", "job_schedule", "job_state", "runs", "run_log", "stream_consumers", "audit_log",
        "audience_definitions", "profiles", "profile_identities", "profile_builder_offsets", "profile_builder_meta",
        "audience_state", "audience_memberships", "audience_membership_events", "audience_membership_carry",
        "export_subscriptions", "export_outbox", "export_dead_letters", "export_status", "export_skip_reasons",
        "streams", "stream_events", "stream_field_names",
    };
    return order;
}

StoreCopier::StoreCopier(const Store& source, const Store& target) : _source(source), _target(target) {}

std::vector<StoreCopier::TableCopy> StoreCopier::copy(const Progress& progress) {
    if (_source.location().isPostgres())
        throw StoreException("store copy: the source " + _source.display() + " is a PostgreSQL store; store copy reads an embedded SQLite store");
    if (!_target.location().isPostgres())
        throw StoreException("store copy: the target " + _target.display() + " is not a PostgreSQL store (postgresql://user@host:port/database)");

    Poco::Data::Session from = _source.openSession();
    Poco::Data::Session to = _target.openSession();
    const int sourceVersion = Store::readSchemaVersion(from), targetVersion = Store::readSchemaVersion(to);
    if (sourceVersion != targetVersion)
        throw StoreException("store copy: the source " + _source.display() + " is at schema version " + std::to_string(sourceVersion) +
                             " and the target " + _target.display() + " at " + std::to_string(targetVersion) +
                             "; open both with the same jobhost version");

    const std::set<std::string> known(tables().begin(), tables().end());
    for (const auto& [store, found] : {std::make_pair(&_source, sqliteTables(from)), std::make_pair(&_target, postgresTables(to))}) {
        for (const auto& t : found)
            if (!known.count(t)) throw tableError(*store, t, "is not a jobhost table this version knows how to copy; nothing was copied");
        for (const auto& t : known)
            if (!found.count(t)) throw tableError(*store, t, "is missing (the store's schema is not this jobhost's); nothing was copied");
    }

    Int64 sequenceTables = 0;
    from << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'", into(sequenceTables), now;

    std::vector<TableCopy> copied;
    from.begin(); // one snapshot of the source for every table
    to.begin();
    try {
        for (const auto& table : tables()) {
            const Int64 already = countRows(to, table);
            if (already > 0)
                throw tableError(_target, table, "holds " + std::to_string(already) +
                                                     " rows; store copy writes into an empty store only (create a new database and copy into it); "
                                                     "nothing was copied");
        }
        for (const auto& table : tables()) {
            const auto columns = targetColumns(_target, to, table);
            checkSourceColumns(_source, from, table, columns);
            const Int64 rows = copyRows(from, to, _target.dialect(), table, columns, _batchRows);
            const Int64 sourceRows = countRows(from, table), targetRows = countRows(to, table);
            if (rows != sourceRows || targetRows != sourceRows)
                throw tableError(_target, table, "the copy holds " + std::to_string(targetRows) + " rows (" + std::to_string(rows) +
                                                     " written) but the source holds " + std::to_string(sourceRows) + "; nothing was copied");
            continueSequences(from, to, table, columns, sequenceTables > 0);
            copied.push_back({table, rows});
            if (progress) progress(copied.back());
        }
        to.commit();
    } catch (...) {
        // Rollback failures (a connection already gone) must not hide the cause.
        try { to.rollback(); } catch (const Poco::Exception&) {}
        try { from.rollback(); } catch (const Poco::Exception&) {}
        throw;
    }
    from.rollback(); // read only
    return copied;
}

} // namespace jobhost::host
