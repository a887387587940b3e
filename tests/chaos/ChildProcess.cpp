// ChildProcess.cpp — jobhost chaos harness: runs one program as a child, optionally SIGKILLs it after a delay.
// SPDX-License-Identifier: Apache-2.0
#include "ChildProcess.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace jobhost::chaos {

ChildProcess::Result ChildProcess::run(const std::string& program, const std::vector<std::string>& arguments,
                                       const std::map<std::string, std::string>& environment, const std::string& logFile,
                                       std::optional<std::int64_t> killAfterMs) {
    // Everything the child needs is prepared before fork (no allocation after it).
    std::vector<std::string> argStore{program};
    argStore.insert(argStore.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& a : argStore) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::map<std::string, std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry(*e);
        const auto eq = entry.find('=');
        if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [k, v] : environment) env[k] = v;
    std::vector<std::string> envStore;
    for (const auto& [k, v] : env) envStore.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& e : envStore) envp.push_back(e.data());
    envp.push_back(nullptr);

    const int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log < 0) throw std::runtime_error("cannot open log file " + logFile);
    const auto started = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(log);
        throw std::runtime_error("fork failed for " + program);
    }
    if (pid == 0) {
        ::dup2(log, 1);
        ::dup2(log, 2);
        const int devNull = ::open("/dev/null", O_RDONLY);
        if (devNull >= 0) ::dup2(devNull, 0);
        ::execve(program.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(log);

    Result result;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, killAfterMs ? WNOHANG : 0);
        if (done == pid) break;
        if (done < 0) throw std::runtime_error("waitpid failed for " + program);
        const auto spent = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        if (killAfterMs && spent >= *killAfterMs) {
            ::kill(pid, SIGKILL);
            result.killedByUs = true;
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    result.elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
        result.killedByUs = false; // it finished before our signal landed
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    return result;
}

} // namespace jobhost::chaos
