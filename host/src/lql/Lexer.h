// Lexer.h — jobhost lql: tokenizer shared by LQL mapping files and FilterQL.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Token.h"

#include <string>
#include <vector>

namespace jobhost::host::lql {

// Splits LQL/FilterQL text into tokens. Skips whitespace, "-- ..." line
// comments and "/* ... */" block comments. Keywords are not distinguished
// here (the parser matches identifiers case-insensitively). Not thread-safe
// per instance; create one per text.
class Lexer {
public:
    // file is only used in error messages; the text is copied.
    Lexer(std::string text, std::string file);

    // All tokens, ending with one Token::Type::End.
    // Throws ParseException on an unterminated string, back-quote or comment,
    // or a character that starts no token.
    std::vector<Token> tokenize();

    // The source text.
    const std::string& text() const { return _text; }
    // 1-based line and column of a byte offset.
    void position(std::size_t offset, int& line, int& column) const;

private:
    Token next();
    void skipSpaceAndComments();
    [[noreturn]] void fail(std::size_t offset, const std::string& expected, const std::string& found) const;

    std::string _text;
    std::string _file;
    std::size_t _pos = 0;
};

} // namespace jobhost::host::lql
