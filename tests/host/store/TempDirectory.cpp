// tests/host/store — TempDirectory.cpp
// SPDX-License-Identifier: Apache-2.0
#include "TempDirectory.h"

#include <cstdlib>
#include <stdexcept>

#include <Poco/File.h>

namespace jobhost::tests {

TempDirectory::TempDirectory() {
    char pattern[] = "/tmp/jobhost-test-XXXXXX";
    if (!::mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    _path = pattern;
}

TempDirectory::~TempDirectory() {
    try {
        Poco::File(_path).remove(true);
    } catch (...) {
        // best effort
    }
}

} // namespace jobhost::tests
