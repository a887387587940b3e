// tests/host/transport — SelfSignedCertificate.cpp
// SPDX-License-Identifier: Apache-2.0
#include "SelfSignedCertificate.h"

#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

namespace jobhost::tests {

namespace {

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("SelfSignedCertificate: ") + what + " failed");
}

void writePem(const std::string& path, const std::function<int(FILE*)>& write) {
    FILE* file = std::fopen(path.c_str(), "w");
    check(file != nullptr, "fopen");
    const int ok = write(file);
    std::fclose(file);
    check(ok == 1, "PEM write");
}

} // namespace

SelfSignedCertificate::SelfSignedCertificate() {
    _directory = Poco::TemporaryFile::tempName();
    Poco::File(_directory).createDirectories();
    _keyFile = Poco::Path(_directory, "key.pem").toString();
    _certificateFile = Poco::Path(_directory, "cert.pem").toString();

    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> pCtx(EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nullptr),
                                                                     &EVP_PKEY_CTX_free);
    check(pCtx != nullptr, "EVP_PKEY_CTX_new_id");
    check(EVP_PKEY_keygen_init(pCtx.get()) == 1, "keygen_init");
    check(EVP_PKEY_CTX_set_rsa_keygen_bits(pCtx.get(), 2048) == 1, "set_rsa_keygen_bits");
    EVP_PKEY* rawKey = nullptr;
    check(EVP_PKEY_keygen(pCtx.get(), &rawKey) == 1, "keygen");
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pKey(rawKey, &EVP_PKEY_free);

    std::unique_ptr<X509, decltype(&X509_free)> pCert(X509_new(), &X509_free);
    check(pCert != nullptr, "X509_new");
    X509_set_version(pCert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(pCert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(pCert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(pCert.get()), 86400);
    X509_set_pubkey(pCert.get(), pKey.get());
    X509_NAME* name = X509_get_subject_name(pCert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1,
                               0);
    X509_set_issuer_name(pCert.get(), name);
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, pCert.get(), pCert.get(), nullptr, nullptr, 0);
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &v3, NID_subject_alt_name,
                                              const_cast<char*>("IP:127.0.0.1,DNS:localhost"));
    check(san != nullptr, "subjectAltName");
    X509_add_ext(pCert.get(), san, -1);
    X509_EXTENSION_free(san);
    check(X509_sign(pCert.get(), pKey.get(), EVP_sha256()) > 0, "X509_sign");

    writePem(_keyFile, [&](FILE* f) {
        return PEM_write_PrivateKey(f, pKey.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    writePem(_certificateFile, [&](FILE* f) { return PEM_write_X509(f, pCert.get()); });
}

SelfSignedCertificate::~SelfSignedCertificate() {
    try {
        Poco::File(_directory).remove(true);
    } catch (const Poco::Exception&) {
        // best effort: a temp directory left behind is harmless
    }
}

} // namespace jobhost::tests
