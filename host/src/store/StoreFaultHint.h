// StoreFaultHint.h — jobhost store: turns SQLite's disk-full and read-only errors into a message that names the store and what to do.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::host {

/// Recognises the store failures an operator fixes outside jobhost — the
/// disk is full, the store is read-only — from SQLite's fixed error texts
/// ("database or disk is full", "attempt to write a readonly database", …)
/// or the OS errors beneath them (ENOSPC, EFBIG, EROFS, EACCES), wherever in
/// a message they appear (errors are wrapped on their way up). Stateless.
class StoreFaultHint {
public:
    /// "<storeFile>: the disk holding the store is full; …" or
    /// "<storeFile>: the store is read-only; …", or "" when `message` is
    /// neither. The hint says that committed work is kept and the next run
    /// resumes, which holds because every write is one SQLite transaction.
    static std::string forMessage(const std::string& storeFile, const std::string& message);
};

} // namespace jobhost::host
