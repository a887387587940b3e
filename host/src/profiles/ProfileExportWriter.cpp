// ProfileExportWriter.cpp — jobhost profiles: profiles as JSON Lines or CSV, one at a time.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileExportWriter.h"

#include "lql/DateParser.h"
#include "profiles/JsonText.h"

#include <stdexcept>

namespace jobhost::host::profiles {
namespace {

std::string trimmed(const std::string& s)
{
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    std::size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// A CSV cell's text before quoting.
std::string cellText(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Nil: return {};
    case Value::Type::String: return v.asString();
    case Value::Type::Time: return lql::DateParser::formatRfc3339(v.asTime());
    default: return JsonText::plain(v);
    }
}

// RFC 4180: quoted when the text holds a separator, a quote or a line end.
void writeCell(std::ostream& out, const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out << text;
        return;
    }
    out << '"';
    for (char c : text) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

} // namespace

std::optional<ProfileExportFormat> ProfileExportWriter::parseFormat(const std::string& name)
{
    if (name == "jsonl") return ProfileExportFormat::JsonLines;
    if (name == "csv") return ProfileExportFormat::Csv;
    return std::nullopt;
}

std::vector<std::string> ProfileExportWriter::parseFields(const std::string& list)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = list.find(',', start);
        std::string name = trimmed(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (name.empty())
            throw std::invalid_argument("field " + std::to_string(out.size() + 1) + " of \"" + list + "\" is empty");
        out.push_back(std::move(name));
        if (comma == std::string::npos) return out;
        start = comma + 1;
    }
}

std::string ProfileExportWriter::contentType(ProfileExportFormat format)
{
    return format == ProfileExportFormat::Csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
}

ProfileExportWriter::ProfileExportWriter(std::ostream& out, ProfileExportFormat format, std::vector<std::string> columns)
    : _out(out), _format(format), _columns(std::move(columns))
{
}

void ProfileExportWriter::begin()
{
    if (_format != ProfileExportFormat::Csv) return;
    _out << "id";
    for (const auto& c : _columns) {
        _out << ',';
        writeCell(_out, c);
    }
    _out << "\r\n";
}

void ProfileExportWriter::write(ProfileId id, const Profile& profile)
{
    if (_format == ProfileExportFormat::Csv)
        writeCsvRow(id, profile);
    else
        writeJsonLine(id, profile);
    ++_written;
}

void ProfileExportWriter::writeJsonLine(ProfileId id, const Profile& profile)
{
    std::string line = "{\"id\": " + std::to_string(id) + ", \"profile\": {";
    bool first = true;
    auto add = [&](const std::string& name, const Value& value) {
        line += (first ? "" : ", ") + JsonText::quote(name) + ": " + JsonText::plain(value);
        first = false;
    };
    if (_columns.empty()) {
        for (const auto& [name, field] : profile.fields())
            if (!field.empty()) add(name, field.value());
    } else {
        for (const auto& name : _columns) {
            Value v = profile.get(name);
            if (v.type() != Value::Type::Nil) add(name, v);
        }
    }
    line += "}}\n";
    _out << line;
}

void ProfileExportWriter::writeCsvRow(ProfileId id, const Profile& profile)
{
    _out << id;
    for (const auto& name : _columns) {
        _out << ',';
        writeCell(_out, cellText(profile.get(name)));
    }
    _out << "\r\n";
}

} // namespace jobhost::host::profiles
