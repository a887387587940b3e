// jobhost host — StoreCopier.h
// `jobhost store copy`: an embedded SQLite store copied into an empty PostgreSQL store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/Store.h"

namespace jobhost::host {

/// Copies every table of a SQLite store (jobs, authorizations, runs and their
/// logs, streams, profiles, audiences, the outbox, dead letters, audit
/// history, …) into a PostgreSQL store that holds none of them yet, row for
/// row and byte for byte: ids, sealed secrets (still sealed with the same
/// key) and binary columns are copied as they are, so the copy answers every
/// query as the original does. Both stores are at the same schema version
/// (opening them migrated both).
///
/// The source is read in one read transaction (a consistent snapshot even if
/// a process still writes to it; stop the workers first so nothing written
/// after the snapshot is left behind) and the target is written in one
/// transaction: the copy either commits whole, after the row count of every
/// table was compared on both sides, or leaves the target as it was. Id
/// sequences of the target continue after the highest id copied (for the
/// outbox: after the highest id SQLite ever gave, so ids stay monotonic).
///
/// Failure: StoreException naming the table — the target is not empty (and
/// which table holds how many rows), the source is not SQLite or the target
/// not PostgreSQL, a table exists on one side only (a store of another
/// jobhost version), a column type has no copy rule, a count differs after
/// the copy — or the engine's Poco::Data exception while reading or writing.
/// Nothing is committed on any failure. Not thread-safe; one copy at a time.
class StoreCopier {
public:
    struct TableCopy {
        std::string table;
        std::int64_t rows = 0; // rows copied (== the count on both sides)
    };
    /// Called after each table; for progress output.
    using Progress = std::function<void(const TableCopy&)>;

    /// Tables in the order they are copied (every referenced table before
    /// the tables that reference it).
    static const std::vector<std::string>& tables();

    StoreCopier(const Store& source, const Store& target);

    /// Rows per INSERT round trip and per read from the source.
    void setBatchRows(std::size_t rows) { _batchRows = rows == 0 ? 1 : rows; }

    /// Runs the copy; returns each table's count in copy order.
    std::vector<TableCopy> copy(const Progress& progress = {});

private:
    const Store& _source;
    const Store& _target;
    std::size_t _batchRows = 2000;
};

} // namespace jobhost::host
