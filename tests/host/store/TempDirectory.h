// tests/host/store — TempDirectory.h
// A fresh folder under /tmp, removed with its contents on destruction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::tests {

class TempDirectory {
public:
    TempDirectory();
    ~TempDirectory();
    const std::string& path() const { return _path; }
    std::string file(const std::string& name) const { return _path + "/" + name; }

private:
    std::string _path;
};

} // namespace jobhost::tests
