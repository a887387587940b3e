// tests/host/postgres — InProcessCli.cpp
// SPDX-License-Identifier: Apache-2.0
#include "InProcessCli.h"

#include <sstream>

#include "cli/CliApplication.h"

namespace jobhost::tests::postgres {

CliRun runCli(std::vector<std::string> args) {
    std::ostringstream out, err;
    host::CliApplication app(out, err);
    app.addBuiltins();
    args.insert(args.begin(), "jobhost");
    CliRun run;
    run.exitCode = app.run(args);
    run.out = out.str();
    run.err = err.str();
    return run;
}

} // namespace jobhost::tests::postgres
