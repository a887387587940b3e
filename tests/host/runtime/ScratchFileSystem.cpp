// ScratchFileSystem.cpp — jobhost runtime tests: a small tmpfs for disk-fault tests (full, read-only), unmounted on destruction.
// SPDX-License-Identifier: Apache-2.0
#include "ScratchFileSystem.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/mount.h>

#include <Poco/File.h>

namespace jobhost::tests {

ScratchFileSystem::ScratchFileSystem(std::string path, long sizeKiB) : _path(std::move(path)), _sizeKiB(sizeKiB) {
    Poco::File(_path).createDirectories();
    const std::string options = "size=" + std::to_string(sizeKiB) + "k,mode=0700";
    if (::mount("tmpfs", _path.c_str(), "tmpfs", 0, options.c_str()) == 0) _mounted = true;
    else _reason = std::string("mount -t tmpfs refused: ") + std::strerror(errno);
}

ScratchFileSystem::~ScratchFileSystem() {
    if (_mounted) ::umount2(_path.c_str(), MNT_DETACH);
}

void ScratchFileSystem::remount(const std::string& options, unsigned long flags) {
    if (::mount("tmpfs", _path.c_str(), "tmpfs", MS_REMOUNT | flags, options.c_str()) != 0)
        throw std::runtime_error("remount " + _path + " (" + options + ") failed: " + std::strerror(errno));
}

void ScratchFileSystem::resize(long sizeKiB) {
    _sizeKiB = sizeKiB;
    remount("size=" + std::to_string(sizeKiB) + "k", _readOnly ? MS_RDONLY : 0);
}

void ScratchFileSystem::setReadOnly(bool readOnly) {
    _readOnly = readOnly;
    remount("size=" + std::to_string(_sizeKiB) + "k", readOnly ? MS_RDONLY : 0);
}

} // namespace jobhost::tests
