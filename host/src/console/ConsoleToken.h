// jobhost host — ConsoleToken.h
// The console's bearer token: generated once, stored only as a salted hash.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <string>

namespace jobhost::host {

/// The console API token kept in `<dataDirectory>/console.token` (mode 0600)
/// as "jobhost-token v1 sha256 <salt hex> <SHA-256(salt || token) hex>"; the
/// token itself is shown once, when created or rotated, and never stored.
/// Thread-safe: verify() may run on every HTTP worker thread; it re-reads the
/// file when it was replaced or modified, so `jobhost token` in another
/// process takes effect without a restart.
class ConsoleToken {
public:
    /// Prefix of every generated token ("jht_" + 43 base64url characters).
    static constexpr const char* Prefix = "jht_";

    /// Does not touch the file; call ensure() or rotate() to create one.
    explicit ConsoleToken(std::string file);

    /// `<dataDirectory>/console.token`.
    static std::string defaultFile(const std::string& dataDirectory);

    /// Creates the file with a fresh token when absent and returns that
    /// token (to be shown once); returns "" when a token file already exists.
    /// Creates the data directory (0700) when needed. Throws ConfigException
    /// naming the file when it cannot be read or written, or is malformed.
    std::string ensure();
    /// Replaces any stored token with a fresh one and returns it. Throws like
    /// ensure().
    std::string rotate();
    /// True when `token` matches the stored hash (constant-time compare).
    /// False when no token file exists or it cannot be read; never throws.
    bool verify(const std::string& token);

    const std::string& file() const { return _file; }

    /// 32 random bytes from /dev/urandom, base64url without padding, prefixed.
    static std::string generate();
    /// Hex SHA-256 of salt bytes followed by the token.
    static std::string hash(const std::string& salt, const std::string& token);

private:
    void write(const std::string& token);
    bool loadLocked();

    std::string _file;
    std::mutex _mutex;
    std::string _loadedSignature; ///< inode + mtime of the file last read
    bool _loaded = false;
    std::string _salt;
    std::string _hash;
};

} // namespace jobhost::host
