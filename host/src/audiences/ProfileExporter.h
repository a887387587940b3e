// ProfileExporter.h — jobhost audiences: every profile (or one audience's) streamed out as JSON Lines or CSV.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/ProfileExportWriter.h"

#include <Poco/Data/Session.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace jobhost::host::audiences {

// Writes the profiles ProfileListing yields to a stream with
// ProfileExportWriter, one page of profiles in memory at a time, inside one
// read transaction so the export is one consistent snapshot even while
// `serve` keeps building (SQLite WAL: writers go on; the snapshot only
// holds back checkpoints until the export ends). CSV without named fields
// reads the snapshot twice: once for the union of field names (the header),
// once for the rows. Works on a session the caller owns, which must not be
// in a transaction. Throws Poco::Data exceptions on store failure,
// ProfileException for an undecodable profile and std::ios_base::failure
// when the stream goes bad (a closed client); what was written stays
// written.
class ProfileExporter {
public:
    ProfileExporter(Poco::Data::Session& session, std::string audience, profiles::ProfileExportFormat format,
                    std::vector<std::string> fields);

    // Writes the export; returns how many profiles it wrote.
    std::int64_t run(std::ostream& out);

private:
    std::vector<std::string> allFieldNames();

    Poco::Data::Session& _session;
    std::string _audience;
    profiles::ProfileExportFormat _format;
    std::vector<std::string> _fields;
};

} // namespace jobhost::host::audiences
