// Parser.cpp — jobhost lql: parser for LQL mapping files, FilterQL and bare expressions.
// SPDX-License-Identifier: Apache-2.0
#include "lql/Parser.h"

#include "lql/Functions.h"
#include "lql/Lexer.h"
#include "lql/ParseException.h"

#include <cctype>
#include <functional>
#include <set>

namespace jobhost::host::lql {

namespace {

std::string upper(const std::string& s)
{
    std::string r = s;
    for (auto& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r;
}

std::string lower(const std::string& s)
{
    std::string r = s;
    for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

const std::set<std::string>& reservedWords()
{
    static const std::set<std::string> words = {
        "SELECT", "FROM", "INTO", "BY", "WHERE", "ALIAS", "AS", "IF", "KIND", "MERGEOP", "SHORTDESC",
        "LONGDESC", "AND", "OR", "NOT", "IN", "CONTAINS", "LIKE", "EXISTS", "BETWEEN", "INTERSECTS",
        "INCLUDE", "FILTER", "LIMIT", "WITH"};
    return words;
}

// Logic functions evaluated by Evaluator rather than Functions.
const std::set<std::string>& logicFunctions()
{
    static const std::set<std::string> names = {"eq", "ne", "gt", "ge", "lt", "le", "exists", "not",
                                                "contains", "hasprefix", "hassuffix", "any", "all"};
    return names;
}

// The top-level function of an expression ("" for none).
std::string topFunction(const Expr& e) { return e.kind == Expr::Kind::Call ? e.name : std::string(); }

// Kind inferred from an expression without KIND (§2.2).
FieldKind inferKind(const Expr& e)
{
    if (e.kind == Expr::Kind::Literal) {
        switch (e.value.type()) {
        case Value::Type::Int: return FieldKind::Int;
        case Value::Type::Number: return FieldKind::Number;
        case Value::Type::Bool: return FieldKind::Bool;
        default: return FieldKind::String;
        }
    }
    if (e.kind != Expr::Kind::Call) return FieldKind::String;
    const std::string& f = e.name;
    if (f == "count" || f == "hash" || f == "hash.sip" || f == "toint" || f == "epochms" || f == "hourofday"
        || f == "hourofweek" || f == "mm" || f == "monthofyear")
        return FieldKind::Int;
    if (f == "tonumber") return FieldKind::Number;
    if (f == "valuect") return FieldKind::MapIntSum;
    if (f == "set" || f == "split") return FieldKind::StringSet;
    if (f == "map") return FieldKind::MapValue;
    if (f == "todate" || f == "now") return FieldKind::Date;
    if ((f == "min" || f == "max") && !e.args.empty()) return inferKind(*e.args[0]);
    return FieldKind::String;
}

// qlbridge FindIdentityName: count(x) → ct_x, valuect(x) → cts_x,
// todate/toint/tostring(x) → x, f(x) → f_x.
std::string autoName(const Expr& e)
{
    if (e.kind == Expr::Kind::Ident) return e.name;
    std::function<std::string(const Expr&)> firstIdent = [&](const Expr& x) -> std::string {
        if (x.kind == Expr::Kind::Ident) return x.name;
        for (const auto& a : x.args) {
            std::string s = firstIdent(*a);
            if (!s.empty()) return s;
        }
        return "";
    };
    std::string id = firstIdent(e);
    if (e.kind != Expr::Kind::Call || id.empty()) return id;
    if (e.name == "count") return "ct_" + id;
    if (e.name == "valuect") return "cts_" + id;
    if (e.name == "todate" || e.name == "toint" || e.name == "tostring") return id;
    return e.name + "_" + id;
}

bool mentionsNow(const Expr& e)
{
    if (e.kind == Expr::Kind::Literal && e.value.type() == Value::Type::String) {
        const std::string& s = e.value.asString();
        if (s.size() >= 3 && lower(s.substr(0, 3)) == "now") return true;
    }
    if (e.kind == Expr::Kind::Call && e.name == "now") return true;
    for (const auto& a : e.args)
        if (mentionsNow(*a)) return true;
    return false;
}

} // namespace

Parser::Parser(std::vector<Token> tokens, std::string file, Options options, bool filterMode)
    : _tokens(std::move(tokens))
    , _file(std::move(file))
    , _options(options)
    , _filterMode(filterMode)
{
}

const Token& Parser::peek(std::size_t ahead) const
{
    std::size_t i = _pos + ahead;
    return i < _tokens.size() ? _tokens[i] : _tokens.back();
}

const Token& Parser::advance()
{
    const Token& t = peek();
    if (_pos < _tokens.size() - 1) ++_pos;
    return t;
}

bool Parser::isKeyword(const Token& t, const char* kw) const
{
    return t.type == Token::Type::Ident && !t.quoted && upper(t.text) == kw;
}

bool Parser::isReserved(const Token& t) const
{
    return t.type == Token::Type::Ident && !t.quoted && reservedWords().count(upper(t.text)) != 0;
}

class Parser::DepthGuard {
public:
    explicit DepthGuard(Parser& parser) : _parser(parser)
    {
        if (_parser._depth >= kMaxDepth) _parser.fail("an expression nested at most " + std::to_string(kMaxDepth) + " levels deep");
        ++_parser._depth;
    }
    ~DepthGuard() { --_parser._depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    Parser& _parser;
};

double Parser::numberLiteral(const Token& t) const
{
    try {
        return std::stod(t.text);
    } catch (const std::out_of_range&) {
        throw ParseException(_file, t.line, t.column, "a number within the range of a double (about 1.8e308)", t.describe());
    } catch (const std::invalid_argument&) {
        throw ParseException(_file, t.line, t.column, "a number", t.describe());
    }
}

void Parser::fail(const std::string& expected) const
{
    const Token& t = peek();
    throw ParseException(_file, t.line, t.column, expected, t.describe());
}

void Parser::expectKeyword(const char* kw, const std::string& context)
{
    if (!atKeyword(kw)) fail(std::string(kw) + (context.empty() ? "" : " " + context));
    advance();
}

std::string Parser::expectName(const std::string& expected)
{
    const Token& t = peek();
    if (t.type != Token::Type::Ident || isReserved(t)) fail(expected);
    return advance().text;
}

std::shared_ptr<Expr> Parser::node(Expr::Kind kind, const Token& at) const
{
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->line = at.line;
    e->column = at.column;
    return e;
}

// ---- statements ----------------------------------------------------------

std::vector<MappingQuery> Parser::parseMappings(const std::string& text, const std::string& file)
{
    return parseMappings(text, file, Options{});
}

std::vector<MappingQuery> Parser::parseMappings(const std::string& text, const std::string& file,
                                                const Options& options)
{
    Lexer lexer(text, file);
    Parser p(lexer.tokenize(), file, options, false);
    std::vector<MappingQuery> out;
    std::set<std::string> aliases;
    while (p.peek().type == Token::Type::Semicolon) p.advance();
    if (p.peek().type == Token::Type::End) p.fail("SELECT");
    while (p.peek().type != Token::Type::End) {
        const Token& start = p.peek();
        MappingQuery q = p.parseStatement(text);
        if (!aliases.insert(q.alias).second)
            throw ParseException(file, start.line, start.column, "a unique ALIAS", "'" + q.alias + "' twice");
        out.push_back(std::move(q));
        while (p.peek().type == Token::Type::Semicolon) p.advance();
    }
    return out;
}

MappingQuery Parser::parseStatement(const std::string& rawText)
{
    MappingQuery q;
    q.file = _file;
    q.line = peek().line;
    expectKeyword("SELECT", "");
    q.columns.push_back(parseColumn(rawText));
    while (peek().type == Token::Type::Comma) {
        advance();
        q.columns.push_back(parseColumn(rawText));
    }
    bool haveFrom = false, haveInto = false, haveBy = false, haveWhere = false, haveAlias = false;
    bool anyClause = false;
    while (true) {
        anyClause = anyClause || haveFrom || haveInto || haveBy || haveWhere || haveAlias;
        if (atKeyword("FROM") && !haveFrom) {
            advance();
            q.stream = expectName("stream name after FROM");
            haveFrom = true;
        } else if (atKeyword("INTO") && !haveInto) {
            advance();
            q.into = expectName("table name after INTO");
            haveInto = true;
        } else if (atKeyword("BY") && !haveBy) {
            advance();
            q.by.push_back(expectName("identity field after BY"));
            while (atKeyword("OR") || peek().type == Token::Type::Comma) {
                advance();
                q.by.push_back(expectName("identity field after OR"));
            }
            haveBy = true;
        } else if (atKeyword("WHERE") && !haveWhere) {
            advance();
            q.where = parseOr();
            haveWhere = true;
        } else if (atKeyword("ALIAS") && !haveAlias) {
            advance();
            q.alias = expectName("query name after ALIAS");
            haveAlias = true;
        } else {
            break;
        }
    }
    anyClause = anyClause || haveFrom || haveInto || haveBy || haveWhere || haveAlias;
    if (!haveFrom) fail(anyClause ? "FROM" : "',' or FROM after column");
    if (!haveBy) fail("BY");
    if (!haveAlias) fail("ALIAS");
    const Token& t = peek();
    if (t.type != Token::Type::End && t.type != Token::Type::Semicolon && !isKeyword(t, "SELECT"))
        fail("SELECT, ';' or end of input after ALIAS");
    // BY names must be output fields of this query.
    for (const auto& b : q.by) {
        bool found = false;
        for (const auto& c : q.columns) found = found || c.field == b;
        if (!found)
            throw ParseException(_file, q.line, 1, "BY field '" + b + "' to be a column name (AS) of query",
                                 "'" + q.alias + "'");
    }
    return q;
}

std::string Parser::rawWord(const std::string& rawText)
{
    // Kinds such as map[string]intsum are read as raw text up to whitespace,
    // ',' or a comment, then the covered tokens are skipped.
    const Token& t = peek();
    if (t.type == Token::Type::End) fail("a kind after KIND");
    std::size_t b = t.offset, e = b;
    while (e < rawText.size() && !std::isspace(static_cast<unsigned char>(rawText[e])) && rawText[e] != ','
           && rawText[e] != ';' && rawText.compare(e, 2, "--") != 0 && rawText.compare(e, 2, "/*") != 0)
        ++e;
    while (peek().type != Token::Type::End && peek().offset < e) advance();
    return rawText.substr(b, e - b);
}

MappingColumn Parser::parseColumn(const std::string& rawText)
{
    MappingColumn c;
    const Token& start = peek();
    c.line = start.line;
    if (peek().type == Token::Type::End || isReserved(peek())) fail("an expression for the column");
    c.expr = parseOr();
    if (atKeyword("AS")) {
        advance();
        c.field = expectName("field name after AS");
    } else if (_options.requireAs) {
        fail("AS after expression");
    } else {
        c.field = autoName(*c.expr);
        if (c.field.empty()) fail("AS after expression");
    }
    bool haveIf = false;
    while (true) {
        if (atKeyword("IF") && !haveIf) {
            advance();
            c.guard = parseOr();
            haveIf = true;
        } else if (atKeyword("SHORTDESC") || atKeyword("LONGDESC")) {
            bool isShort = atKeyword("SHORTDESC");
            advance();
            if (peek().type != Token::Type::String) fail(std::string("a string after ") + (isShort ? "SHORTDESC" : "LONGDESC"));
            (isShort ? c.shortDesc : c.longDesc) = advance().text;
        } else if (atKeyword("KIND") && !c.kindExplicit) {
            advance();
            const Token& kt = peek();
            std::string word = rawWord(rawText);
            auto k = parseFieldKind(word);
            if (!k)
                throw ParseException(_file, kt.line, kt.column, "a kind (string, int, number, bool, date, []string, "
                                                                "map[string]int, map[string]intsum, map[string]time, ...)",
                                     "'" + word + "'");
            c.kind = *k;
            c.kindExplicit = true;
        } else if (atKeyword("MERGEOP") && !c.mergeOpExplicit) {
            advance();
            const Token& mt = peek();
            if (mt.type != Token::Type::Ident) fail("a merge operator after MERGEOP");
            auto op = parseMergeOp(mt.text);
            if (!op) fail("a merge operator (latest, oldest, min, max, sum, count, merge, latestmap, ...)");
            advance();
            c.mergeOp = *op;
            c.mergeOpExplicit = true;
        } else {
            break;
        }
    }
    if (!c.kindExplicit) c.kind = inferKind(*c.expr);
    if (!c.mergeOpExplicit) c.mergeOp = defaultMergeOp(c.kind, topFunction(*c.expr));
    return c;
}

// ---- FilterQL ------------------------------------------------------------

FilterQuery Parser::parseFilter(const std::string& text, const std::string& file)
{
    Lexer lexer(text, file);
    Parser p(lexer.tokenize(), file, Options{}, true);
    FilterQuery q;
    if (p.atKeyword("FILTER")) p.advance();
    if (p.peek().type == Token::Type::Op && p.peek().text == "*") {
        q.filter = p.node(Expr::Kind::MatchAll, p.advance());
    } else if (p.peek().type == Token::Type::Ident && lower(p.peek().text) == "match_all" && !p.peek().quoted) {
        q.filter = p.node(Expr::Kind::MatchAll, p.advance());
    } else {
        if (p.peek().type == Token::Type::End) p.fail("a filter expression");
        q.filter = p.parseOr();
    }
    while (true) {
        if (p.atKeyword("FROM")) {
            p.advance();
            q.from = p.expectName("table name after FROM");
        } else if (p.atKeyword("LIMIT")) {
            p.advance();
            if (p.peek().type != Token::Type::Int) p.fail("an integer after LIMIT");
            try {
                q.limit = std::stoll(p.peek().text);
            } catch (const std::out_of_range&) {
                p.fail("a LIMIT of at most 9223372036854775807");
            }
            p.advance();
        } else if (p.atKeyword("WITH")) {
            p.advance();
            do {
                if (p.peek().type == Token::Type::Comma) p.advance();
                std::string k = p.expectName("a name after WITH");
                if (!(p.peek().type == Token::Type::Op && (p.peek().text == "=" || p.peek().text == "==")))
                    p.fail("'=' after WITH name");
                p.advance();
                ExprPtr v = p.parsePrimary();
                if (v->kind != Expr::Kind::Literal) p.fail("a literal WITH value");
                q.with[k] = v->value;
            } while (p.peek().type == Token::Type::Comma);
        } else if (p.atKeyword("ALIAS")) {
            p.advance();
            q.alias = p.expectName("audience slug after ALIAS");
        } else {
            break;
        }
    }
    while (p.peek().type == Token::Type::Semicolon) p.advance();
    if (p.peek().type != Token::Type::End) p.fail("FROM, LIMIT, WITH, ALIAS or end of filter");
    q.usesNow = mentionsNow(*q.filter);
    return q;
}

ExprPtr Parser::parseExpression(const std::string& text, const std::string& file)
{
    Lexer lexer(text, file);
    Parser p(lexer.tokenize(), file, Options{}, false);
    if (p.peek().type == Token::Type::End) p.fail("an expression");
    ExprPtr e = p.parseOr();
    if (p.peek().type != Token::Type::End) p.fail("end of expression");
    return e;
}

// ---- expressions ---------------------------------------------------------

ExprPtr Parser::parseOr()
{
    DepthGuard guard(*this); // once per parenthesis, argument list or n-ary phrase
    const Token& start = peek();
    ExprPtr left = parseAnd();
    // In FilterQL "OR (" starts a new n-ary phrase (children need no commas).
    auto infixOr = [&] {
        return (atKeyword("OR") && !(_filterMode && peek(1).type == Token::Type::LParen))
            || (peek().type == Token::Type::Op && peek().text == "||");
    };
    if (!infixOr()) return left;
    auto e = node(Expr::Kind::Or, start);
    e->args.push_back(left);
    while (infixOr()) {
        advance();
        e->args.push_back(parseAnd());
    }
    return e;
}

ExprPtr Parser::parseAnd()
{
    const Token& start = peek();
    ExprPtr left = parseNot();
    auto infixAnd = [&] {
        return (atKeyword("AND") && !(_filterMode && peek(1).type == Token::Type::LParen))
            || (peek().type == Token::Type::Op && peek().text == "&&");
    };
    if (!infixAnd()) return left;
    auto e = node(Expr::Kind::And, start);
    e->args.push_back(left);
    while (infixAnd()) {
        advance();
        e->args.push_back(parseNot());
    }
    return e;
}

ExprPtr Parser::parseNot()
{
    if (atKeyword("NOT") || (peek().type == Token::Type::Op && peek().text == "!")) {
        DepthGuard guard(*this);
        const Token& t = advance();
        if (atKeyword("INCLUDE")) fail("a supported expression (INCLUDE is not supported)");
        auto e = node(Expr::Kind::Not, t);
        e->args.push_back(parseNot());
        return e;
    }
    return parsePredicate();
}

std::vector<ExprPtr> Parser::parseList()
{
    if (peek().type != Token::Type::LParen) fail("'(' starting a list");
    advance();
    std::vector<ExprPtr> items;
    while (peek().type != Token::Type::RParen) {
        if (peek().type == Token::Type::End) fail("')' closing the list");
        items.push_back(parseAdditive());
        if (peek().type == Token::Type::Comma) {
            advance();
        } else if (peek().type != Token::Type::RParen) {
            fail("',' or ')' in the list");
        }
    }
    advance();
    return items;
}

ExprPtr Parser::parsePredicate()
{
    const Token& start = peek();
    if (atKeyword("INCLUDE")) fail("a supported expression (INCLUDE is not supported)");
    if (atKeyword("EXISTS")) {
        advance();
        auto e = node(Expr::Kind::Exists, start);
        e->args.push_back(parseAdditive());
        return e;
    }
    ExprPtr left = parseAdditive();
    const Token& t = peek();
    if (t.type == Token::Type::Op
        && (t.text == "==" || t.text == "=" || t.text == "!=" || t.text == "<>" || t.text == "<" || t.text == "<="
            || t.text == ">" || t.text == ">=")) {
        advance();
        auto e = node(Expr::Kind::Binary, start);
        e->name = t.text == "=" ? "==" : (t.text == "<>" ? "!=" : t.text);
        e->args.push_back(left);
        e->args.push_back(parseAdditive());
        return e;
    }
    bool negated = false;
    if (atKeyword("NOT")
        && (atKeyword("IN", 1) || atKeyword("LIKE", 1) || atKeyword("CONTAINS", 1) || atKeyword("BETWEEN", 1)
            || atKeyword("INTERSECTS", 1))) {
        advance();
        negated = true;
    }
    if (atKeyword("IN") || atKeyword("INTERSECTS")) {
        advance();
        auto e = node(Expr::Kind::In, start);
        e->negated = negated;
        e->args.push_back(left);
        if (peek().type == Token::Type::LParen) {
            for (auto& item : parseList()) e->args.push_back(item);
        } else {
            e->args.push_back(parsePrimary());
        }
        return e;
    }
    if (atKeyword("CONTAINS") || atKeyword("LIKE")) {
        bool like = atKeyword("LIKE");
        advance();
        auto e = node(like ? Expr::Kind::Like : Expr::Kind::Contains, start);
        e->negated = negated;
        e->args.push_back(left);
        e->args.push_back(parseAdditive());
        return e;
    }
    if (atKeyword("BETWEEN")) {
        advance();
        auto e = node(Expr::Kind::Between, start);
        e->negated = negated;
        e->args.push_back(left);
        e->args.push_back(parseAdditive());
        expectKeyword("AND", "in BETWEEN");
        e->args.push_back(parseAdditive());
        return e;
    }
    if (negated) fail("IN, LIKE, CONTAINS or BETWEEN after NOT");
    return left;
}

ExprPtr Parser::parseAdditive()
{
    ExprPtr left = parseMultiplicative();
    while (peek().type == Token::Type::Op && (peek().text == "+" || peek().text == "-")) {
        const Token& t = advance();
        auto e = node(Expr::Kind::Binary, t);
        e->name = t.text;
        e->args.push_back(left);
        e->args.push_back(parseMultiplicative());
        left = e;
    }
    return left;
}

ExprPtr Parser::parseMultiplicative()
{
    ExprPtr left = parseUnary();
    while (peek().type == Token::Type::Op && (peek().text == "*" || peek().text == "/" || peek().text == "%")) {
        const Token& t = advance();
        auto e = node(Expr::Kind::Binary, t);
        e->name = t.text;
        e->args.push_back(left);
        e->args.push_back(parseUnary());
        left = e;
    }
    return left;
}

ExprPtr Parser::parseUnary()
{
    if (peek().type == Token::Type::Op && peek().text == "-") {
        DepthGuard guard(*this);
        const Token& t = advance();
        ExprPtr inner = parseUnary();
        if (inner->kind == Expr::Kind::Literal && inner->value.type() == Value::Type::Int) {
            auto e = node(Expr::Kind::Literal, t);
            e->value = Value(-inner->value.asInt());
            return e;
        }
        if (inner->kind == Expr::Kind::Literal && inner->value.type() == Value::Type::Number) {
            auto e = node(Expr::Kind::Literal, t);
            e->value = Value(-inner->value.asNumber());
            return e;
        }
        auto e = node(Expr::Kind::Negate, t);
        e->args.push_back(inner);
        return e;
    }
    return parsePrimary();
}

ExprPtr Parser::parseNary(Expr::Kind kind)
{
    const Token& start = advance(); // AND / OR
    advance();                      // (
    auto e = node(kind, start);
    while (peek().type != Token::Type::RParen) {
        if (peek().type == Token::Type::End) fail(std::string("')' closing ") + (kind == Expr::Kind::And ? "AND(" : "OR("));
        e->args.push_back(parseOr());
        if (peek().type == Token::Type::Comma) advance();
    }
    advance();
    if (e->args.empty()) fail("at least one expression inside AND(...)/OR(...)");
    return e;
}

ExprPtr Parser::parsePrimary()
{
    const Token& t = peek();
    switch (t.type) {
    case Token::Type::LParen: {
        advance();
        ExprPtr inner = parseOr();
        if (peek().type != Token::Type::RParen) fail("')'");
        advance();
        return inner;
    }
    case Token::Type::String: {
        advance();
        if (_filterMode && t.quoted) { // FilterQL: 'quoted' is an identifier
            auto e = node(Expr::Kind::Ident, t);
            e->name = t.text;
            return e;
        }
        auto e = node(Expr::Kind::Literal, t);
        e->value = Value(t.text);
        return e;
    }
    case Token::Type::Int: {
        advance();
        auto e = node(Expr::Kind::Literal, t);
        try {
            e->value = Value(static_cast<std::int64_t>(std::stoll(t.text)));
        } catch (const std::out_of_range&) {
            e->value = Value(numberLiteral(t));
        }
        return e;
    }
    case Token::Type::Float: {
        advance();
        auto e = node(Expr::Kind::Literal, t);
        e->value = Value(numberLiteral(t));
        return e;
    }
    case Token::Type::Ident: {
        if (!t.quoted && (isKeyword(t, "AND") || isKeyword(t, "OR")) && peek(1).type == Token::Type::LParen)
            return parseNary(isKeyword(t, "AND") ? Expr::Kind::And : Expr::Kind::Or);
        if (isKeyword(t, "INCLUDE")) fail("a supported expression (INCLUDE is not supported)");
        bool reservedCall = isReserved(t) && peek(1).type == Token::Type::LParen
            && logicFunctions().count(lower(t.text)) != 0; // contains(a, b)
        if (isReserved(t) && !reservedCall) fail("an expression");
        std::string up = t.quoted ? std::string() : upper(t.text);
        if (up == "TRUE" || up == "FALSE") {
            advance();
            auto e = node(Expr::Kind::Literal, t);
            e->value = Value(up == "TRUE");
            return e;
        }
        if (up == "NULL" || up == "NIL") {
            advance();
            return node(Expr::Kind::Literal, t);
        }
        if (!t.quoted && peek(1).type == Token::Type::LParen) {
            std::string name = lower(t.text);
            if (!Functions::isKnown(name) && logicFunctions().count(name) == 0) fail("a known function");
            advance();
            advance();
            auto e = node(Expr::Kind::Call, t);
            e->name = name;
            while (peek().type != Token::Type::RParen) {
                if (peek().type == Token::Type::End) fail("')' closing the call of " + name);
                e->args.push_back(parseOr());
                if (peek().type == Token::Type::Comma) {
                    advance();
                } else if (peek().type != Token::Type::RParen) {
                    fail("',' or ')' in the call of " + name);
                }
            }
            advance();
            return e;
        }
        advance();
        auto e = node(Expr::Kind::Ident, t);
        e->name = t.text;
        return e;
    }
    default: fail("an expression");
    }
}

} // namespace jobhost::host::lql
