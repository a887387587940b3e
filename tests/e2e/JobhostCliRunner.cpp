// JobhostCliRunner.cpp — runs the built `jobhost` executable as a child process for the e2e tests.
// SPDX-License-Identifier: Apache-2.0
#include "JobhostCliRunner.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <thread>

namespace jobhost::tests::e2e {

std::string JobhostCliRunner::Result::describe() const {
    std::string text = "jobhost";
    for (const auto& a : arguments) text += " " + a;
    return text + " -> exit " + std::to_string(exitCode) + "\n--- stdout\n" + out + "--- stderr\n" + err;
}

JobhostCliRunner::JobhostCliRunner(std::string executable, std::string pluginDirectory, std::string manifestDirectory,
                                   std::string homeDirectory)
    : _executable(std::move(executable)), _pluginDirectory(std::move(pluginDirectory)),
      _manifestDirectory(std::move(manifestDirectory)), _home(std::move(homeDirectory)) {
    _environment["JOBHOST_HOME"] = _home;
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

} // namespace jobhost::tests::e2e
