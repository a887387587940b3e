// ParseException.h — jobhost lql: a syntax error in mapping or FilterQL text, with its position.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/LqlException.h"

#include <string>

namespace jobhost::host::lql {

// A syntax error in a mapping file or FilterQL text. message() reads
// "<file>:<line>:<column>: expected <what>, found '<token>'"; the parts are
// also available separately. Lines and columns are 1-based; column counts
// bytes from the start of the line.
class ParseException : public LqlException {
public:
    ParseException(std::string file, int line, int column, std::string expected, std::string found);

    const std::string& file() const { return _file; }
    int line() const { return _line; }
    int column() const { return _column; }
    // What the parser wanted at that position (e.g. "AS after expression").
    const std::string& expected() const { return _expected; }
    // The token found instead, quoted ("'FROM'"), or "end of input".
    const std::string& found() const { return _found; }

    const char* name() const noexcept override;
    const char* className() const noexcept override;
    Poco::Exception* clone() const override;
    void rethrow() const override;

private:
    std::string _file;
    int _line;
    int _column;
    std::string _expected;
    std::string _found;
};

} // namespace jobhost::host::lql
