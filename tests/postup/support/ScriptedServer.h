// jobhost postup tests — ScriptedServer.h
// A Poco HTTPServer on 127.0.0.1:0 that answers from a script.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
} // namespace Poco

namespace jobhost::plugins::postup::test {

/// Serves scripted replies in order (when the script is empty: 500
/// "script exhausted") and records what it received. Starts in the
/// constructor, stops in the destructor. Thread-safe.
class ScriptedServer {
public:
    struct Reply {
        int status = 200;
        std::string body;
        std::string contentType = "application/json";
        std::vector<std::pair<std::string, std::string>> headers;
    };
    struct Seen {
        std::string method;
        std::string uri;
        std::string authorization;
        std::string body;
    };

    ScriptedServer();
    ~ScriptedServer();
    ScriptedServer(const ScriptedServer&) = delete;
    ScriptedServer& operator=(const ScriptedServer&) = delete;

    void push(Reply reply);
    void push(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {});
    /// "http://127.0.0.1:PORT"
    std::string baseUrl() const;
    std::vector<Seen> seen() const;

    /// Used by the request handler.
    Reply next(Seen seen);

private:
    mutable std::mutex _mutex;
    std::deque<Reply> _script;
    std::vector<Seen> _seen;
    unsigned short _port = 0;
    // The request threads, joined by the destructor before the members the
    // handlers use are gone. Declared before _pServer, which refers to it.
    std::unique_ptr<Poco::ThreadPool> _pThreads;
    std::unique_ptr<Poco::Net::HTTPServer> _pServer;
};

} // namespace jobhost::plugins::postup::test
