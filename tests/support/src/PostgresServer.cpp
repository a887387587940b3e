// PostgresServer.cpp — a throwaway PostgreSQL server for tests (see PostgresServer.h).
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/testing/PostgresServer.h"

#include <Poco/Environment.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace jobhost::testing {

namespace {

const char* const kFix =
    "PostgreSQL tests need the Debian package postgresql-15: run scripts/setup "
    "(or set JOBHOST_POSTGRES_BIN_DIR to a folder holding initdb, pg_ctl, postgres, pg_isready and createdb)";
const char* const kPrograms[] = {"initdb", "pg_ctl", "postgres", "pg_isready", "createdb"};
constexpr std::size_t kMaxQuoted = 4000; // characters of a command's output or the log kept in a message
constexpr int kPortAttempts = 3;         // another process may take the free port before the server binds it

struct CommandResult {
    int status = -1;
    std::string output; // stdout and stderr, interleaved
};

/// The command line as a shell would take it (arguments with spaces quoted).
std::string describe(const std::string& program, const std::vector<std::string>& args) {
    std::string line = program;
    for (const auto& arg : args) {
        line += ' ';
        line += arg.find_first_of(" '\"\\$") == std::string::npos ? arg : "'" + arg + "'";
    }
    return line;
}

std::string tail(const std::string& text) {
    if (text.size() <= kMaxQuoted) return text;
    return "[...]" + text.substr(text.size() - kMaxQuoted);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool isExecutable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

/// Runs a program to its end in `directory` with LC_ALL=C (stable messages).
CommandResult run(const std::string& program, const std::vector<std::string>& args, const std::string& directory) {
    CommandResult result;
    Poco::Pipe output;
    Poco::ProcessHandle handle =
        Poco::Process::launch(program, args, directory, nullptr, &output, &output, {{"LC_ALL", "C"}});
    Poco::PipeInputStream stream(output);
    Poco::StreamCopier::copyToString(stream, result.output);
    result.status = handle.wait();
    return result;
}

std::string findInPath(const std::string& name) {
    std::stringstream path(Poco::Environment::get("PATH", ""));
    for (std::string dir; std::getline(path, dir, ':');) {
        if (!dir.empty() && isExecutable(dir + "/" + name)) return dir + "/" + name;
    }
    return {};
}

std::vector<std::string> missingPrograms(const std::string& dir) {
    std::vector<std::string> missing;
    for (const char* program : kPrograms) {
        if (!isExecutable(dir + "/" + program)) missing.emplace_back(program);
    }
    return missing;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
}

[[noreturn]] void fail(const std::string& what, const std::string& fix = kFix) {
    throw std::runtime_error("PostgresServer: " + what + "\n" + fix);
}

[[noreturn]] void failCommand(const std::string& what, const std::string& command, const CommandResult& result,
                              const std::string& log = {}, const std::string& fix = kFix) {
    std::string message = what + "\n  command: " + command + "\n  exit status: " + std::to_string(result.status) +
                          "\n  output:\n" + tail(result.output);
    if (!log.empty()) message += "\n  server log:\n" + tail(log);
    fail(message, fix);
}

std::string timeoutFix() {
    return std::string("If the machine is busy, raise Options::startTimeout. ") + kFix;
}

/// Names go unquoted into the connection string and the URL.
void checkName(const char* option, const std::string& name) {
    const bool plain = !name.empty() && name.size() <= 63 && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                       name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
    if (!plain) {
        throw std::invalid_argument(std::string("PostgresServer: Options::") + option + " '" + name +
                                    "' must be 1-63 of a-z, 0-9 and _, not starting with a digit");
    }
}

std::string resolveBinDirectory(const std::string& option) {
    std::string dir = option;
    std::string source = "Options::binDirectory";
    if (dir.empty()) {
        dir = Poco::Environment::get("JOBHOST_POSTGRES_BIN_DIR", "");
        source = "JOBHOST_POSTGRES_BIN_DIR";
    }
    if (!dir.empty()) {
        const auto missing = missingPrograms(dir);
        if (!missing.empty()) {
            fail(source + " is " + dir + ", which has no executable " + joined(missing, ", ") +
                 " (PostgreSQL server binaries missing)");
        }
        return dir;
    }
    std::vector<std::string> candidates{"/usr/lib/postgresql/15/bin"};
    if (const auto pgConfig = findInPath("pg_config"); !pgConfig.empty()) {
        try {
            auto result = run(pgConfig, {"--bindir"}, "/");
            while (!result.output.empty() && std::isspace(static_cast<unsigned char>(result.output.back())))
                result.output.pop_back();
            if (result.status == 0 && !result.output.empty()) candidates.push_back(result.output);
        } catch (...) {
            // pg_config is only a hint
        }
    }
    if (const auto initdb = findInPath("initdb"); !initdb.empty()) {
        candidates.push_back(std::filesystem::path(initdb).parent_path().string());
    }
    for (const auto& candidate : candidates) {
        if (missingPrograms(candidate).empty()) return candidate;
    }
    fail("no PostgreSQL server binaries (" + joined({std::begin(kPrograms), std::end(kPrograms)}, ", ") +
         ") found; looked in " + joined(candidates, ", ") + " and $PATH");
}

std::string findRunuser() {
    for (const char* path : {"/usr/sbin/runuser", "/sbin/runuser"}) {
        if (isExecutable(path)) return path;
    }
    return findInPath("runuser");
}

/// A port that was free on 127.0.0.1 a moment ago (bind port 0, read it back, close).
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) fail(std::string("socket() failed: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        const int error = errno;
        ::close(fd);
        fail(std::string("could not find a free port on 127.0.0.1: ") + std::strerror(error));
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

/// A value in single quotes for postgresql.conf.
std::string confString(const std::string& value) {
    std::string text = "'";
    for (char c : value) text += c == '\'' ? std::string("''") : std::string(1, c);
    return text + "'";
}

/// Live processes (not zombies, not `except`) whose command line holds `text`.
std::vector<pid_t> processesUsing(const std::string& text, pid_t except) {
    std::vector<pid_t> pids;
    std::error_code error;
    for (std::filesystem::directory_iterator it("/proc", error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
        const auto pid = static_cast<pid_t>(std::stol(name));
        if (pid == ::getpid() || pid == except) continue;
        const std::string cmdline = PostgresServer::commandLineOf(pid);
        if (cmdline.find(text) != std::string::npos) pids.push_back(pid); // a zombie's cmdline is empty
    }
    return pids;
}

} // namespace

std::string PostgresServer::commandLineOf(pid_t pid) {
    // read(2), not an ifstream: libstdc++'s filebuf throws from underflow when
    // the process exits mid-read (ESRCH), even through istreambuf_iterator.
    const std::string path = "/proc/" + std::to_string(pid) + "/cmdline";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    std::string text;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) break; // end, or the process is gone
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

PostgresServer::PostgresServer() : PostgresServer(Options{}) {}

PostgresServer::PostgresServer(const Options& options) : _options(options) {
    checkName("user", _options.user);
    checkName("database", _options.database);
    _binDirectory = resolveBinDirectory(_options.binDirectory);
    if (::geteuid() == 0) {
        const passwd* account = ::getpwnam(_options.runUser.c_str());
        if (!account) {
            fail("running as root, and PostgreSQL refuses to run as root; the user '" + _options.runUser +
                 "' that should run it does not exist (the Debian package postgresql-15 creates 'postgres')");
        }
        if (findRunuser().empty()) fail("running as root and runuser(1) (Debian package util-linux) is missing");
        _asRunUser = true;
        _runUid = account->pw_uid;
        _runGid = account->pw_gid;
    }

    const std::string base = Poco::Environment::get("TMPDIR", "/tmp");
    std::string pattern = base + "/jobhost-postgres-XXXXXX";
    if (!::mkdtemp(pattern.data())) fail("mkdtemp(" + pattern + ") failed: " + std::strerror(errno));
    _directory = pattern;
    try {
        if (_asRunUser && ::chown(_directory.c_str(), _runUid, _runGid) != 0) {
            fail("chown(" + _directory + ", " + _options.runUser + ") failed: " + std::strerror(errno));
        }
        startWatchdog();
        start();
    } catch (...) {
        stop();
        releaseWatchdog();
        throw;
    }
}

PostgresServer::~PostgresServer() {
    stop();
    releaseWatchdog();
}

std::string PostgresServer::connectionString() const {
    return "host=" + _host + " port=" + std::to_string(_port) + " user=" + _options.user +
           " dbname=" + _options.database;
}

std::string PostgresServer::url() const {
    return "postgresql://" + _options.user + "@" + _host + ":" + std::to_string(_port) + "/" + _options.database;
}

namespace {

/// `program args` as the server's user: through runuser when we are root.
struct Invocation {
    std::string program;
    std::vector<std::string> args;
    std::string text() const { return describe(program, args); }
};

Invocation asUser(bool viaRunuser, const std::string& runUser, const std::string& program,
                  std::vector<std::string> args) {
    if (!viaRunuser) return {program, std::move(args)};
    std::vector<std::string> wrapped{"-u", runUser, "--", program};
    wrapped.insert(wrapped.end(), args.begin(), args.end());
    return {findRunuser(), std::move(wrapped)};
}

} // namespace

void PostgresServer::start() {
    const auto deadline = std::chrono::steady_clock::now() + _options.startTimeout;
    const auto bin = [this](const char* program) { return _binDirectory + "/" + program; };

    const auto initdb = asUser(_asRunUser, _options.runUser, bin("initdb"),
                               {"-D", dataDirectory(), "-U", _options.user, "--auth=trust", "--no-sync",
                                "--locale=C", "--encoding=UTF8"});
    if (const auto result = run(initdb.program, initdb.args, _directory); result.status != 0) {
        failCommand("initdb failed", initdb.text(), result);
    }

    // Trust on the Unix socket and 127.0.0.1 only (initdb's file also trusts ::1 and replication).
    {
        std::ofstream hba(dataDirectory() + "/pg_hba.conf", std::ios::trunc);
        hba << "# jobhost PostgresServer: a throwaway test cluster\n"
               "local all all trust\n"
               "host  all all 127.0.0.1/32 trust\n";
        std::ofstream conf(dataDirectory() + "/postgresql.conf", std::ios::app);
        conf << "\n# jobhost PostgresServer\n"
             << "listen_addresses = '127.0.0.1'\n"
             << "unix_socket_directories = " << confString(_directory) << "\n"
             << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
        if (!hba || !conf) fail("could not write the configuration in " + dataDirectory());
    }

    const std::string timeout = std::to_string(_options.startTimeout.count());
    for (int attempt = 1;; ++attempt) {
        _port = freePort();
        const auto pgCtl = asUser(_asRunUser, _options.runUser, bin("pg_ctl"),
                                  {"-D", dataDirectory(), "-l", logFile(), "-w", "-t", timeout, "-o",
                                   "-p " + std::to_string(_port), "start"});
        std::error_code ignored;
        std::filesystem::remove(logFile(), ignored); // the log of this attempt only
        _started = true; // even a failed pg_ctl start may leave a postmaster behind
        const auto result = run(pgCtl.program, pgCtl.args, _directory);
        if (result.status == 0) break;
        const std::string log = readFile(logFile());
        if (result.output.find("did not start in time") != std::string::npos) {
            failCommand("the server did not start within " + timeout + " s (Options::startTimeout)", pgCtl.text(),
                        result, log, timeoutFix());
        }
        if (attempt < kPortAttempts && log.find("could not bind") != std::string::npos) {
            stopServer(); // the port was taken meanwhile: try another one
            continue;
        }
        failCommand("pg_ctl start failed", pgCtl.text(), result, log);
    }

    // pg_ctl -w saw the postmaster ready; wait until it takes TCP connections too.
    const std::string port = std::to_string(_port);
    const std::vector<std::string> ready{"-h", _host, "-p", port, "-U", _options.user, "-d", "postgres", "-t", "1"};
    for (;;) {
        const auto result = run(bin("pg_isready"), ready, _directory);
        if (result.status == 0) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            failCommand("the server took no connections within " + timeout + " s (Options::startTimeout)",
                        describe(bin("pg_isready"), ready), result, readFile(logFile()), timeoutFix());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    const std::vector<std::string> create{"-h", _host, "-p", port, "-U", _options.user, _options.database};
    if (const auto result = run(bin("createdb"), create, _directory); result.status != 0) {
        failCommand("createdb failed", describe(bin("createdb"), create), result, readFile(logFile()));
    }
}

void PostgresServer::stop() noexcept {
    if (_directory.empty()) return;
    stopServer();
    std::error_code ignored;
    std::filesystem::remove_all(_directory, ignored);
    _directory.clear();
}

void PostgresServer::stopServer() noexcept {
    if (_started) {
        _started = false;
        try {
            const auto pgCtl = asUser(_asRunUser, _options.runUser, _binDirectory + "/pg_ctl",
                                      {"-D", dataDirectory(), "-m", "immediate", "-w", "-t", "30", "stop"});
            run(pgCtl.program, pgCtl.args, _directory);
        } catch (...) {
            // fall through to the search below
        }
        // pg_ctl stop -w returns once the postmaster is gone. What it cannot
        // see: a postmaster still starting (pg_ctl start timed out before
        // postmaster.pid was written) or one that would not stop. Those are
        // found by command line (sh -c "exec postgres -D DIR/data ...", then
        // postgres -D DIR/data ...), sent SIGQUIT (immediate shutdown), SIGKILL
        // after 5 s, and waited for (10 s at most).
        for (int round = 0; round < 200; ++round) {
            const auto pids = processesUsing(dataDirectory(), _watchdogPid);
            if (pids.empty()) break;
            for (const pid_t pid : pids) ::kill(pid, round < 100 ? SIGQUIT : SIGKILL);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

// The watchdog: `sh -c` reading a line from a socket whose other end only
// this process holds (close-on-exec, so no other child inherits it). "done"
// means the destructor cleaned up; end of file without it means this process
// died, and the watchdog stops the server and removes the folder. Its own
// session, so a signal to our process group (CTest's timeout) spares it.
void PostgresServer::startWatchdog() {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        fail(std::string("socketpair() failed: ") + std::strerror(errno));
    }
    const auto stopCommand = asUser(_asRunUser, _options.runUser, _binDirectory + "/pg_ctl",
                                    {"-D", dataDirectory(), "-m", "immediate", "-w", "-t", "30", "stop"});
    std::vector<std::string> argv{"/bin/sh", "-c",
                                  "dir=$1; shift\n"
                                  "IFS= read -r line\n"
                                  "[ \"$line\" = done ] && exit 0\n"
                                  "\"$@\" || { [ -f \"$dir/data/postmaster.pid\" ] && "
                                  "kill -9 \"$(head -n 1 \"$dir/data/postmaster.pid\")\"; }\n"
                                  "rm -rf -- \"$dir\"\n",
                                  "jobhost-postgres-watchdog", _directory, stopCommand.program};
    argv.insert(argv.end(), stopCommand.args.begin(), stopCommand.args.end());
    std::vector<char*> cArgv;
    for (auto& arg : argv) cArgv.push_back(arg.data());
    cArgv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    ::posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    ::posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    ::posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    ::posix_spawnattr_setsigmask(&attributes, &none);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK);
    pid_t pid = -1;
    const int error = ::posix_spawn(&pid, "/bin/sh", &actions, &attributes, cArgv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attributes);
    ::close(fds[0]);
    if (error != 0) {
        ::close(fds[1]);
        fail(std::string("could not start the watchdog (/bin/sh): ") + std::strerror(error));
    }
    _watchdogPid = pid;
    _watchdogFd = fds[1];
}

void PostgresServer::releaseWatchdog() noexcept {
    if (_watchdogFd >= 0) {
        static const char kDone[] = "done\n";
        [[maybe_unused]] const auto sent = ::send(_watchdogFd, kDone, sizeof kDone - 1, MSG_NOSIGNAL);
        ::close(_watchdogFd);
        _watchdogFd = -1;
    }
    if (_watchdogPid > 0) {
        int status = 0;
        while (::waitpid(_watchdogPid, &status, 0) < 0 && errno == EINTR) {
        }
        _watchdogPid = -1;
    }
}

} // namespace jobhost::testing
