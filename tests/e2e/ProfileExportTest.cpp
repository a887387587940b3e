// ProfileExportTest.cpp — `jobhost profiles list` and `profiles export` on a store of 100,000 profiles.
// SPDX-License-Identifier: Apache-2.0
#include "ProfileExportTest.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "E2eEnvironment.h"
#include "JobhostCliRunner.h"
#include "SampleProfileStore.h"
#include "lql/DateParser.h"

namespace jobhost::tests::e2e {
namespace {

const std::int64_t kProfiles = 100000;
const std::int64_t kMerged = 1000;
const char* const kAudience = "every-tenth";

/// The one store every test of this class reads, filled on first use and
/// removed when the process exits.
struct SharedStore {
    std::string home;
    SharedStore() : home(Poco::TemporaryFile::tempName()) {
        Poco::File(home).createDirectories();
        SampleProfileStore::fill(home, kProfiles, kMerged, kAudience);
    }
    ~SharedStore() {
        try {
            Poco::File(home).remove(true);
        } catch (...) {
        }
    }
};

const std::string& home() {
    static SharedStore store;
    return store.home;
}

JobhostCliRunner cli() {
    JobhostCliRunner runner(E2eEnvironment::jobhostExecutable, E2eEnvironment::pluginDirectory, E2eEnvironment::manifestDirectory,
                            home());
    // Under AddressSanitizer freed memory sits in a quarantine of up to
    // 256 MiB by design; keep it small so peak RSS measures live memory.
    const char* asan = std::getenv("ASAN_OPTIONS");
    runner.setEnvironment("ASAN_OPTIONS", std::string(asan ? std::string(asan) + ":" : "") +
                                              "quarantine_size_mb=1:thread_local_quarantine_size_kb=64");
    return runner;
}

/// JSON text in one canonical form (Poco's sorted-key objects), for comparing values.
std::string canonical(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

Poco::JSON::Object::Ptr expectedPlain(std::int64_t id) {
    return Poco::JSON::Parser().parse(SampleProfileStore::profile(id).toPlainJson()).extract<Poco::JSON::Object::Ptr>();
}

std::string readFile(const std::string& path) {
    std::ostringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

/// RFC 4180 records (CRLF or LF line ends; quoted cells may hold both).
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(cell);
            cell.clear();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            row.push_back(cell);
            rows.push_back(row);
            row.clear();
            cell.clear();
            any = false;
        } else {
            cell += c;
            any = true;
        }
    }
    CPPUNIT_ASSERT_MESSAGE("CSV ends inside a quoted cell", !quoted);
    if (any || !row.empty()) {
        row.push_back(cell);
        rows.push_back(row);
    }
    return rows;
}

/// What the CSV cell of `column` must say for a profile whose plain JSON is
/// `plain`: empty when absent, the text of a string (dates are RFC3339
/// strings there), the JSON of anything else; "map.key" reads one entry.
void assertCell(const std::string& where, const Poco::JSON::Object::Ptr& plain, const std::string& column, const std::string& cell) {
    Poco::Dynamic::Var expected;
    if (plain->has(column)) {
        expected = plain->get(column);
    } else if (auto dot = column.find('.'); dot != std::string::npos && plain->has(column.substr(0, dot))) {
        auto map = plain->getObject(column.substr(0, dot));
        if (map && map->has(column.substr(dot + 1))) expected = map->get(column.substr(dot + 1));
    }
    if (expected.isEmpty()) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, std::string(), cell);
    } else if (expected.isString()) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, expected.toString(), cell);
    } else {
        CPPUNIT_ASSERT_MESSAGE(where + ": empty cell", !cell.empty());
        // Wrapped in an array: Poco's parser takes no bare scalars.
        auto wrapped = Poco::JSON::Parser().parse("[" + cell + "]").extract<Poco::JSON::Array::Ptr>();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, std::size_t(1), wrapped->size());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, canonical(expected), canonical(wrapped->get(0)));
    }
}

/// The arguments of the "more profiles follow: jobhost …" hint `list` prints on stderr; empty on the last page.
std::vector<std::string> nextPageArguments(const std::string& err) {
    const std::string marker = "more profiles follow: jobhost ";
    auto at = err.find(marker);
    if (at == std::string::npos) return {};
    std::istringstream words(err.substr(at + marker.size(), err.find('\n', at) - at - marker.size()));
    std::vector<std::string> args;
    for (std::string w; words >> w;) args.push_back(w);
    return args;
}

