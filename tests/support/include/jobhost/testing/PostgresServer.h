// PostgresServer.h — a throwaway, real PostgreSQL server for tests.
// SPDX-License-Identifier: Apache-2.0
//
// Ownership: a PostgresServer owns one fresh folder under $TMPDIR (or /tmp),
// named jobhost-postgres-XXXXXX, holding the cluster (data/), its log and its
// Unix socket, and the postmaster started in it. The constructor runs initdb
// (trust authentication for the Unix socket and 127.0.0.1 only), starts the
// server on a free port of 127.0.0.1 with fsync off, waits until it accepts
// connections and creates the database. The destructor stops the server
// (pg_ctl stop -m immediate; then any process still running on the cluster,
// found by its command line, gets SIGQUIT, then SIGKILL), waits until none is
// left and removes the folder — also when the test failed, since it runs on
// unwinding; a failed start cleans up the same way before it throws. A
// watchdog process, started with the folder, does the same if this process
// dies without running the destructor (crash, SIGKILL).
//
// Root: PostgreSQL refuses to run as root, so when geteuid() == 0 the server
// programs run as `runUser` (default "postgres", the account the Debian
// package creates) through runuser(1), and the folder is owned by that user.
//
// Binaries: Options::binDirectory, else $JOBHOST_POSTGRES_BIN_DIR, else the
// first folder holding initdb, pg_ctl, postgres, pg_isready and createdb among
// /usr/lib/postgresql/15/bin, `pg_config --bindir` and $PATH.
//
// Failure: the constructor never skips. When the server cannot be had
// (binaries missing, initdb or pg_ctl failing, the start timing out) it cleans
// up what it made and throws std::runtime_error whose message says what
// failed, the command and its output (and the server log's tail), and how to
// fix it ("run scripts/setup", which installs the Debian package
// postgresql-15; for a timeout, first: raise Options::startTimeout). A user or
// database name other than [a-z_][a-z0-9_]* is refused with
// std::invalid_argument before anything starts. The destructor never throws.
#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>

namespace jobhost::testing {

class PostgresServer {
public:
    struct Options {
        /// Folder of initdb/pg_ctl/...; empty: $JOBHOST_POSTGRES_BIN_DIR, then the search above.
        std::string binDirectory;
        std::string user = "jobhost";         ///< the superuser initdb creates
        std::string database = "jobhost_test"; ///< created after the start
        std::string runUser = "postgres";      ///< who runs the server when we are root
        /// Bounds pg_ctl start (whole seconds: pg_ctl -t) and the wait for connections.
        std::chrono::seconds startTimeout{60};
    };

    PostgresServer();
    explicit PostgresServer(const Options& options);
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    const std::string& host() const { return _host; }
    int port() const { return _port; }
    const std::string& user() const { return _options.user; }
    const std::string& database() const { return _options.database; }
    /// The folder this server owns (the cluster is in its data/ subfolder).
    const std::string& directory() const { return _directory; }
    const std::string& binDirectory() const { return _binDirectory; }

    /// libpq keywords, as Poco::Data::Session("postgresql", ...) takes them:
    /// "host=127.0.0.1 port=N user=U dbname=D".
    std::string connectionString() const;
    /// "postgresql://U@127.0.0.1:N/D" (libpq, psql; Poco's connector wants the keyword form).
    std::string url() const;

    /// /proc/<pid>/cmdline (NUL-separated arguments); "" when the process is
    /// gone or exits while it is read. Never throws.
    static std::string commandLineOf(pid_t pid);

private:
    void start();
    void stop() noexcept;       // the server, then the folder
    void stopServer() noexcept; // the server only
    void startWatchdog();
    void releaseWatchdog() noexcept;
    std::string dataDirectory() const { return _directory + "/data"; }
    std::string logFile() const { return _directory + "/server.log"; }

    Options _options;
    std::string _host = "127.0.0.1";
    int _port = 0;
    std::string _directory;
    std::string _binDirectory;
    bool _asRunUser = false; // we are root: the programs run as _options.runUser
    uid_t _runUid = 0;
    gid_t _runGid = 0;
    bool _started = false;   // pg_ctl start was run (the postmaster may exist)
    pid_t _watchdogPid = -1;
    int _watchdogFd = -1;    // write end of the watchdog's stdin
};

} // namespace jobhost::testing
