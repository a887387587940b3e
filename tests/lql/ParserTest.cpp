// ParserTest.cpp — jobhost profiles tests: LQL/FilterQL parsing and parse errors.
// SPDX-License-Identifier: Apache-2.0
#include "ParserTest.h"

#include "lql/MappingSet.h"
#include "lql/Parser.h"
#include "lql/ParseException.h"

using namespace jobhost::host::lql;

namespace {

const MappingColumn& column(const MappingQuery& q, const std::string& field, int nth = 0)
{
    for (const auto& c : q.columns)
        if (c.field == field && nth-- == 0) return c;
    CPPUNIT_FAIL("no column " + field);
    throw 0;
}

ParseException parseError(const std::string& text, const std::string& file = "m.lql")
{
    try {
        Parser::parseMappings(text, file);
    } catch (const ParseException& e) {
        return e;
    }
    CPPUNIT_FAIL("expected a ParseException for: " + text);
    throw 0;
}

ParseException filterError(const std::string& text)
{
    try {
        Parser::parseFilter(text, "aud");
    } catch (const ParseException& e) {
        return e;
    }
    CPPUNIT_FAIL("expected a ParseException for: " + text);
    throw 0;
}

} // namespace

void ParserTest::testDefaultMappingFilesParse()
{
    MappingSet set;
    set.addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_users.lql");
    set.addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_activity.lql");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, set.queries().size());

    const MappingQuery& users = *set.queriesFor("postup_users").at(0);
    CPPUNIT_ASSERT_EQUAL(std::string("postup_users"), users.alias);
    CPPUNIT_ASSERT_EQUAL(std::string("user"), users.into);
    CPPUNIT_ASSERT(users.by == (std::vector<std::string>{"email", "pu_id", "pu_ext_id"}));
    CPPUNIT_ASSERT_EQUAL(std::size_t{15}, users.columns.size());
    CPPUNIT_ASSERT(column(users, "pu_joined_date").kind == FieldKind::Date);
    CPPUNIT_ASSERT(column(users, "pu_categories").kind == FieldKind::StringSet);
    CPPUNIT_ASSERT(column(users, "pu_categories").mergeOp == MergeOp::Merge);
    CPPUNIT_ASSERT_EQUAL(std::string("(channel == \"E\")"), column(users, "channels", 0).guard->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("(channel == \"S\")"), column(users, "channels", 1).guard->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("postup_users.lql"), users.file);

    const MappingQuery& act = *set.queriesFor("postup_activity").at(0);
    CPPUNIT_ASSERT_EQUAL(std::size_t{18}, act.columns.size());
    const auto& hashed = column(act, "hashedurls");
    CPPUNIT_ASSERT(hashed.kind == FieldKind::MapIntSum && hashed.mergeOp == MergeOp::Sum);
    CPPUNIT_ASSERT_EQUAL(std::string("valuect(hash(urlmain(url_clicked)))"), hashed.expr->toString());
    const auto& openCt = column(act, "pu_open_ct");
    CPPUNIT_ASSERT(openCt.kind == FieldKind::Int && openCt.mergeOp == MergeOp::Count);
    CPPUNIT_ASSERT_EQUAL(std::string("(event_type == \"open\")"), openCt.guard->toString());
    const auto& byCampaign = column(act, "pu_open_ct_by_campaign");
    CPPUNIT_ASSERT(byCampaign.kind == FieldKind::MapInt && byCampaign.mergeOp == MergeOp::Merge);
    const auto& lastAct = column(act, "last_channel_activities");
    CPPUNIT_ASSERT(lastAct.kind == FieldKind::MapTime);
    CPPUNIT_ASSERT_EQUAL(std::string("event_type IN (\"open\", \"click\")"), lastAct.guard->toString());
    CPPUNIT_ASSERT(column(act, "pu_last_click_ts").kind == FieldKind::Date);
    CPPUNIT_ASSERT(column(act, "pu_last_click_ts").mergeOp == MergeOp::Latest);
    CPPUNIT_ASSERT(column(act, "pu_last_click_url").kind == FieldKind::String);
    CPPUNIT_ASSERT(column(act, "channels").kind == FieldKind::StringSet); // inferred from set()
    CPPUNIT_ASSERT_EQUAL(std::size_t{16}, set.fingerprint().size());
}

