// jobhost host — ConsoleServer.h
// The console's HTTP server: API, metrics, health and web UI on one port.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include "console/ConsoleServices.h"

namespace jobhost::host {

/// Where and how the console listens. Config keys: console.bind,
/// console.port, console.threads.
struct ConsoleSettings {
    std::string bindAddress = "127.0.0.1"; ///< loopback by default; set 0.0.0.0 deliberately
    Poco::UInt16 port = 8470;              ///< 0 = any free port (tests); read it back with port()
    int maxThreads = 8;
    int maxQueued = 64;
    int keepAliveSeconds = 10;
};

/// Owns a Poco HTTPServer bound to settings.bindAddress:port with an
/// ApiRouter. The socket is bound in the constructor (so port() is valid at
/// once, and a busy port fails early); start() begins serving on Poco's
/// worker threads; stop() (also run by the destructor) stops accepting and
/// waits for in-flight requests. The worker threads come from a pool this
/// object owns (not Poco's process-wide default pool), so they end with it:
/// nothing per-thread (OpenSSL's per-thread random state after sealing a
/// secret, for one) outlives the server. `services` and everything it points to
/// must outlive this object. start/stop from one thread.
class ConsoleServer {
public:
    /// Throws ConfigException naming address and port when the socket
    /// cannot be bound (port in use, bad address), and when
    /// services.authRequired is set without services.pToken or
    /// services.pPlugins is null.
    ConsoleServer(ConsoleSettings settings, const ConsoleServices& services);
    ~ConsoleServer();

    ConsoleServer(const ConsoleServer&) = delete;
    ConsoleServer& operator=(const ConsoleServer&) = delete;

    void start();
    void stop();

    /// The bound port (the real one when settings.port was 0).
    Poco::UInt16 port() const { return _port; }
    /// "http://127.0.0.1:<port>" (the bind address; "127.0.0.1" for 0.0.0.0).
    std::string url() const;

private:
    ConsoleSettings _settings;
    const ConsoleServices& _services;
    Poco::UInt16 _port = 0;
    std::unique_ptr<Poco::ThreadPool> _pThreads; ///< outlives _pServer (declared first)
    std::unique_ptr<Poco::Net::HTTPServer> _pServer;
    bool _running = false;
};

} // namespace jobhost::host