/// Follows `list`'s own hints from `first` to the last page; returns every listed id and checks each row.
std::vector<std::int64_t> listAll(std::vector<std::string> arguments, std::size_t& pages) {
    std::vector<std::int64_t> ids;
    pages = 0;
    while (!arguments.empty()) {
        auto page = cli().run(arguments);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(page.describe().substr(0, 2000), 0, page.exitCode);
        ++pages;
        std::istringstream lines(page.out);
        std::string line;
        std::getline(lines, line);
        CPPUNIT_ASSERT_EQUAL(std::string("ID\tEMAIL\tUPDATED\tFIELDS"), line);
        while (std::getline(lines, line)) {
            std::istringstream cells(line);
            std::string id, email, updated, fields;
            std::getline(cells, id, '\t');
            std::getline(cells, email, '\t');
            std::getline(cells, updated, '\t');
            std::getline(cells, fields, '\t');
            const std::int64_t n = std::stoll(id);
            const auto profile = SampleProfileStore::profile(n);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, SampleProfileStore::email(n), email);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, host::lql::DateParser::formatRfc3339(profile.updated()), updated);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, std::to_string(profile.fields().size()), fields);
            ids.push_back(n);
        }
        arguments = nextPageArguments(page.err);
        CPPUNIT_ASSERT_MESSAGE("list never ends", pages < 1000);
    }
    return ids;
}

} // namespace

void ProfileExportTest::testListPagesThroughEveryProfileOnceInIdOrder() {
    std::size_t pages = 0;
    auto ids = listAll({"profiles", "list", "--limit", "10000"}, pages);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(kProfiles), ids.size());
    for (std::int64_t i = 0; i < kProfiles; ++i) CPPUNIT_ASSERT_EQUAL(i + 1, ids[static_cast<std::size_t>(i)]);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(10), pages);

    // The default page is 50 and says where to go on.
    auto first = cli().run({"profiles", "list"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(first.describe(), 0, first.exitCode);
    CPPUNIT_ASSERT_EQUAL(std::string("more profiles follow: jobhost profiles list --after 50\n"), first.err);
    // A cursor past the end gives an empty page without a hint.
    auto past = cli().run({"profiles", "list", "--after", std::to_string(kProfiles + kMerged)});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(past.describe(), std::string("ID\tEMAIL\tUPDATED\tFIELDS\n"), past.out);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(past.describe(), std::string(), past.err);
}

void ProfileExportTest::testListOfAnAudiencePagesThroughItsMembersOnly() {
    std::size_t pages = 0;
    auto ids = listAll({"profiles", "list", "--audience", kAudience, "--limit", "3000"}, pages);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(kProfiles / 10), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(i * 10 + 1), ids[i]);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(4), pages);
}

void ProfileExportTest::testJsonLinesExportParsesBackToTheStoredProfilesInFlatMemory() {
    const std::string file = Poco::Path(home(), "all.jsonl").toString();
    auto all = cli().runToFile({"profiles", "export", "--format", "jsonl"}, file);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(all.describe(), 0, all.exitCode);
    const std::uintmax_t bytes = Poco::File(file).getSize();
    {
        std::ifstream in(file);
        std::string line;
        std::int64_t expectedId = 0;
        while (std::getline(in, line)) {
            ++expectedId;
            auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, expectedId, object->getValue<std::int64_t>("id"));
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, std::size_t(2), object->size());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, canonical(expectedPlain(expectedId)), canonical(object->getObject("profile")));
        }
        CPPUNIT_ASSERT_EQUAL(kProfiles, expectedId);
    }
    Poco::File(file).remove();

    auto members = cli().runToFile({"profiles", "export", "--audience", kAudience}, file);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(members.describe(), 0, members.exitCode);
    {
        std::ifstream in(file);
        std::string line;
        std::int64_t expectedId = -9;
        std::int64_t lines = 0;
        while (std::getline(in, line)) {
            expectedId += 10;
            ++lines;
            auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, expectedId, object->getValue<std::int64_t>("id"));
            CPPUNIT_ASSERT_EQUAL_MESSAGE(line, canonical(expectedPlain(expectedId)), canonical(object->getObject("profile")));
        }
        CPPUNIT_ASSERT_EQUAL(kProfiles / 10, lines);
    }
    Poco::File(file).remove();

    // Constant memory: ten times the profiles (over 30 MB of output) may not
    // cost the exporting process more than a fixed 16 MiB of peak RSS.
    std::cerr << "\n  peak RSS: export of " << kProfiles << " profiles (" << bytes / 1000000 << " MB) " << all.peakRssKiB
              << " KiB, of " << kProfiles / 10 << " profiles " << members.peakRssKiB << " KiB, ratio "
              << static_cast<double>(all.peakRssKiB) / static_cast<double>(members.peakRssKiB) << "\n";
    CPPUNIT_ASSERT_MESSAGE("output of " + std::to_string(bytes) + " bytes is too small to show anything", bytes > 30000000);
    CPPUNIT_ASSERT(members.peakRssKiB > 0);
    CPPUNIT_ASSERT_MESSAGE("peak RSS grew from " + std::to_string(members.peakRssKiB) + " KiB to " + std::to_string(all.peakRssKiB) +
                               " KiB",
                           all.peakRssKiB - members.peakRssKiB < 16 * 1024);
}