void ParserTest::testColumnOptionsAndInference()
{
    auto qs = Parser::parseMappings(R"(SELECT
        email(e) AS email SHORTDESC "Email" LONGDESC "The email" KIND string MERGEOP oldest,
        count(x) AS n,
        count(x) AS n2 KIND number,
        valuect(y) AS vc,
        map(k, epochms()) AS seen KIND map[string]time MERGEOP LATEST,
        todate(d) AS d,
        max(epochms()) AS last KIND date,
        hash(u) AS h
      FROM s INTO user BY email ALIAS q)",
                                    "x.lql");
    const auto& q = qs.at(0);
    const auto& e = column(q, "email");
    CPPUNIT_ASSERT(e.kind == FieldKind::String && e.mergeOp == MergeOp::Oldest && e.kindExplicit && e.mergeOpExplicit);
    CPPUNIT_ASSERT_EQUAL(std::string("Email"), e.shortDesc);
    CPPUNIT_ASSERT_EQUAL(std::string("The email"), e.longDesc);
    CPPUNIT_ASSERT(column(q, "n").kind == FieldKind::Int && column(q, "n").mergeOp == MergeOp::Count);
    CPPUNIT_ASSERT(column(q, "n2").kind == FieldKind::Number && column(q, "n2").mergeOp == MergeOp::Count);
    CPPUNIT_ASSERT(column(q, "vc").kind == FieldKind::MapIntSum && column(q, "vc").mergeOp == MergeOp::Sum);
    CPPUNIT_ASSERT(column(q, "seen").kind == FieldKind::MapTime && column(q, "seen").mergeOp == MergeOp::Latest);
    CPPUNIT_ASSERT(column(q, "d").kind == FieldKind::Date);
    CPPUNIT_ASSERT(column(q, "last").kind == FieldKind::Date && column(q, "last").mergeOp == MergeOp::Max);
    CPPUNIT_ASSERT(column(q, "h").kind == FieldKind::Int && column(q, "h").mergeOp == MergeOp::Latest);
}

void ParserTest::testStatementForms()
{
    // INTO before FROM, lower-case keywords, WHERE, ';' and several statements.
    auto qs = Parser::parseMappings(R"(
        select a AS a, b AS b into user from s1 by a or b where b != "x" alias q1;
        SELECT c AS c FROM s2 INTO USER BY c ALIAS q2
        SELECT d AS d, e AS e FROM s1 BY d, e ALIAS q3 -- BY with a comma
    )",
                                    "f.lql");
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, qs.size());
    CPPUNIT_ASSERT_EQUAL(std::string("s1"), qs[0].stream);
    CPPUNIT_ASSERT_EQUAL(std::string("user"), qs[0].into);
    CPPUNIT_ASSERT(qs[0].where != nullptr);
    CPPUNIT_ASSERT_EQUAL(std::string("(b != \"x\")"), qs[0].where->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("USER"), qs[1].into);
    CPPUNIT_ASSERT(qs[2].by == (std::vector<std::string>{"d", "e"}));
    CPPUNIT_ASSERT_EQUAL(4, qs[2].line);

    MappingSet set;
    set.addText("SELECT a AS a FROM s INTO user BY a ALIAS q", "one.lql");
    CPPUNIT_ASSERT_THROW(set.addText("SELECT a AS a FROM t INTO user BY a ALIAS q", "two.lql"), LqlException);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, set.queriesFor("s").size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, set.queriesFor("t").size());
}

void ParserTest::testCommentsAndQuoting()
{
    auto qs = Parser::parseMappings(R"(/* block
        comment */ SELECT valuect(`my field`) AS `odd name` -- line comment
        , 'single' AS lit
        , -5 AS neg
        , 2.5e3 AS f
        , a.b AS dotted
      FROM s INTO user BY lit ALIAS q)",
                                    "c.lql");
    const auto& q = qs.at(0);
    CPPUNIT_ASSERT_EQUAL(std::string("odd name"), q.columns[0].field);
    CPPUNIT_ASSERT_EQUAL(std::string("valuect(my field)"), q.columns[0].expr->toString());
    CPPUNIT_ASSERT(q.columns[1].expr->value == Value("single"));
    CPPUNIT_ASSERT(q.columns[2].expr->value == Value(std::int64_t{-5}));
    CPPUNIT_ASSERT(q.columns[3].expr->value == Value(2500.0));
    CPPUNIT_ASSERT_EQUAL(std::string("a.b"), q.columns[4].expr->name);
}

void ParserTest::testErrorMissingAs()
{
    std::string text = "SELECT\n"
                       "    email(address) AS email\n"
                       "  , recipientId\n"
                       "FROM postup_users INTO user BY email ALIAS q\n";
    ParseException e = parseError(text, "postup_users.lql");
    CPPUNIT_ASSERT_EQUAL(std::string("postup_users.lql:4:1: expected AS after expression, found 'FROM'"),
                         e.message());
    CPPUNIT_ASSERT_EQUAL(std::string("postup_users.lql"), e.file());
    CPPUNIT_ASSERT_EQUAL(4, e.line());
    CPPUNIT_ASSERT_EQUAL(1, e.column());
    CPPUNIT_ASSERT_EQUAL(std::string("AS after expression"), e.expected());
    CPPUNIT_ASSERT_EQUAL(std::string("'FROM'"), e.found());
}

