// jobhost postup tests — ReportParserTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ReportParserTest.h"

#include <vector>

#include "client/PostupDate.h"
#include "client/ReportParser.h"

namespace jobhost::plugins::postup::test {
namespace {

struct Parsed {
    std::vector<ReportRow> rows;
    ReportStats stats;
};

Parsed parse(const std::string& body, std::size_t chunk = 0) {
    Parsed out;
    ReportParser parser([&](const ReportRow& row) {
        out.rows.push_back(row);
        return true;
    });
    parser.reset();
    if (chunk == 0) {
        parser.write(body.data(), body.size());
    } else {
        for (std::size_t i = 0; i < body.size(); i += chunk)
            parser.write(body.data() + i, std::min(chunk, body.size() - i));
    }
    parser.finish();
    out.stats = parser.stats();
    return out;
}

std::int64_t ms(const char* text) { return *PostupDate::parseMs(text); }

} // namespace

void ReportParserTest::testCrlfOpenReport() {
    const auto p = parse("RecipID\tAddress\tExternalID\tOpenTime\r\n"
                         "17\tAnna@Example.com\tX-17\t2024-05-01 10:00:00\r\n"
                         "18\tbo@example.com\t\t2024-05-01 10:05:00\r\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), p.rows.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(17), p.rows[0].recipientId);
    CPPUNIT_ASSERT_EQUAL(std::string("Anna@Example.com"), p.rows[0].address);
    CPPUNIT_ASSERT_EQUAL(std::string("X-17"), p.rows[0].externalId);
    CPPUNIT_ASSERT_EQUAL(ms("2024-05-01 10:00:00"), p.rows[0].eventTimeMs);
    CPPUNIT_ASSERT_EQUAL(std::string(""), p.rows[1].externalId);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(3), p.rows[1].line);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), p.stats.rows);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), p.stats.badRows);
    CPPUNIT_ASSERT(!p.stats.truncatedTail);
}

void ReportParserTest::testLfAndBomAndByteByByte() {
    const std::string body = "\xEF\xBB\xBFRecipID\tAddress\tExternalID\tOpenTime\n"
                             "1\ta@example.com\te1\t5/1/2024 10:00\n"
                             "\n"
                             "2\tb@example.com\te2\t2024-05-01T10:00:00Z"; // last line without terminator is fine
    for (std::size_t chunk : {std::size_t(0), std::size_t(1), std::size_t(7)}) {
        const auto p = parse(body, chunk);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), p.rows.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), p.rows[0].recipientId);
        CPPUNIT_ASSERT_EQUAL(ms("2024-05-01 10:00:00"), p.rows[0].eventTimeMs);
        CPPUNIT_ASSERT_EQUAL(ms("2024-05-01T10:00:00Z"), p.rows[1].eventTimeMs);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), p.stats.badRows);
        CPPUNIT_ASSERT(p.stats.unknownColumns.empty());
    }
}

void ReportParserTest::testClickAndBounceColumns() {
    auto p = parse("RecipID\tAddress\tExternalID\tClickTime\tURL\tLinkID\r\n"
                   "5\tc@example.com\t\t2024-05-01 10:00:00\thttps://shop.example.com/p?x=1\t3\r\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), p.rows.size());
    CPPUNIT_ASSERT_EQUAL(std::string("https://shop.example.com/p?x=1"), p.rows[0].url);
    CPPUNIT_ASSERT_EQUAL(std::string("3"), p.rows[0].linkId);
    p = parse("RecipID\tAddress\tExternalID\tBounceTime\tBounceType\tBounceCode\r\n"
              "6\td@example.com\tE6\t2024-05-01 10:00:00\tHARD\t5.1.1\r\n");
    CPPUNIT_ASSERT_EQUAL(std::string("HARD"), p.rows[0].bounceType);
    CPPUNIT_ASSERT_EQUAL(std::string("5.1.1"), p.rows[0].bounceCode);
    CPPUNIT_ASSERT_EQUAL(std::string("5.1.1"), p.rows[0].bounceReason);
    p = parse("RecipID\tBounceTime\tBounceCode\tBounceReason\r\n7\t2024-05-01 10:00:00\t4.2.2\tMailbox full\r\n");
    CPPUNIT_ASSERT_EQUAL(std::string("Mailbox full"), p.rows[0].bounceReason);
}

void ReportParserTest::testMissingOptionalAndUnknownColumns() {
    // Columns in another order, no Address/ExternalID, two unknown columns.
    const auto p = parse("OpenTime\tColour\trecipid\tDevice\r\n2024-05-01 10:00:00\tblue\t42\tphone\r\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), p.rows.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(42), p.rows[0].recipientId);
    CPPUNIT_ASSERT_EQUAL(std::string(""), p.rows[0].address);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), p.stats.unknownColumns.size());
    CPPUNIT_ASSERT_EQUAL(std::string("Colour"), p.stats.unknownColumns[0]);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), p.stats.missingColumns.size());
}

