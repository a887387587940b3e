// JobhostCliRunner.cpp — runs the built `jobhost` executable as a child process for the e2e tests.
// SPDX-License-Identifier: Apache-2.0
#include "JobhostCliRunner.h"

#include "jobhost/testing/StoreUnderTest.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace jobhost::tests::e2e {

std::string JobhostCliRunner::Result::describe() const {
    std::string text = "jobhost";
    for (const auto& a : arguments) text += " " + a;
    return text + " -> exit " + std::to_string(exitCode) + "\n--- stdout\n" + out + "--- stderr\n" + err;
}

JobhostCliRunner::JobhostCliRunner(std::string executable, std::string pluginDirectory, std::string manifestDirectory,
                                   std::string homeDirectory)
    // Absolute, because the child runs in the home directory.
    : _executable(Poco::Path(executable).absolute().toString()), _pluginDirectory(Poco::Path(pluginDirectory).absolute().toString()),
      _manifestDirectory(Poco::Path(manifestDirectory).absolute().toString()), _home(std::move(homeDirectory)) {
    _environment["JOBHOST_HOME"] = _home;
    if (testing::StoreUnderTest::postgresRequested()) _environment["JOBHOST_STORE"] = testing::StoreUnderTest::locationFor(_home);
}

void JobhostCliRunner::setEnvironment(const std::string& name, const std::string& value) { _environment[name] = value; }

JobhostCliRunner::Result JobhostCliRunner::run(const std::vector<std::string>& arguments) const {
    std::vector<std::string> args = {"--plugin-dir", _pluginDirectory, "--manifest-dir", _manifestDirectory};
    args.insert(args.end(), arguments.begin(), arguments.end());
    Poco::Pipe outPipe, errPipe;
    Poco::Process::Env env(_environment.begin(), _environment.end());
    Poco::ProcessHandle handle = Poco::Process::launch(_executable, args, _home, nullptr, &outPipe, &errPipe, env);
    Result result;
    result.arguments = arguments;
    std::thread errReader([&errPipe, &result] {
        Poco::PipeInputStream in(errPipe);
        Poco::StreamCopier::copyToString(in, result.err);
    });
    {
        Poco::PipeInputStream in(outPipe);
        Poco::StreamCopier::copyToString(in, result.out);
    }
    errReader.join();
    result.exitCode = handle.wait();
    return result;
}

JobhostCliRunner::Result JobhostCliRunner::runToFile(const std::vector<std::string>& arguments, const std::string& outputFile) const {
    std::vector<std::string> args = {_executable, "--plugin-dir", _pluginDirectory, "--manifest-dir", _manifestDirectory};
    args.insert(args.end(), arguments.begin(), arguments.end());
    std::map<std::string, std::string> variables;
    for (char** e = environ; *e != nullptr; ++e) {
        std::string entry(*e);
        auto eq = entry.find('=');
        if (eq != std::string::npos) variables[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [name, value] : _environment) variables[name] = value;
    std::vector<std::string> envStrings;
    for (const auto& [name, value] : variables) envStrings.push_back(name + "=" + value);
    // Everything the child needs is built before fork(): between fork and
    // exec it only calls async-signal-safe functions.
    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : envStrings) envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string errorFile = outputFile + ".stderr";
    int outFd = ::open(outputFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (outFd < 0) throw Poco::SystemException("cannot open " + outputFile + ": " + std::strerror(errno));
    int errFd = ::open(errorFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (errFd < 0) {
        ::close(outFd);
        throw Poco::SystemException("cannot open " + errorFile + ": " + std::strerror(errno));
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::chdir(_home.c_str()) != 0 || ::dup2(outFd, 1) < 0 || ::dup2(errFd, 2) < 0) ::_exit(127);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(outFd);
    ::close(errFd);
    if (pid < 0) throw Poco::SystemException(std::string("fork failed: ") + std::strerror(errno));
    int status = 0;
    struct rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0)
        if (errno != EINTR) throw Poco::SystemException(std::string("wait4 failed: ") + std::strerror(errno));
    Result result;
    result.arguments = arguments;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.peakRssKiB = usage.ru_maxrss;
    std::ostringstream err;
    err << std::ifstream(errorFile).rdbuf();
    result.err = err.str();
    Poco::File(errorFile).remove();
    return result;
}

JobhostCliRunner::Background::Background(Poco::ProcessHandle handle, std::unique_ptr<Poco::Pipe> output)
    : _handle(std::move(handle)), _pOutput(std::move(output)) {
    _reader = std::thread([this] {
        Poco::PipeInputStream in(*_pOutput);
        char buffer[4096];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            std::lock_guard<std::mutex> lock(_mutex);
            _text.append(buffer, static_cast<std::size_t>(in.gcount()));
        }
    });
}

JobhostCliRunner::Background::~Background() {
    try {
        stop();
    } catch (...) {
    }
}

int JobhostCliRunner::Background::stop() {
    if (_stopped) return _exitCode;
    _stopped = true;
    try {
        Poco::Process::requestTermination(_handle.id());
    } catch (const Poco::Exception&) {
        // already gone: wait() below collects it
    }
    _exitCode = _handle.wait();
    if (_reader.joinable()) _reader.join();
    return _exitCode;
}

std::string JobhostCliRunner::Background::output() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _text;
}

std::unique_ptr<JobhostCliRunner::Background> JobhostCliRunner::start(const std::vector<std::string>& arguments) const {
    std::vector<std::string> args = {"--plugin-dir", _pluginDirectory, "--manifest-dir", _manifestDirectory};
    args.insert(args.end(), arguments.begin(), arguments.end());
    auto output = std::make_unique<Poco::Pipe>();
    Poco::Process::Env env(_environment.begin(), _environment.end());
    Poco::ProcessHandle handle = Poco::Process::launch(_executable, args, _home, nullptr, output.get(), output.get(), env);
    return std::make_unique<Background>(std::move(handle), std::move(output));
}

} // namespace jobhost::tests::e2e
