// jobhost host — Redactor.h
// Removes credentials from text and URLs before they reach logs or errors.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host {

/// Redaction helpers. An instance holds a fixed list of secret values and is
/// immutable after construction, so it is thread-safe to share; the static
/// functions are pure. Nothing here throws except std::bad_alloc.
class Redactor {
public:
    /// The replacement text for a secret value.
    static constexpr const char* kMask = "***";

    Redactor() = default;
    /// Keeps the non-empty values of `secrets` (longest first, so a secret
    /// that contains another is masked whole).
    explicit Redactor(std::vector<std::string> secrets);

    /// redact(text, secrets()).
    std::string apply(const std::string& text) const;
    /// redactUrl(url) followed by apply().
    std::string applyToUrl(const std::string& url) const;
    const std::vector<std::string>& secrets() const { return _secrets; }

    /// Replaces every occurrence of each non-empty secret in `text` with
    /// "***" — the raw value and its URL-encoded form (so a secret sent in a
    /// query string is caught too).
    static std::string redact(const std::string& text, const std::vector<std::string>& secrets);

    /// A URL fit for logs: userinfo ("user:pass@") removed, and the value of
    /// every query parameter whose name looks sensitive (isSensitiveKey)
    /// replaced with "***". Text that does not parse as a URL is returned
    /// with only the userinfo heuristic applied.
    static std::string redactUrl(const std::string& url);

    /// True for names containing (case-insensitive) password, passwd, pwd,
    /// secret, token, key, auth, signature, sig, credential or session.
    static bool isSensitiveKey(const std::string& name);

private:
    std::vector<std::string> _secrets;
};

} // namespace jobhost::host
