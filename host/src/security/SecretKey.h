// jobhost host — SecretKey.h
// The 256-bit key that seals authorization secrets at rest.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::host {

/// A 32-byte AES-256 key and where it came from. Immutable value; never
/// printed: source() names the origin, not the key.
class SecretKey {
public:
    static constexpr std::size_t Size = 32;
    static constexpr const char* EnvironmentVariable = "JOBHOST_SECRET_KEY";
    /// Names an existing key file (e.g. a systemd credential); never created.
    static constexpr const char* FileEnvironmentVariable = "JOBHOST_SECRET_KEY_FILE";

    /// The key from $JOBHOST_SECRET_KEY (64 hex digits or base64 of 32
    /// bytes) when set; else from the file $JOBHOST_SECRET_KEY_FILE names
    /// when set (it must exist); else from <dataDirectory>/secret.key, which
    /// is created (mode 0600, base64 of 32 random bytes) when absent. Throws
    /// ConfigException when the variable or file holds no valid key, when a
    /// key file is missing or unreadable, or when it is readable by group or
    /// others (message says "chmod 600").
    static SecretKey load(const std::string& dataDirectory);
    /// Parses 64 hex digits or base64 of exactly 32 bytes (surrounding
    /// whitespace ignored). Throws ConfigException naming `origin` (never the
    /// text) when it is neither.
    static SecretKey parse(const std::string& text, const std::string& origin);
    /// 32 fresh random bytes from OpenSSL's CSPRNG.
    static SecretKey generate();

    /// Path of the key file inside a data directory.
    static std::string keyFile(const std::string& dataDirectory);

    const std::string& bytes() const { return _bytes; }
    /// "JOBHOST_SECRET_KEY" or the key file path.
    const std::string& source() const { return _source; }

private:
    SecretKey(std::string bytes, std::string source);
    /// An existing key file: mode check, then parse(). Throws ConfigException.
    static SecretKey readKeyFile(const std::string& file);

    std::string _bytes;
    std::string _source;
};

} // namespace jobhost::host
