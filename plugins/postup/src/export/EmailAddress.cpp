// jobhost postup plugin — EmailAddress.cpp
// SPDX-License-Identifier: Apache-2.0
#include "export/EmailAddress.h"

#include <cctype>

namespace jobhost::plugins::postup {

std::string EmailAddress::trimmed(const std::string& address) {
    const auto first = address.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = address.find_last_not_of(" \t\r\n");
    return address.substr(first, last - first + 1);
}

bool EmailAddress::isValid(const std::string& a, std::string& reason) {
    if (a.empty()) { reason = "empty"; return false; }
    const auto at = a.find('@');
    if (at == std::string::npos) { reason = "no '@'"; return false; }
    if (at != a.rfind('@')) { reason = "more than one '@'"; return false; }
    if (at == 0) { reason = "empty local part"; return false; }
    if (at > 64) { reason = "local part longer than 64 characters"; return false; }
    const std::string local = a.substr(0, at), domain = a.substr(at + 1);
    static const std::string allowed = "!#$%&'*+/=?^_`{|}~-.";
    for (char c : local)
        if (!std::isalnum(static_cast<unsigned char>(c)) && allowed.find(c) == std::string::npos) {
            reason = std::string("character '") + c + "' not allowed in the local part";
            return false;
        }
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) {
        reason = "misplaced '.' in the local part";
        return false;
    }
    if (domain.empty()) { reason = "empty domain"; return false; }
    if (domain.size() > 253) { reason = "domain longer than 253 characters"; return false; }
    if (domain.find('.') == std::string::npos) { reason = "domain without a '.'"; return false; }
    std::size_t start = 0;
    while (start <= domain.size()) {
        auto dot = domain.find('.', start);
        if (dot == std::string::npos) dot = domain.size();
        const std::string label = domain.substr(start, dot - start);
        if (label.empty()) { reason = "empty domain label"; return false; }
        if (label.front() == '-' || label.back() == '-') { reason = "domain label starts or ends with '-'"; return false; }
        for (char c : label)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') {
                reason = std::string("character '") + c + "' not allowed in the domain";
                return false;
            }
        if (dot == domain.size()) {
            bool letters = label.size() >= 2;
            for (char c : label) letters = letters && std::isalpha(static_cast<unsigned char>(c));
            if (!letters) { reason = "top-level domain must be two or more letters"; return false; }
        }
        start = dot + 1;
    }
    reason.clear();
    return true;
}

} // namespace jobhost::plugins::postup
