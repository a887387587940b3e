// SimulatorProcess.h — jobhost chaos harness: the postup-sim executable as a child process, and HTTP calls to it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace jobhost::chaos {

/// Starts `postup-sim ARGS… --port 0`, waits for its "listening on" line and
/// stops it (SIGTERM, then SIGKILL after 5 s) on destruction. call() sends
/// one request: /_sim/ routes as they are, other paths with the simulator's
/// api@example.com Basic auth. Owns the child. Failure: the constructor
/// throws std::runtime_error when the simulator does not come up; call()
/// throws Poco::Exception on a transport failure.
class SimulatorProcess {
public:
    SimulatorProcess(const std::string& executable, const std::vector<std::string>& arguments, const std::string& logFile);
    ~SimulatorProcess();
    SimulatorProcess(const SimulatorProcess&) = delete;
    SimulatorProcess& operator=(const SimulatorProcess&) = delete;

    std::uint16_t port() const { return _port; }
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(_port); }
    /// Status and body.
    std::pair<int, std::string> call(const std::string& method, const std::string& pathAndQuery, const std::string& body = {}) const;

private:
    pid_t _pid = -1;
    std::uint16_t _port = 0;
};

} // namespace jobhost::chaos
