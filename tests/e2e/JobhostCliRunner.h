// JobhostCliRunner.h — runs the built `jobhost` executable as a child process for the e2e tests.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <Poco/Pipe.h>
#include <Poco/Process.h>
#include <string>
#include <vector>

namespace jobhost::tests::e2e {

/// Runs `jobhost --plugin-dir P --manifest-dir M ARGS…` with JOBHOST_HOME set
/// to one data folder (plus any extra environment), waits for it and hands
/// back its exit code, stdout and stderr. Owns nothing but its settings;
/// one instance may be used from one thread at a time. run() throws
/// Poco::Exception when the executable cannot be started; a non-zero exit
/// is a normal result, not an error.
class JobhostCliRunner {
public:
    struct Result {
        int exitCode = 0;
        std::string out;
        std::string err;
        /// "jobhost ARGS… → exit N" plus both streams, for assertion messages.
        std::string describe() const;
        std::vector<std::string> arguments;
        /// The child's peak resident set in KiB (runToFile only; 0 otherwise).
        long peakRssKiB = 0;
    };

    JobhostCliRunner(std::string executable, std::string pluginDirectory, std::string manifestDirectory,
                     std::string homeDirectory);

    /// Adds NAME=VALUE to the child's environment (on top of the inherited one).
    void setEnvironment(const std::string& name, const std::string& value);

    /// Runs one verb to completion; stdout and stderr are drained in parallel
    /// so a chatty child cannot block on a full pipe.
    Result run(const std::vector<std::string>& arguments) const;

    /// Runs one verb with its stdout written to `outputFile` (created or
    /// truncated) instead of a pipe, so a large output costs this process
    /// nothing; stderr is captured in Result::err and the child's peak RSS
    /// (wait4's ru_maxrss) in Result::peakRssKiB. Throws Poco::SystemException
    /// when the file cannot be opened or the child cannot be started.
    Result runToFile(const std::vector<std::string>& arguments, const std::string& outputFile) const;

    /// A child started by start(): its stdout and stderr are drained into one
    /// text by a thread it owns. stop() (also run by the destructor) asks it
    /// to terminate (SIGINT), waits and returns the exit code.
    class Background {
    public:
        Background(Poco::ProcessHandle handle, std::unique_ptr<Poco::Pipe> output);
        ~Background();
        Background(const Background&) = delete;
        Background& operator=(const Background&) = delete;
        int stop();
        /// Everything printed so far.
        std::string output() const;

    private:
        Poco::ProcessHandle _handle;
        std::unique_ptr<Poco::Pipe> _pOutput;
        mutable std::mutex _mutex;
        std::string _text;
        std::thread _reader;
        bool _stopped = false;
        int _exitCode = -1;
    };

    /// Starts a long-running verb (e.g. serve) in the background.
    std::unique_ptr<Background> start(const std::vector<std::string>& arguments) const;

    const std::string& homeDirectory() const { return _home; }

private:
    std::string _executable;
    std::string _pluginDirectory;
    std::string _manifestDirectory;
    std::string _home;
    std::map<std::string, std::string> _environment;
};

} // namespace jobhost::tests::e2e
