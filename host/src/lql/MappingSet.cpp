// MappingSet.cpp — jobhost lql: the loaded mapping files (LQL queries by stream).
// SPDX-License-Identifier: Apache-2.0
#include "lql/MappingSet.h"

#include "lql/Parser.h"
#include "lql/LqlException.h"
#include "lql/SipHash.h"

#include <Poco/Path.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace jobhost::host::lql {

void MappingSet::addText(const std::string& text, const std::string& file)
{
    auto parsed = Parser::parseMappings(text, file);
    for (const auto& q : parsed) {
        for (const auto& existing : _queries) {
            if (existing.alias == q.alias)
                throw LqlException(file + ":" + std::to_string(q.line) + ": query ALIAS '" + q.alias
                                       + "' is already defined in " + existing.file);
        }
    }
    for (auto& q : parsed) _queries.push_back(std::move(q));
    _texts += file + "\n" + text + "\n";
}

void MappingSet::addFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LqlException("cannot read mapping file " + path);
    std::ostringstream buf;
    buf << in.rdbuf();
    addText(buf.str(), Poco::Path(path).getFileName());
}

std::vector<const MappingQuery*> MappingSet::queriesFor(const std::string& stream) const
{
    std::vector<const MappingQuery*> out;
    for (const auto& q : _queries)
        if (q.stream == stream) out.push_back(&q);
    return out;
}

std::string MappingSet::fingerprint() const
{
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx",
                  static_cast<unsigned long long>(SipHash::hash24(0, 1, _texts)));
    return buf;
}

} // namespace jobhost::host::lql
