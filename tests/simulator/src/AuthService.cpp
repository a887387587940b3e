// AuthService.cpp — jobhost postup-sim: Basic auth, privileges and lockout (§2).
// SPDX-License-Identifier: Apache-2.0
#include "AuthService.h"

#include "ApiError.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>
#include <Poco/String.h>

#include <sstream>

namespace jobhost::sim {

AuthService::AuthService(std::vector<SimUser> users, int threshold, int lockoutMinutes, std::string downloadToken)
    : _users(std::move(users)), _threshold(threshold), _lockoutMinutes(lockoutMinutes),
      _downloadToken(std::move(downloadToken)) {}

namespace {
ApiError unauthorized(const std::string& message = "Unauthorized") {
  return ApiError(401, message);
}
} // namespace

SimUser AuthService::authenticate(const std::optional<std::string>& authorization, std::int64_t now) {
  if (!authorization) throw unauthorized();
  const std::string header = Poco::trim(*authorization);
  if (header.size() < 6 || Poco::icompare(header.substr(0, 6), "Basic ") != 0) throw unauthorized();
  std::string decoded;
  try {
    std::istringstream in(Poco::trim(header.substr(6)));
    Poco::Base64Decoder decoder(in);
    std::ostringstream out;
    out << decoder.rdbuf();
    decoded = out.str();
  } catch (const Poco::Exception&) {
    throw unauthorized();
  }
  const auto colon = decoded.find(':');
  if (colon == std::string::npos) throw unauthorized();
  return check(decoded.substr(0, colon), decoded.substr(colon + 1), false, now);
}

SimUser AuthService::authenticateToken(const std::string& login, const std::string& token, std::int64_t now) {
  return check(login, token, true, now);
}

SimUser AuthService::check(const std::string& login, const std::string& secret, bool allowToken, std::int64_t now) {
  std::lock_guard<std::mutex> lock(_mutex);
  const SimUser* user = nullptr;
  for (const auto& u : _users)
    if (u.login == login) user = &u;
  if (!user) throw unauthorized();
  auto& f = _failures[login];
  if (f.lockedUntil > now) throw unauthorized("Account locked");
  const bool ok = secret == user->password || (allowToken && !_downloadToken.empty() && secret == _downloadToken);
  if (!ok) {
    if (_threshold > 0 && ++f.count >= _threshold) {
      f.lockedUntil = now + static_cast<std::int64_t>(_lockoutMinutes) * 60;
      f.count = 0;
    }
    throw unauthorized();
  }
  f.count = 0;
  return *user;
}

void AuthService::require(const SimUser& user, const std::string& privilege, const std::string& operation) {
  if (user.has(privilege)) return;
  throw ApiError(403, "User does not have permission to perform this action: " + operation)
      .withString("operation", operation)
      .withString("privilege", privilege);
}

void AuthService::resetLockouts() {
  std::lock_guard<std::mutex> lock(_mutex);
  _failures.clear();
}

} // namespace jobhost::sim
