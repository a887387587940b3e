// LqlParserFuzzer.cpp — libFuzzer target: LQL mapping files, FilterQL and bare expressions.
// The parser's contract: any text either parses or throws LqlException
// (ParseException with a position); anything else escaping — another
// exception, a crash, a sanitizer report, a stack overflow — is a bug.
// SPDX-License-Identifier: Apache-2.0
#include "FuzzInput.h"

#include "lql/LqlException.h"
#include "lql/Parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using jobhost::host::lql::LqlException;
    using jobhost::host::lql::Parser;
    const std::string text = jobhost::fuzz::FuzzInput(data, size).text();
    try {
        Parser::parseMappings(text, "fuzz.lql");
    } catch (const LqlException&) {
    }
    try {
        Parser::parseFilter(text, "fuzz-filter");
    } catch (const LqlException&) {
    }
    try {
        Parser::parseExpression(text, "fuzz-expression");
    } catch (const LqlException&) {
    }
    return 0;
}
