// jobhost host — main.cpp
// Entry point: hands argv to CliApplication (verbs carry their own options,
// which Poco's single global option set cannot express).
// SPDX-License-Identifier: Apache-2.0
#include <iostream>
#include <string>
#include <vector>

#include "cli/CliApplication.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + argc);
    jobhost::host::CliApplication app(std::cout, std::cerr);
    app.addBuiltins();
    return app.run(args);
}
