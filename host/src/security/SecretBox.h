// jobhost host — SecretBox.h
// AES-256-GCM sealing (OpenSSL EVP) of secret values at rest.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "security/SecretKey.h"

namespace jobhost::host {

/// Ciphertext and the nonce it was sealed with (raw bytes).
struct SealedSecret {
    std::string nonce;      ///< 12 random bytes, fresh per seal()
    std::string ciphertext; ///< encrypted bytes followed by the 16-byte GCM tag
};

/// Authenticated encryption with associated data: AES-256-GCM, a random
/// 96-bit nonce per message and a 128-bit tag. The associated data binds a
/// ciphertext to its row (e.g. "authorization:<name>"), so a ciphertext
/// copied to another row does not open. Holds a copy of the key; immutable
/// and thread-safe (each call uses its own OpenSSL context).
class SecretBox {
public:
    explicit SecretBox(SecretKey key);

    /// Throws HostException when OpenSSL fails (never with secret text).
    SealedSecret seal(const std::string& plaintext, const std::string& associatedData) const;
    /// Throws ConfigException naming `what` and the key source when the tag
    /// does not verify (wrong key, tampered data, other associated data).
    std::string open(const SealedSecret& sealed, const std::string& associatedData, const std::string& what) const;

    const SecretKey& key() const { return _key; }

private:
    SecretKey _key;
};

} // namespace jobhost::host
