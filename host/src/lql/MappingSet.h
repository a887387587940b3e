// MappingSet.h — jobhost lql: the loaded mapping files (LQL queries by stream).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/MappingQuery.h"

#include <string>
#include <vector>

namespace jobhost::host::lql {

// An ordered collection of parsed mapping queries. Build it once (add*),
// then share it read-only: const methods are safe from several threads,
// mutation is not synchronised.
class MappingSet {
public:
    MappingSet() = default;

    // Parses mapping text and adds its queries. Throws ParseException on a
    // syntax error, LqlException when an ALIAS is already loaded.
    void addText(const std::string& text, const std::string& file);
    // Reads and adds a file (the file name, without directories, is used in
    // messages). Throws LqlException when it cannot be read.
    void addFile(const std::string& path);

    const std::vector<MappingQuery>& queries() const { return _queries; }
    // The queries whose FROM is stream, in load order.
    std::vector<const MappingQuery*> queriesFor(const std::string& stream) const;
    // A stable digest of all loaded texts (changes when any mapping changes,
    // so a store can tell that profiles need a rebuild).
    std::string fingerprint() const;

private:
    std::vector<MappingQuery> _queries;
    std::string _texts;
};

} // namespace jobhost::host::lql
