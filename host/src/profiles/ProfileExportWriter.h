// ProfileExportWriter.h — jobhost profiles: profiles as JSON Lines or CSV, one at a time.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "profiles/Profile.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace jobhost::host::profiles {

enum class ProfileExportFormat { JsonLines, Csv };

// Writes profiles to a stream as they come, holding none of them:
//  * JSON Lines: one object per line, {"id": N, "profile": {...}} where
//    profile is the plain view of §10 (Profile::toPlainJson) on one line;
//    with columns, only those fields (absent ones left out);
//  * CSV (RFC 4180, CRLF line ends): a header "id,<column>,..." then one row
//    per profile; strings and dates (RFC 3339 UTC) as text, numbers and
//    booleans as written in JSON, sets and maps as their JSON text, absent
//    fields empty. CSV needs its columns up front (the caller collects the
//    field names in a first pass when the user names none).
// A column "name.key" reads one entry of map field "name" (Profile::get).
// Does not own the stream; stream errors are the caller's to check.
class ProfileExportWriter {
public:
    // "jsonl" or "csv"; empty for anything else.
    static std::optional<ProfileExportFormat> parseFormat(const std::string& name);
    // Splits "a,b,c" into field names (surrounding blanks trimmed); empty
    // names are refused with std::invalid_argument naming the position.
    static std::vector<std::string> parseFields(const std::string& list);
    // The MIME type of the format (application/x-ndjson, text/csv).
    static std::string contentType(ProfileExportFormat format);

    ProfileExportWriter(std::ostream& out, ProfileExportFormat format, std::vector<std::string> columns);

    // The CSV header (nothing for JSON Lines). Call once, before write().
    void begin();
    void write(ProfileId id, const Profile& profile);
    std::int64_t written() const { return _written; }

private:
    void writeJsonLine(ProfileId id, const Profile& profile);
    void writeCsvRow(ProfileId id, const Profile& profile);

    std::ostream& _out;
    ProfileExportFormat _format;
    std::vector<std::string> _columns;
    std::int64_t _written = 0;
};

} // namespace jobhost::host::profiles