void ReportParserTest::testBadRowsCountedNotFatal() {
    const auto p = parse("RecipID\tAddress\tExternalID\tOpenTime\r\n"
                         "1\ta@example.com\te1\t2024-05-01 10:00:00\r\n"
                         "2\tb@example.com\t2024-05-01 10:00:00\r\n"          // 3 columns
                         "3\tc@example.com\te3\t2024-05-01 10:00:00\textra\r\n" // 5 columns
                         "4\td@example.com\te4\tnot a date\r\n"
                         "x5\te@example.com\te5\t2024-05-01 10:00:00\r\n"
                         "6\tf@example.com\te6\t2024-02-30 10:00:00\r\n"
                         "7\tg@example.com\te7\t\r\n"
                         "8\th@example.com\te8\t2024-05-01 10:00:00\r\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), p.rows.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(8), p.rows[1].recipientId);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(6), p.stats.badRows);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), p.stats.badByReason.at("column count"));
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(3), p.stats.badByReason.at("bad date"));
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), p.stats.badByReason.at("bad RecipID"));
    CPPUNIT_ASSERT_EQUAL(ReportParser::kMaxSamples, p.stats.badSamples.size());
    CPPUNIT_ASSERT_EQUAL(std::string("line 3: expected 4 columns, found 3"), p.stats.badSamples[0]);
    CPPUNIT_ASSERT_EQUAL(std::string("line 5: OpenTime 'not a date' is not a date-time"), p.stats.badSamples[2]);
    CPPUNIT_ASSERT(!p.stats.truncatedTail);
}

void ReportParserTest::testMissingRequiredColumn() {
    const auto p = parse("Address\tOpenTime\r\na@example.com\t2024-05-01 10:00:00\r\nb@example.com\t2024-05-01 10:00:00\r\n");
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), p.rows.size());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), p.stats.badRows);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), p.stats.badByReason.at("missing column"));
}

void ReportParserTest::testTruncatedTailDetected() {
    const auto p = parse("RecipID\tAddress\tExternalID\tOpenTime\r\n1\ta@example.com\te1\t2024-05-01 10:00:00\r\n2\tb@exa");
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), p.rows.size());
    CPPUNIT_ASSERT(p.stats.truncatedTail);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), p.stats.badRows);
}

void ReportParserTest::testResetStartsOver() {
    std::vector<std::int64_t> ids;
    ReportParser parser([&](const ReportRow& row) {
        ids.push_back(row.recipientId);
        return true;
    });
    const std::string first = "RecipID\tOpenTime\r\n1\t2024-05-01 10:00:00\r\n2\t2024-05-";
    parser.write(first.data(), first.size());
    parser.reset(); // the transport retries: a fresh body with its own header follows
    const std::string second = "RecipID\tOpenTime\r\n1\t2024-05-01 10:00:00\r\n2\t2024-05-01 11:00:00\r\n";
    parser.write(second.data(), second.size());
    parser.finish();
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), ids.size()); // row 1 twice (natural keys make that harmless)
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), parser.stats().rows);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), parser.stats().badRows);
}

void ReportParserTest::testHandlerCanAbort() {
    int seen = 0;
    ReportParser parser([&](const ReportRow&) { return ++seen < 2; });
    const std::string body = "RecipID\tOpenTime\r\n1\t2024-05-01 10:00:00\r\n2\t2024-05-01 10:00:00\r\n3\t2024-05-01 10:00:00\r\n";
    CPPUNIT_ASSERT(!parser.write(body.data(), body.size()));
    CPPUNIT_ASSERT_EQUAL(2, seen);
    CPPUNIT_ASSERT(!parser.write(body.data(), body.size()));
}

} // namespace jobhost::plugins::postup::test