void ParserTest::testErrorPositions()
{
    CPPUNIT_ASSERT_EQUAL(std::string("m.lql:2:1: expected SELECT, found end of input"),
                         parseError("  -- nothing\n").message());
    CPPUNIT_ASSERT_EQUAL(std::string("m.lql:2:21: expected a kind (string, int, number, bool, date, []string, "
                                     "map[string]int, map[string]intsum, map[string]time, ...), found 'strin'"),
                         parseError("SELECT a AS a\n  , b AS b  KIND    strin FROM s BY a ALIAS q").message());
    CPPUNIT_ASSERT_EQUAL(std::string("m.lql:1:31: expected ',' or FROM after column, found 'b'"),
                         parseError("SELECT a AS a KIND string     b AS b FROM s BY a ALIAS q").message());
    CPPUNIT_ASSERT_EQUAL(std::string("m.lql:1:16: expected a known function, found 'nosuch'"),
                         parseError("SELECT a AS a, nosuch(x) AS b FROM s BY a ALIAS q").message());
    ParseException alias = parseError("SELECT a AS a FROM s BY a");
    CPPUNIT_ASSERT_EQUAL(1, alias.line());
    CPPUNIT_ASSERT_EQUAL(26, alias.column());
    CPPUNIT_ASSERT_EQUAL(std::string("ALIAS"), alias.expected());
    CPPUNIT_ASSERT_EQUAL(std::string("end of input"), alias.found());
    ParseException str = parseError("SELECT a AS a IF x == \"open FROM s BY a ALIAS q");
    CPPUNIT_ASSERT_EQUAL(1, str.line());
    CPPUNIT_ASSERT_EQUAL(23, str.column());
    ParseException mop = parseError("SELECT a AS a MERGEOP newest FROM s BY a ALIAS q");
    CPPUNIT_ASSERT_EQUAL(23, mop.column());
    CPPUNIT_ASSERT_EQUAL(std::string("'newest'"), mop.found());
    ParseException by = parseError("SELECT a AS a FROM s BY zz ALIAS q");
    CPPUNIT_ASSERT(by.message().find("BY field 'zz'") != std::string::npos);
    ParseException paren = parseError("SELECT count(a AS a FROM s BY a ALIAS q");
    CPPUNIT_ASSERT_EQUAL(std::string("m.lql:1:16: expected ',' or ')' in the call of count, found 'AS'"),
                         paren.message());
}

void ParserTest::testAutoNaming()
{
    Parser::Options lenient;
    lenient.requireAs = false;
    auto qs = Parser::parseMappings("SELECT user_id, count(x), valuect(y), todate(d), email(e) FROM s BY user_id ALIAS q",
                                    "a.lql", lenient);
    const auto& c = qs.at(0).columns;
    CPPUNIT_ASSERT_EQUAL(std::string("user_id"), c[0].field);
    CPPUNIT_ASSERT_EQUAL(std::string("ct_x"), c[1].field);
    CPPUNIT_ASSERT_EQUAL(std::string("cts_y"), c[2].field);
    CPPUNIT_ASSERT_EQUAL(std::string("d"), c[3].field);
    CPPUNIT_ASSERT_EQUAL(std::string("email_e"), c[4].field);
}

