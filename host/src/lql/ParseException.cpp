// ParseException.cpp — jobhost lql: a syntax error in mapping or FilterQL text, with its position.
// SPDX-License-Identifier: Apache-2.0
#include "lql/ParseException.h"

#include <typeinfo>

namespace jobhost::host::lql {

namespace {
std::string formatParseMessage(const std::string& file, int line, int column, const std::string& expected,
                               const std::string& found)
{
    std::string where = file.empty() ? std::string("<input>") : file;
    return where + ":" + std::to_string(line) + ":" + std::to_string(column) + ": expected " + expected
        + ", found " + found;
}
} // namespace

ParseException::ParseException(std::string file, int line, int column, std::string expected, std::string found)
    : LqlException(formatParseMessage(file, line, column, expected, found))
    , _file(std::move(file))
    , _line(line)
    , _column(column)
    , _expected(std::move(expected))
    , _found(std::move(found))
{
}

const char* ParseException::name() const noexcept { return "Parse error"; }
const char* ParseException::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* ParseException::clone() const { return new ParseException(*this); }
void ParseException::rethrow() const { throw *this; }

} // namespace jobhost::host::lql
