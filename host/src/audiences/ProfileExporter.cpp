// ProfileExporter.cpp — jobhost audiences: every profile (or one audience's) streamed out as JSON Lines or CSV.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/ProfileExporter.h"

#include "audiences/ProfileListing.h"

#include <ios>
#include <set>

namespace jobhost::host::audiences {

ProfileExporter::ProfileExporter(Poco::Data::Session& session, std::string audience, profiles::ProfileExportFormat format,
                                 std::vector<std::string> fields)
    : _session(session), _audience(std::move(audience)), _format(format), _fields(std::move(fields))
{
}

std::vector<std::string> ProfileExporter::allFieldNames()
{
    std::set<std::string> names;
    ProfileListing(_session, _audience).forEach([&names](profiles::ProfileId, const profiles::Profile& profile) {
        for (const auto& [name, field] : profile.fields())
            if (!field.empty()) names.insert(name);
    });
    return {names.begin(), names.end()};
}

std::int64_t ProfileExporter::run(std::ostream& out)
{
    // Read-only: rolled back whatever happens, which also ends the snapshot.
    _session.begin();
    try {
        std::vector<std::string> columns = _fields;
        if (columns.empty() && _format == profiles::ProfileExportFormat::Csv) columns = allFieldNames();
        profiles::ProfileExportWriter writer(out, _format, columns);
        writer.begin();
        ProfileListing(_session, _audience).forEach([&](profiles::ProfileId id, const profiles::Profile& profile) {
            writer.write(id, profile);
            if (!out) throw std::ios_base::failure("the export stream was closed after " + std::to_string(writer.written()) + " profiles");
        });
        out.flush();
        _session.rollback();
        return writer.written();
    } catch (...) {
        if (_session.isTransaction()) _session.rollback();
        throw;
    }
}

} // namespace jobhost::host::audiences
