// ScratchFileSystem.h — jobhost runtime tests: a small tmpfs for disk-fault tests (full, read-only), unmounted on destruction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::tests {

/// Mounts a tmpfs of `sizeKiB` at `path` (created when missing). Mounting
/// needs CAP_SYS_ADMIN (root in the dev container); when it is refused,
/// mounted() is false and reason() says why, and the caller falls back to
/// RLIMIT_FSIZE (disk full) or file modes (read-only) — see DiskFaultTest.
/// resize() and setReadOnly() remount in place (files stay). Owns the mount.
class ScratchFileSystem {
public:
    ScratchFileSystem(std::string path, long sizeKiB);
    ~ScratchFileSystem();
    ScratchFileSystem(const ScratchFileSystem&) = delete;
    ScratchFileSystem& operator=(const ScratchFileSystem&) = delete;

    bool mounted() const { return _mounted; }
    const std::string& reason() const { return _reason; }
    const std::string& path() const { return _path; }
    /// Remounts with a new size; throws std::runtime_error on failure.
    void resize(long sizeKiB);
    /// Remounts read-only or read-write; throws std::runtime_error on failure.
    void setReadOnly(bool readOnly);

private:
    void remount(const std::string& options, unsigned long flags);
    std::string _path;
    long _sizeKiB = 0;
    bool _readOnly = false;
    bool _mounted = false;
    std::string _reason;
};

} // namespace jobhost::tests
