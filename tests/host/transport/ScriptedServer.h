// tests/host/transport — ScriptedServer.h
// A Poco HTTPServer on 127.0.0.1:0 that plays a script of responses and faults.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Net/HTTPServer.h>

namespace jobhost::tests {

/// Scripted test server. Each request consumes the next step; once the
/// script is used up every request gets the fallback step (200 "fallback").
/// Thread-safe. The destructor stops the server and wakes slow handlers.
class ScriptedServer {
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;

    struct Step {
        /// Respond: answer and keep the connection open (HTTP keep-alive);
        /// RespondThenClose: answer, then close the connection (a server idle timeout);
        /// Close: hang up without an answer; Truncate: see truncated().
        enum class Action { Respond, RespondThenClose, Close, Truncate };
        Action action = Action::Respond;
        int status = 200;
        Headers headers;
        std::string body;
        std::size_t declaredLength = 0; ///< Truncate: Content-Length announced
        int delayMs = 0;                ///< wait before answering (interruptible)
    };

    struct Recorded {
        std::string method;
        std::string uri;
        Headers headers;
        std::string body;
        std::string clientAddress; ///< "127.0.0.1:port" of the connection it came on
    };

    static Step respond(int status, std::string body = {}, Headers headers = {});
    /// Answers, then closes the (keep-alive) connection.
    static Step respondThenClose(int status, std::string body = {});
    /// Closes the connection without any response.
    static Step close();
    /// Sends headers with Content-Length `declared` but only `partial` bytes, then closes.
    static Step truncated(std::string partial, std::size_t declared, int status = 200);
    /// Answers after `delayMs`.
    static Step slow(int delayMs, int status = 200, std::string body = {});

    /// Plain HTTP server.
    ScriptedServer();
    /// HTTPS server with the given PEM key and certificate (no client certs).
    ScriptedServer(const std::string& keyFile, const std::string& certificateFile);
    ~ScriptedServer();

    void script(std::vector<Step> steps);
    void setFallback(Step step);
    int port() const;
    /// "http://127.0.0.1:PORT" + path (https:// for a TLS server)
    std::string url(const std::string& path = "/") const;
    std::size_t requestCount() const;
    std::vector<Recorded> requests() const;
    /// Distinct client connections the recorded requests arrived on.
    std::size_t connectionCount() const;
    /// Blocks until no request is being handled (at most 5 s).
    void waitUntilIdle() const;

    struct State;

private:
    std::shared_ptr<State> _pState;
    std::unique_ptr<Poco::Net::HTTPServer> _pServer;
    int _port = 0;
    bool _tls = false;
};

} // namespace jobhost::tests
