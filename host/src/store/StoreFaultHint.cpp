// StoreFaultHint.cpp — jobhost store: turns SQLite's disk-full and read-only errors into a message that names the store and what to do.
// SPDX-License-Identifier: Apache-2.0
#include "store/StoreFaultHint.h"

#include <Poco/String.h>

namespace jobhost::host {

std::string StoreFaultHint::forMessage(const std::string& storeFile, const std::string& message) {
    const std::string text = Poco::toLower(message);
    auto has = [&](const char* needle) { return text.find(needle) != std::string::npos; };
    if (has("database or disk is full") || has("database full") || has("no space left on device") || has("file too large"))
        return storeFile + ": the disk holding the store is full; free space (or move the data directory) and run the command "
                           "again — everything committed before is kept and a run resumes from its last checkpoint";
    if (has("readonly database") || has("read-only file system") || has("read only file system") || has("readonly"))
        return storeFile + ": the store is read-only (a read-only file system, or no write permission on the file or its "
                           "folder); make it writable and run the command again — nothing committed was changed";
    return {};
}

} // namespace jobhost::host
