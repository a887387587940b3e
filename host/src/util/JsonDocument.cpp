// jobhost host — JsonDocument.cpp
// SPDX-License-Identifier: Apache-2.0
#include "util/JsonDocument.h"

#include <cmath>
#include <cstdint>

#include <fstream>
#include <sstream>

#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "app/HostException.h"

namespace jobhost::host {
namespace {

/// Recursive-descent JSON syntax checker that remembers where it stopped.
class SyntaxScanner {
public:
    explicit SyntaxScanner(const std::string& text) : _text(text) {}

    /// Returns an empty string when `text` is valid JSON, else "LINE:COLUMN: message".
    std::string check() {
        skipSpace();
        if (_pos < _text.size() && static_cast<unsigned char>(_text[_pos]) == 0xEF) // UTF-8 BOM
            return fail("unexpected byte order mark; save the file as UTF-8 without BOM");
        if (!value()) return _error;
        skipSpace();
        if (_pos != _text.size()) return fail("unexpected text after the JSON value");
        return {};
    }

private:
    bool value() {
        skipSpace();
        if (++_depth > 200) return failed("nesting deeper than 200 levels");
        bool ok = false;
        if (_pos >= _text.size()) ok = failed("unexpected end of input, expected a value");
        else {
            char c = _text[_pos];
            if (c == '{') ok = object();
            else if (c == '[') ok = array();
            else if (c == '"') ok = string();
            else if (c == '-' || (c >= '0' && c <= '9')) ok = number();
            else if (literal("true") || literal("false") || literal("null")) ok = true;
            else ok = failed(std::string("unexpected character '") + c + "', expected a value");
        }
        --_depth;
        return ok;
    }
    bool object() {
        ++_pos;
        skipSpace();
        if (peek('}')) { ++_pos; return true; }
        for (;;) {
            skipSpace();
            if (!peek('"')) return failed("expected a quoted member name");
            if (!string()) return false;
            skipSpace();
            if (!peek(':')) return failed("expected ':' after member name");
            ++_pos;
            if (!value()) return false;
            skipSpace();
            if (peek(',')) { ++_pos; skipSpace(); if (peek('}')) return failed("trailing ',' before '}'"); continue; }
            if (peek('}')) { ++_pos; return true; }
            return failed("expected ',' or '}' in object");
        }
    }
    bool array() {
        ++_pos;
        skipSpace();
        if (peek(']')) { ++_pos; return true; }
        for (;;) {
            if (!value()) return false;
            skipSpace();
            if (peek(',')) { ++_pos; skipSpace(); if (peek(']')) return failed("trailing ',' before ']'"); continue; }
            if (peek(']')) { ++_pos; return true; }
            return failed("expected ',' or ']' in array");
        }
    }
    bool string() {
        ++_pos;
        while (_pos < _text.size()) {
            char c = _text[_pos];
            if (c == '"') { ++_pos; return true; }
            if (static_cast<unsigned char>(c) < 0x20) return failed("control character inside a string (unterminated string?)");
            if (c == '\\') {
                ++_pos;
                if (_pos >= _text.size()) break;
                char e = _text[_pos];
                if (e == 'u') {
                    for (int i = 1; i <= 4; ++i)
                        if (_pos + i >= _text.size() || !std::isxdigit(static_cast<unsigned char>(_text[_pos + i])))
                            return failed("bad \\u escape");
                    _pos += 4;
                } else if (std::string("\"\\/bfnrt").find(e) == std::string::npos) {
                    return failed(std::string("bad escape '\\") + e + "'");
                }
            }
            ++_pos;
        }
        return failed("unterminated string");
    }
    bool number() {
        std::size_t start = _pos;
        if (peek('-')) ++_pos;
        std::size_t digits = _pos;
        while (_pos < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos]))) ++_pos;
        if (_pos == digits) return failed("bad number");
        if (peek('.')) { ++_pos; std::size_t f = _pos; while (_pos < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos]))) ++_pos; if (f == _pos) return failed("bad number"); }
        if (peek('e') || peek('E')) { ++_pos; if (peek('+') || peek('-')) ++_pos; std::size_t f = _pos; while (_pos < _text.size() && std::isdigit(static_cast<unsigned char>(_text[_pos]))) ++_pos; if (f == _pos) return failed("bad number exponent"); }
        return _pos > start;
    }
    bool literal(const char* word) {
        std::string w(word);
        if (_text.compare(_pos, w.size(), w) == 0) { _pos += w.size(); return true; }
        return false;
    }
    bool peek(char c) const { return _pos < _text.size() && _text[_pos] == c; }
    void skipSpace() {
        while (_pos < _text.size() && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r')) ++_pos;
    }
    bool failed(const std::string& message) { _error = fail(message); return false; }
    std::string fail(const std::string& message) const {
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < _pos && i < _text.size(); ++i) {
            if (_text[i] == '\n') { ++line; column = 1; } else ++column;
        }
        return std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    }

    const std::string& _text;
    std::size_t _pos = 0;
    int _depth = 0;
    std::string _error;
};

} // namespace

Poco::Dynamic::Var JsonDocument::parse(const std::string& text, const std::string& origin) {
    std::string error = SyntaxScanner(text).check();
    if (!error.empty()) throw ConfigException(origin + ":" + error);
    try {
        Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
        return parser.parse(text);
    } catch (const Poco::Exception& e) {
        throw ConfigException(origin + ": " + e.displayText());
    }
}

Poco::JSON::Object::Ptr JsonDocument::parseObject(const std::string& text, const std::string& origin) {
    Poco::Dynamic::Var value = parse(text, origin);
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw ConfigException(origin + ":1:1: expected a JSON object at the top level");
    return value.extract<Poco::JSON::Object::Ptr>();
}

std::string JsonDocument::readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigException(path + ": cannot open file for reading");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw ConfigException(path + ": read error");
    return content.str();
}

Poco::JSON::Object::Ptr JsonDocument::readObjectFile(const std::string& path) {
    return parseObject(readFile(path), path);
}

std::string JsonDocument::stringify(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

std::optional<std::int64_t> JsonDocument::asInt64(const Poco::Dynamic::Var& value) {
    if (value.type() == typeid(bool) || !value.isNumeric()) return std::nullopt;
    try {
        if (value.isInteger()) {
            if (!value.isSigned() && value.convert<Poco::UInt64>() > static_cast<Poco::UInt64>(INT64_MAX)) return std::nullopt;
            return value.convert<Poco::Int64>();
        }
        const double d = value.convert<double>();
        // [-2^63, 2^63): the doubles an int64 holds; the cast of any other is undefined.
        if (!std::isfinite(d) || std::trunc(d) != d || d < -9223372036854775808.0 || d >= 9223372036854775808.0) return std::nullopt;
        return static_cast<std::int64_t>(d);
    } catch (const Poco::Exception&) {
        return std::nullopt; // a conversion Poco refuses (out of range)
    }
}

} // namespace jobhost::host
