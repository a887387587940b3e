// ChildProcess.h — jobhost chaos harness: runs one program as a child, optionally SIGKILLs it after a delay.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::chaos {

/// Starts a program (fork + execv) with stdout and stderr appended to a log
/// file and extra environment variables on top of the inherited ones; waits
/// for it, or kills it with SIGKILL once `killAfterMs` has passed. Owns
/// nothing after run() returns. Failure: run() throws std::runtime_error when
/// the program cannot be started.
class ChildProcess {
public:
    struct Result {
        int exitCode = -1;       ///< exit status when it exited
        int signal = 0;          ///< the signal that ended it (0 = exited)
        bool killedByUs = false; ///< our timer sent the SIGKILL
        std::int64_t elapsedMs = 0;
        bool exitedOk() const { return signal == 0 && exitCode == 0; }
        bool sigkilled() const { return signal == 9; }
    };

    /// `program` is a path; `arguments` exclude argv[0].
    static Result run(const std::string& program, const std::vector<std::string>& arguments,
                      const std::map<std::string, std::string>& environment, const std::string& logFile,
                      std::optional<std::int64_t> killAfterMs = std::nullopt);
};

} // namespace jobhost::chaos