void ParserTest::testFilterForms()
{
    auto f = Parser::parseFilter("FILTER AND (pu_open_ct >= 1, EXISTS email) FROM user ALIAS pu_openers");
    CPPUNIT_ASSERT_EQUAL(std::string("AND((pu_open_ct >= 1), EXISTS email)"), f.filter->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("pu_openers"), f.alias);
    CPPUNIT_ASSERT_EQUAL(std::string("user"), f.from);
    CPPUNIT_ASSERT(!f.usesNow);

    // Commas optional, newlines and comments between items, nested OR/NOT.
    auto g = Parser::parseFilter("FILTER AND (\n  visitct > 1 -- more than one\n  OR ( x IN (\"a\",\"b\") y NOT LIKE \"*.com\" )\n"
                                 "  NOT EXISTS email\n  lastvisit_ts > \"now-1w\"\n)");
    CPPUNIT_ASSERT_EQUAL(std::string("AND((visitct > 1), OR(x IN (\"a\", \"b\"), y NOT LIKE \"*.com\"), NOT EXISTS email, "
                                     "(lastvisit_ts > \"now-1w\"))"),
                         g.filter->toString());
    CPPUNIT_ASSERT(g.usesNow);

    CPPUNIT_ASSERT_EQUAL(std::string("*"), Parser::parseFilter("FILTER *").filter->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("*"), Parser::parseFilter("FILTER match_all").filter->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("utm_mediums IN (\"email\")"),
                         Parser::parseFilter("FILTER utm_mediums INTERSECTS (\"email\")").filter->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("AND((_modified <= \"now-30d\"), (_num_aliases == 1), EXISTS _uids)"),
                         Parser::parseFilter("FILTER AND ( _modified <= \"now-30d\", _num_aliases = 1, EXISTS '_uids' ) "
                                             "FROM user ALIAS x")
                             .filter->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("(pu_open_ct_by_campaign.555 > 0)"),
                         Parser::parseFilter("FILTER pu_open_ct_by_campaign.`555` > 0").filter->toString());
    CPPUNIT_ASSERT_EQUAL(std::string("score BETWEEN 1 AND 10"),
                         Parser::parseFilter("score BETWEEN 1 AND 10").filter->toString());
    auto w = Parser::parseFilter("FILTER a CONTAINS \"x\" LIMIT 10 WITH k = \"v\", n = 2 ALIAS s");
    CPPUNIT_ASSERT(w.limit && *w.limit == 10);
    CPPUNIT_ASSERT(w.with.at("k") == Value("v") && w.with.at("n") == Value(2));

    ParseException e = filterError("FILTER AND (a > 1, b <");
    CPPUNIT_ASSERT_EQUAL(std::string("aud:1:23: expected an expression, found end of input"), e.message());
    ParseException trailing = filterError("FILTER a > 1 b");
    CPPUNIT_ASSERT_EQUAL(14, trailing.column());
}

void ParserTest::testFilterIncludeUnsupported()
{
    ParseException e = filterError("FILTER AND (EXISTS email, INCLUDE other_segment)");
    CPPUNIT_ASSERT_EQUAL(std::string("aud:1:27: expected a supported expression (INCLUDE is not supported), "
                                     "found 'INCLUDE'"),
                         e.message());
    ParseException n = filterError("FILTER NOT INCLUDE x");
    CPPUNIT_ASSERT_EQUAL(12, n.column());
}

// Found by fuzz/lql_parser (and its crafted seeds): 100,000 nested
// parentheses or NOTs overflowed the stack; "1e999999" and a 23-digit
// LIMIT threw std::out_of_range out of the parser.
void ParserTest::testHostileTextFailsWithAParseException()
{
    auto nested = [](int depth) { return std::string(depth, '(') + "1" + std::string(depth, ')'); };
    CPPUNIT_ASSERT(Parser::parseExpression(nested(250)));
    ParseException deep = filterError("FILTER x = " + nested(100000));
    CPPUNIT_ASSERT_MESSAGE(deep.message(), deep.message().find("an expression nested at most 256 levels deep") != std::string::npos);
    std::string nots;
    for (int i = 0; i < 100000; ++i) nots += "NOT ";
    ParseException notChain = filterError("FILTER " + nots + "a");
    CPPUNIT_ASSERT_MESSAGE(notChain.message(), notChain.message().find("nested at most 256 levels") != std::string::npos);
    std::string minuses;
    for (int i = 0; i < 100000; ++i) minuses += "- "; // "--" would start a comment
    ParseException minus = filterError("FILTER x = " + minuses + "1");
    CPPUNIT_ASSERT_MESSAGE(minus.message(), minus.message().find("nested at most 256 levels") != std::string::npos);

    ParseException huge = filterError("FILTER x = 1e999999");
    CPPUNIT_ASSERT_MESSAGE(huge.message(), huge.message().find("a number within the range of a double") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(12, huge.column());
    ParseException hugeInt = filterError("FILTER x = 1" + std::string(400, '0'));
    CPPUNIT_ASSERT_MESSAGE(hugeInt.message(), hugeInt.message().find("range of a double") != std::string::npos);
    CPPUNIT_ASSERT(Parser::parseExpression("99999999999999999999")); // beyond int64: read as a double

    ParseException limit = filterError("FILTER a = 1 LIMIT 99999999999999999999999");
    CPPUNIT_ASSERT_MESSAGE(limit.message(), limit.message().find("a LIMIT of at most 9223372036854775807") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5}, Parser::parseFilter("FILTER a = 1 LIMIT 5").limit.value_or(-1));
}
