// Parser.h — jobhost lql: parser for LQL mapping files, FilterQL and bare expressions.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Expr.h"
#include "lql/FilterQuery.h"
#include "lql/MappingQuery.h"
#include "lql/Token.h"

#include <string>
#include <vector>

namespace jobhost::host::lql {

// Recursive-descent parser over Lexer tokens. The static entry points are
// thread-safe (each call uses its own state). Every syntax error throws
// ParseException naming file, line, column, what was expected and what was
// found, e.g. "postup_users.lql:12:7: expected AS after expression, found 'FROM'".
//
// Expression grammar (lowest precedence first): OR / || ; AND / && ; NOT / ! ;
// predicates (== = != <> < <= > >=, [NOT] IN (...) | IN ident, [NOT]
// INTERSECTS (...), [NOT] CONTAINS, [NOT] LIKE, [NOT] BETWEEN a AND b,
// EXISTS x) ; + - ; * / % ; unary - ; primaries (literals, TRUE/FALSE/NULL,
// identifiers, calls, parentheses, n-ary AND(...)/OR(...) with optional commas).
class Parser {
public:
    struct Options {
        // Our own mappings require `AS` on every column (§2.2 [P]). With false,
        // a column without AS is named the qlbridge way (count(x) → ct_x, ...).
        bool requireAs = true;
    };

    // Parses a mapping file: one or more SELECT statements, optionally
    // separated by ';'. FROM and INTO may come in either order. Throws
    // ParseException; an empty file is an error ("expected SELECT").
    static std::vector<MappingQuery> parseMappings(const std::string& text, const std::string& file);
    static std::vector<MappingQuery> parseMappings(const std::string& text, const std::string& file,
                                                   const Options& options);

    // Parses a FilterQL statement ("FILTER ..."; the FILTER keyword may be
    // omitted). INCLUDE is not supported and throws ParseException.
    static FilterQuery parseFilter(const std::string& text, const std::string& file = "");

    // Parses one expression (as used after IF or in `jobhost eval -e`).
    static ExprPtr parseExpression(const std::string& text, const std::string& file = "");

private:
    Parser(std::vector<Token> tokens, std::string file, Options options, bool filterMode);

    const Token& peek(std::size_t ahead = 0) const;
    const Token& advance();
    bool isKeyword(const Token& t, const char* kw) const;
    bool atKeyword(const char* kw, std::size_t ahead = 0) const { return isKeyword(peek(ahead), kw); }
    bool isReserved(const Token& t) const;
    [[noreturn]] void fail(const std::string& expected) const;
    void expectKeyword(const char* kw, const std::string& context);
    std::string expectName(const std::string& expected);

    MappingQuery parseStatement(const std::string& rawText);
    MappingColumn parseColumn(const std::string& rawText);
    std::string rawWord(const std::string& rawText);

    ExprPtr parseOr();
    ExprPtr parseAnd();
    ExprPtr parseNot();
    ExprPtr parsePredicate();
    ExprPtr parseAdditive();
    ExprPtr parseMultiplicative();
    ExprPtr parseUnary();
    ExprPtr parsePrimary();
    ExprPtr parseNary(Expr::Kind kind);
    std::vector<ExprPtr> parseList();

    std::shared_ptr<Expr> node(Expr::Kind kind, const Token& at) const;
    // The value of a Float token, or of an Int token beyond int64. Throws
    // ParseException at the token when it is beyond double's range.
    double numberLiteral(const Token& t) const;

    // Bounds recursion (parentheses, NOT, unary minus, nested calls) so
    // hostile text fails with a ParseException instead of overflowing the
    // stack; one guard per recursive descent level.
    static constexpr int kMaxDepth = 256;
    class DepthGuard;
    int _depth = 0;

    std::vector<Token> _tokens;
    std::size_t _pos = 0;
    std::string _file;
    Options _options;
    bool _filterMode;
};

} // namespace jobhost::host::lql
