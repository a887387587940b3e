// jobhost host — Redactor.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/Redactor.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace jobhost::host {

namespace {

void replaceAll(std::string& text, const std::string& needle, const std::string& replacement) {
    if (needle.empty()) return;
    std::string::size_type pos = 0;
    while ((pos = text.find(needle, pos)) != std::string::npos) {
        text.replace(pos, needle.size(), replacement);
        pos += replacement.size();
    }
}

std::string encoded(const std::string& value, const std::string& reserved) {
    std::string out;
    Poco::URI::encode(value, reserved, out);
    return out;
}

// Removes "user:pass@" between "://" and the next '/', '?' or '#'.
std::string stripUserInfo(const std::string& url) {
    std::string out = url;
    std::string::size_type scheme = 0;
    while ((scheme = out.find("://", scheme)) != std::string::npos) {
        const auto authorityStart = scheme + 3;
        auto authorityEnd = out.find_first_of("/?# \t\r\n\"'", authorityStart);
        if (authorityEnd == std::string::npos) authorityEnd = out.size();
        const auto at = out.rfind('@', authorityEnd == 0 ? 0 : authorityEnd - 1);
        if (at != std::string::npos && at >= authorityStart && at < authorityEnd)
            out.erase(authorityStart, at + 1 - authorityStart);
        scheme = authorityStart;
    }
    return out;
}

} // namespace

Redactor::Redactor(std::vector<std::string> secrets) : _secrets(std::move(secrets)) {
    _secrets.erase(std::remove_if(_secrets.begin(), _secrets.end(), [](const std::string& s) { return s.empty(); }),
                   _secrets.end());
    std::sort(_secrets.begin(), _secrets.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    _secrets.erase(std::unique(_secrets.begin(), _secrets.end()), _secrets.end());
}

std::string Redactor::apply(const std::string& text) const { return redact(text, _secrets); }

std::string Redactor::applyToUrl(const std::string& url) const { return apply(redactUrl(url)); }

std::string Redactor::redact(const std::string& text, const std::vector<std::string>& secrets) {
    std::vector<std::string> ordered;
    for (const auto& secret : secrets) {
        if (secret.empty()) continue;
        ordered.push_back(secret);
        ordered.push_back(encoded(secret, "!#$&'()*+,/:;=?@[]% "));
        std::string plus = encoded(secret, "!#$&'()*+,/:;=?@[]%");
        replaceAll(plus, "%20", "+");
        ordered.push_back(plus);
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::string out = text;
    for (const auto& value : ordered) replaceAll(out, value, kMask);
    return out;
}

std::string Redactor::redactUrl(const std::string& url) {
    std::string out = stripUserInfo(url);
    const auto query = out.find('?');
    if (query == std::string::npos) return out;
    auto end = out.find('#', query);
    if (end == std::string::npos) end = out.size();
    std::string rebuilt;
    std::string::size_type pos = query + 1;
    while (pos <= end) {
        auto amp = out.find('&', pos);
        if (amp == std::string::npos || amp > end) amp = end;
        const std::string pair = out.substr(pos, amp - pos);
        const auto eq = pair.find('=');
        std::string name = pair.substr(0, eq);
        std::string decodedName;
        try {
            Poco::URI::decode(name, decodedName);
        } catch (const Poco::Exception&) {
            decodedName = name;
        }
        if (!rebuilt.empty()) rebuilt += '&';
        if (eq != std::string::npos && isSensitiveKey(decodedName))
            rebuilt += name + "=" + kMask;
        else
            rebuilt += pair;
        pos = amp + 1;
    }
    return out.substr(0, query + 1) + rebuilt + out.substr(end);
}

bool Redactor::isSensitiveKey(const std::string& name) {
    static const char* const words[] = {"password", "passwd", "pwd",        "secret",  "token", "key",
                                        "auth",     "signature", "sig", "credential", "session"};
    const std::string lower = Poco::toLower(name);
    return std::any_of(std::begin(words), std::end(words),
                       [&](const char* word) { return lower.find(word) != std::string::npos; });
}

} // namespace jobhost::host
