// jobhost host — BashCompletionWriter.h
// Writes the bash completion script for the command table.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>

namespace jobhost::host {

class CliApplication;

/// Generates a bash completion function (`_jobhost`, registered with
/// `complete -o default`) from CliApplication's command table: global
/// options, verbs, each verb's options and sub-verbs; DIR arguments complete
/// folders, FILE arguments and positional arguments fall back to file names.
/// Stateless; writing never throws beyond the stream's own exceptions.
class BashCompletionWriter {
public:
    static void write(std::ostream& out, const CliApplication& application);
};

} // namespace jobhost::host
