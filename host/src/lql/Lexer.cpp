// Lexer.cpp — jobhost lql: tokenizer shared by LQL mapping files and FilterQL.
// SPDX-License-Identifier: Apache-2.0
#include "lql/Lexer.h"

#include "lql/ParseException.h"

#include <cctype>

namespace jobhost::host::lql {

std::string Token::describe() const
{
    switch (type) {
    case Type::End: return "end of input";
    case Type::String: return "'\"" + text + "\"'";
    case Type::Ident: return quoted ? "'`" + text + "`'" : "'" + text + "'";
    default: return "'" + text + "'";
    }
}

namespace {
bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '@'; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '@'; }
} // namespace

Lexer::Lexer(std::string text, std::string file)
    : _text(std::move(text))
    , _file(std::move(file))
{
}

void Lexer::position(std::size_t offset, int& line, int& column) const
{
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < _text.size(); ++i) {
        if (_text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

void Lexer::fail(std::size_t offset, const std::string& expected, const std::string& found) const
{
    int line, column;
    position(offset, line, column);
    throw ParseException(_file, line, column, expected, found);
}

std::vector<Token> Lexer::tokenize()
{
    std::vector<Token> out;
    // Positions are computed incrementally to keep tokenizing linear.
    int line = 1, column = 1;
    std::size_t counted = 0;
    while (true) {
        Token t = next();
        for (; counted < t.offset; ++counted) {
            if (_text[counted] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        t.line = line;
        t.column = column;
        bool end = t.type == Token::Type::End;
        out.push_back(std::move(t));
        if (end) break;
    }
    return out;
}

void Lexer::skipSpaceAndComments()
{
    while (_pos < _text.size()) {
        char c = _text[_pos];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++_pos;
        } else if (c == '-' && _pos + 1 < _text.size() && _text[_pos + 1] == '-') {
            while (_pos < _text.size() && _text[_pos] != '\n') ++_pos;
        } else if (c == '/' && _pos + 1 < _text.size() && _text[_pos + 1] == '*') {
            std::size_t start = _pos;
            std::size_t end = _text.find("*/", _pos + 2);
            if (end == std::string::npos) fail(start, "'*/' closing the comment", "end of input");
            _pos = end + 2;
        } else {
            break;
        }
    }
}

Token Lexer::next()
{
    skipSpaceAndComments();
    Token t;
    t.offset = _pos;
    if (_pos >= _text.size()) {
        t.type = Token::Type::End;
        t.endOffset = _pos;
        return t;
    }
    char c = _text[_pos];
    auto readBackquoted = [&]() {
        std::size_t start = _pos;
        std::size_t end = _text.find('`', _pos + 1);
        if (end == std::string::npos) fail(start, "'`' closing the identifier", "end of input");
        std::string s = _text.substr(_pos + 1, end - _pos - 1);
        _pos = end + 1;
        return s;
    };
    if (identStart(c) || c == '`') {
        t.type = Token::Type::Ident;
        if (c == '`') {
            t.text = readBackquoted();
            t.quoted = true;
        } else {
            std::size_t b = _pos;
            while (_pos < _text.size() && identChar(_text[_pos])) ++_pos;
            t.text = _text.substr(b, _pos - b);
        }
        // Dotted continuation: hash.sip, m.key, m.`odd key`.
        while (_pos + 1 < _text.size() && _text[_pos] == '.'
               && (identChar(_text[_pos + 1]) || _text[_pos + 1] == '`')) {
            ++_pos;
            t.quoted = false;
            if (_text[_pos] == '`') {
                t.text += "." + readBackquoted();
            } else {
                std::size_t b = _pos;
                while (_pos < _text.size() && identChar(_text[_pos])) ++_pos;
                t.text += "." + _text.substr(b, _pos - b);
            }
        }
    } else if (c == '"' || c == '\'') {
        t.type = Token::Type::String;
        t.quoted = c == '\'';
        std::size_t start = _pos++;
        std::string s;
        while (true) {
            if (_pos >= _text.size()) fail(start, std::string("closing ") + c + " of the string", "end of input");
            char d = _text[_pos++];
            if (d == c) {
                if (_pos < _text.size() && _text[_pos] == c) { // doubled quote
                    s += c;
                    ++_pos;
                    continue;
                }
                break;
            }
            if (d == '\\' && _pos < _text.size()) {
                char e = _text[_pos++];
                switch (e) {
                case 'n': s += '\n'; break;
                case 't': s += '\t'; break;
                case 'r': s += '\r'; break;
                default: s += e; break;
                }
                continue;
            }
            s += d;
        }
        t.text = s;
    } else if (std::isdigit(static_cast<unsigned char>(c))
               || (c == '.' && _pos + 1 < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos + 1])))) {
        std::size_t b = _pos;
        bool isFloat = false;
        while (_pos < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos]))) ++_pos;
        if (_pos < _text.size() && _text[_pos] == '.') {
            isFloat = true;
            ++_pos;
            while (_pos < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos]))) ++_pos;
        }
        if (_pos < _text.size() && (_text[_pos] == 'e' || _text[_pos] == 'E')) {
            std::size_t save = _pos++;
            if (_pos < _text.size() && (_text[_pos] == '+' || _text[_pos] == '-')) ++_pos;
            if (_pos < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos]))) {
                isFloat = true;
                while (_pos < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos]))) ++_pos;
            } else {
                _pos = save;
            }
        }
        if (_pos < _text.size() && identChar(_text[_pos])) fail(_pos, "a separator after the number",
                                                                  "'" + std::string(1, _text[_pos]) + "'");
        t.type = isFloat ? Token::Type::Float : Token::Type::Int;
        t.text = _text.substr(b, _pos - b);
    } else {
        static const char* twoChar[] = {"==", "!=", "<>", "<=", ">=", "&&", "||"};
        t.type = Token::Type::Op;
        for (const char* op : twoChar) {
            if (_text.compare(_pos, 2, op) == 0) {
                t.text = op;
                _pos += 2;
                t.endOffset = _pos;
                return t;
            }
        }
        switch (c) {
        case '(': t.type = Token::Type::LParen; break;
        case ')': t.type = Token::Type::RParen; break;
        case ',': t.type = Token::Type::Comma; break;
        case ';': t.type = Token::Type::Semicolon; break;
        case '=': case '<': case '>': case '+': case '-': case '*': case '/': case '%': case '!': case '[':
        case ']': break;
        default: fail(_pos, "a token", "'" + std::string(1, c) + "'");
        }
        t.text = std::string(1, c);
        ++_pos;
    }
    t.endOffset = _pos;
    return t;
}

} // namespace jobhost::host::lql
