// Token.h — jobhost lql: one lexical token of LQL/FilterQL text.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>

namespace jobhost::host::lql {

// A token with its source position. Plain value type.
struct Token {
    enum class Type {
        End,    // end of input
        Ident,  // name, dotted name (hash.sip, m.key) or `back-quoted`
        String, // "double" or 'single' quoted literal (escapes resolved)
        Int,
        Float,
        LParen,
        RParen,
        Comma,
        Semicolon,
        Op // == = != <> < <= > >= + - * / % ! && || [ ]
    };

    Type type = Type::End;
    // Identifier or operator text, or the unescaped string contents.
    std::string text;
    // Ident: written in back-quotes (never a keyword). String: single-quoted.
    bool quoted = false;
    int line = 1;
    int column = 1;
    // Byte offsets of the token in the source text: [offset, endOffset).
    std::size_t offset = 0;
    std::size_t endOffset = 0;

    // How the token is shown in error messages: 'FROM', '"abc"', end of input.
    std::string describe() const;
};

} // namespace jobhost::host::lql
