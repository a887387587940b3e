// AuthService.h — jobhost postup-sim: Basic auth, privileges and lockout (§2).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimUser.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// Checks credentials against the configured users. Logins are
/// case-sensitive. After `threshold` consecutive wrong passwords a user is
/// locked for `lockoutMinutes` of simulated time; a correct password resets the
/// counter. Thread-safe (internal mutex). Failures throw ApiError 401/403.
class AuthService {
public:
  AuthService(std::vector<SimUser> users, int threshold, int lockoutMinutes, std::string downloadToken);

  /// Validates an "Authorization: Basic …" header; returns the user.
  /// Throws ApiError 401 "Unauthorized" or "Account locked".
  SimUser authenticate(const std::optional<std::string>& authorization, std::int64_t now);
  /// For ExternalDownload.do: `token` may be the password or the download token.
  SimUser authenticateToken(const std::string& login, const std::string& token, std::int64_t now);
  /// Throws ApiError 403 naming `operation` and `privilege` unless the user has it.
  static void require(const SimUser& user, const std::string& privilege, const std::string& operation);
  void resetLockouts();

private:
  SimUser check(const std::string& login, const std::string& secret, bool allowToken, std::int64_t now);
  struct Failures { int count = 0; std::int64_t lockedUntil = 0; };
  std::vector<SimUser> _users;
  int _threshold;
  int _lockoutMinutes;
  std::string _downloadToken;
  std::mutex _mutex;
  std::map<std::string, Failures> _failures;
};

} // namespace jobhost::sim
