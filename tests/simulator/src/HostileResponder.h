// HostileResponder.h — jobhost postup-sim: the hostile answers of the fault injector (huge, endless, wrong type, deep, bad UTF-8).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/FaultRule.h"

#include <atomic>

namespace jobhost::sim {

class HttpExchange;

/// Writes one hostile 200 response instead of the real one, so clients can
/// be tested against a broken or malicious server: a huge body, a chunked
/// body that never ends, an HTML page where JSON belongs, JSON nested deeper
/// than any parser should follow, JSON with invalid UTF-8. Bodies are
/// generated while they are written (nothing big is held in memory); the
/// endless body streams 64 KiB every 2 ms and stops when the client goes
/// away, after 1 GiB or 10 minutes, or when `stopping` becomes true.
/// Stateless apart from the borrowed flag; thread-safe.
class HostileResponder {
public:
  explicit HostileResponder(const std::atomic<bool>& stopping) : _stopping(stopping) {}
  /// True when `kind` is one of the hostile kinds this class answers.
  static bool handles(FaultKind kind);
  /// Sends the answer for `kind`; `size` is FaultRule::size (0 = default).
  void respond(HttpExchange& ex, FaultKind kind, long long size) const;

private:
  const std::atomic<bool>& _stopping;
};

} // namespace jobhost::sim
