// jobhost host — SecretBox.cpp
// SPDX-License-Identifier: Apache-2.0
#include "security/SecretBox.h"

#include <memory>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "app/HostException.h"

namespace jobhost::host {
namespace {

constexpr int NonceSize = 12;
constexpr int TagSize = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

} // namespace

SecretBox::SecretBox(SecretKey key) : _key(std::move(key)) {}

SealedSecret SecretBox::seal(const std::string& plaintext, const std::string& associatedData) const {
    SealedSecret sealed;
    sealed.nonce.assign(NonceSize, '\0');
    if (RAND_bytes(bytes(sealed.nonce), NonceSize) != 1) throw HostException("cannot seal a secret: the OpenSSL random generator failed");
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    std::string out(plaintext.size() + TagSize, '\0');
    int length = 0, total = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(_key.bytes()), bytes(sealed.nonce)) == 1 &&
              EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), static_cast<int>(associatedData.size())) == 1 &&
              EVP_EncryptUpdate(ctx.get(), bytes(out), &length, bytes(plaintext), static_cast<int>(plaintext.size())) == 1;
    total = length;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), bytes(out) + total, &length) == 1;
    total += length;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, bytes(out) + total) == 1;
    if (!ok) throw HostException("cannot seal a secret: OpenSSL AES-256-GCM encryption failed");
    out.resize(static_cast<std::size_t>(total) + TagSize);
    sealed.ciphertext = std::move(out);
    return sealed;
}

std::string SecretBox::open(const SealedSecret& sealed, const std::string& associatedData, const std::string& what) const {
    auto refuse = [&]() -> ConfigException {
        return ConfigException(what + ": its stored secrets cannot be decrypted with the key from " + _key.source() +
                               " (the key changed, or the store was altered); restore the original key, or re-apply the config to store the secrets again");
    };
    if (sealed.nonce.size() != NonceSize || sealed.ciphertext.size() < TagSize) throw refuse();
    std::string data = sealed.ciphertext.substr(0, sealed.ciphertext.size() - TagSize);
    std::string tag = sealed.ciphertext.substr(sealed.ciphertext.size() - TagSize);
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    std::string out(data.size() + 1, '\0');
    int length = 0, total = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(_key.bytes()), bytes(sealed.nonce)) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), static_cast<int>(associatedData.size())) == 1 &&
              EVP_DecryptUpdate(ctx.get(), bytes(out), &length, bytes(data), static_cast<int>(data.size())) == 1;
    total = length;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, bytes(tag)) == 1;
    ok = ok && EVP_DecryptFinal_ex(ctx.get(), bytes(out) + total, &length) == 1;
    if (!ok) throw refuse();
    total += length;
    out.resize(static_cast<std::size_t>(total));
    return out;
}

} // namespace jobhost::host
