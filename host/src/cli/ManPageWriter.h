// jobhost host — ManPageWriter.h
// Writes the jobhost(1) manual page (roff) for the command table.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>

namespace jobhost::host {

class CliApplication;

/// Generates jobhost(1) in man(7) roff from CliApplication's command table
/// (the same verbs, summaries, usages and options `--help` shows), plus the
/// environment variables, files and exit codes. Text is escaped for roff
/// (hyphens, backslashes, leading dots). Stateless; writing never throws
/// beyond the stream's own exceptions.
class ManPageWriter {
public:
    static void write(std::ostream& out, const CliApplication& application);
    /// `text` made safe for a roff text line (no request interpretation).
    static std::string escape(const std::string& text);
};

} // namespace jobhost::host