void ProfileExportTest::testCsvExportOfEveryFieldParsesBackCellByCell() {
    const std::string file = Poco::Path(home(), "all.csv").toString();
    auto all = cli().runToFile({"profiles", "export", "--format", "csv"}, file);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(all.describe(), 0, all.exitCode);
    auto rows = parseCsv(readFile(file));
    Poco::File(file).remove();
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(kProfiles + 1), rows.size());
    const std::vector<std::string> header{"id",           "email",       "first_name", "last_name", "pu_city", "pu_last_open",
                                          "pu_lists",     "pu_mailable", "pu_opens",   "pu_recipient_id", "pu_score"};
    CPPUNIT_ASSERT(header == rows[0]);
    for (std::int64_t id = 1; id <= kProfiles; ++id) {
        const auto& row = rows[static_cast<std::size_t>(id)];
        const std::string where = "CSV row " + std::to_string(id);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, header.size(), row.size());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, std::to_string(id), row[0]);
        auto plain = expectedPlain(id);
        for (std::size_t c = 1; c < header.size(); ++c) assertCell(where + " column " + header[c], plain, header[c], row[c]);
    }
    // The awkward values made it through quoting unchanged.
    CPPUNIT_ASSERT_EQUAL(std::string("Ann, \"the\" quoted\r\nsecond line"), rows[7][2]);
    CPPUNIT_ASSERT_EQUAL(std::string("Zoë 東京"), rows[3][2]);
    CPPUNIT_ASSERT_EQUAL(std::string(), rows[10][2]);
}

void ProfileExportTest::testCsvExportOfChosenFieldsKeepsTheirOrder() {
    const std::string file = Poco::Path(home(), "chosen.csv").toString();
    const std::vector<std::string> columns{"pu_score", "email", "pu_opens.mailing-3", "first_name", "not_a_field"};
    auto chosen = cli().runToFile(
        {"profiles", "export", "--format", "csv", "--audience", kAudience, "--fields", "pu_score, email,pu_opens.mailing-3,first_name,not_a_field"},
        file);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(chosen.describe(), 0, chosen.exitCode);
    auto rows = parseCsv(readFile(file));
    Poco::File(file).remove();
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(kProfiles / 10 + 1), rows.size());
    std::vector<std::string> header{"id"};
    header.insert(header.end(), columns.begin(), columns.end());
    CPPUNIT_ASSERT(header == rows[0]);
    std::size_t withMailing3 = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const std::int64_t id = static_cast<std::int64_t>((r - 1) * 10 + 1);
        const std::string where = "CSV row " + std::to_string(r);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, header.size(), rows[r].size());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, std::to_string(id), rows[r][0]);
        auto plain = expectedPlain(id);
        for (std::size_t c = 1; c < header.size(); ++c) assertCell(where + " column " + header[c], plain, header[c], rows[r][c]);
        if (!rows[r][3].empty()) ++withMailing3;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(where, std::string(), rows[r][5]);
    }
    CPPUNIT_ASSERT_MESSAGE("no row has a mailing-3 entry: the map column shows nothing", withMailing3 > 0);
}

void ProfileExportTest::testBadArgumentsAreUsageErrorsAndAnUnknownAudienceIsNotFound() {
    struct Case {
        std::vector<std::string> arguments;
        int exitCode;
        std::string message;
    };
    const std::vector<Case> cases{
        {{"profiles", "export", "--format", "xml"}, 64, "--format is jsonl or csv, not \"xml\""},
        {{"profiles", "export", "--fields", "email,,city"}, 64, "--fields: field 2 of \"email,,city\" is empty"},
        {{"profiles", "export", "--format", "csv", "--fields", ""}, 64, "--fields: field 1 of \"\" is empty"},
        {{"profiles", "list", "--limit", "abc"}, 64, "--limit needs an integer from 1 to 10000, not \"abc\""},
        {{"profiles", "list", "--limit", "0"}, 64, "--limit needs an integer from 1 to 10000, not \"0\""},
        {{"profiles", "list", "--limit", "10001"}, 64, "--limit needs an integer from 1 to 10000, not \"10001\""},
        {{"profiles", "list", "--after", "-5"}, 64, "--after needs the cursor a previous page printed"},
        {{"profiles", "list", "--after", "x9"}, 64, "--after needs the cursor a previous page printed"},
        {{"profiles", "list", "extra"}, 64, "expected one of status, update, rebuild, show, list, export"},
        {{"profiles", "list", "--audience", "nope"}, 78, "audience \"nope\" is not defined"},
        {{"profiles", "export", "--audience", "nope"}, 78, "audience \"nope\" is not defined"},
    };
    for (const auto& c : cases) {
        auto r = cli().run(c.arguments);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.describe(), c.exitCode, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.describe(), r.err.find(c.message) != std::string::npos);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.describe(), std::string(), r.out);
    }
}

} // namespace jobhost::tests::e2e
