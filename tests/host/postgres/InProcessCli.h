// tests/host/postgres — InProcessCli.h
// `jobhost ARGS…` run in this process (CliApplication with the built-in verbs).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::tests::postgres {

struct CliRun {
    int exitCode = -1;
    std::string out, err;
};

/// Runs `jobhost` with `args` (without the program name); never throws for
/// what the CLI reports (exit codes and messages are in the result).
CliRun runCli(std::vector<std::string> args);

} // namespace jobhost::tests::postgres
