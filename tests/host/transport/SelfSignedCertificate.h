// tests/host/transport — SelfSignedCertificate.h
// Generates a throw-away RSA key and self-signed certificate for 127.0.0.1.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::tests {

/// Writes key.pem and cert.pem (CN=127.0.0.1, SAN IP:127.0.0.1 and
/// DNS:localhost, valid one day) into a fresh temporary directory, removed
/// by the destructor. Throws std::runtime_error when OpenSSL fails.
class SelfSignedCertificate {
public:
    SelfSignedCertificate();
    ~SelfSignedCertificate();
    SelfSignedCertificate(const SelfSignedCertificate&) = delete;
    SelfSignedCertificate& operator=(const SelfSignedCertificate&) = delete;

    const std::string& keyFile() const { return _keyFile; }
    const std::string& certificateFile() const { return _certificateFile; }

private:
    std::string _directory;
    std::string _keyFile;
    std::string _certificateFile;
};

} // namespace jobhost::tests
