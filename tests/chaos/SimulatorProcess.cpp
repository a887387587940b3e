// SimulatorProcess.cpp — jobhost chaos harness: the postup-sim executable as a child process, and HTTP calls to it.
// SPDX-License-Identifier: Apache-2.0
#include "SimulatorProcess.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace jobhost::chaos {

SimulatorProcess::SimulatorProcess(const std::string& executable, const std::vector<std::string>& arguments,
                                   const std::string& logFile) {
    std::vector<std::string> store{executable};
    store.insert(store.end(), arguments.begin(), arguments.end());
    store.push_back("--port");
    store.push_back("0");
    std::vector<char*> argv;
    for (auto& a : store) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log < 0) throw std::runtime_error("cannot open " + logFile);
    _pid = ::fork();
    if (_pid < 0) throw std::runtime_error("fork failed for postup-sim");
    if (_pid == 0) {
        ::dup2(log, 1);
        ::dup2(log, 2);
        ::execv(executable.c_str(), argv.data());
        ::_exit(127);
    }
    ::close(log);
    const std::string marker = "listening on http://127.0.0.1:";
    for (int i = 0; i < 1000 && _port == 0; ++i) {
        std::ifstream in(logFile);
        std::string line;
        while (std::getline(in, line)) {
            const auto at = line.find(marker);
            if (at != std::string::npos) _port = static_cast<std::uint16_t>(std::stoi(line.substr(at + marker.size())));
        }
        if (_port) break;
        int status = 0;
        if (::waitpid(_pid, &status, WNOHANG) == _pid) {
            _pid = -1;
            throw std::runtime_error("postup-sim exited at start; see " + logFile);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (_port == 0) throw std::runtime_error("postup-sim did not start within 5 s; see " + logFile);
}

SimulatorProcess::~SimulatorProcess() {
    if (_pid <= 0) return;
    ::kill(_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 500; ++i) {
        if (::waitpid(_pid, &status, WNOHANG) == _pid) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(_pid, SIGKILL);
    ::waitpid(_pid, &status, 0);
}

std::pair<int, std::string> SimulatorProcess::call(const std::string& method, const std::string& pathAndQuery,
                                                   const std::string& body) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", _port);
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
    if (pathAndQuery.rfind("/_sim/", 0) != 0) Poco::Net::HTTPBasicCredentials("api@example.com", "secret").authenticate(request);
    request.set("Accept", "application/json");
    if (!body.empty() || method == "PUT" || method == "POST") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return {static_cast<int>(response.getStatus()), text};
}

} // namespace jobhost::chaos
