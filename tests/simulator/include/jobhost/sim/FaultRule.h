// FaultRule.h — jobhost postup-sim: one fault-injection rule.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::sim {

/// What a firing rule does to the request.
enum class FaultKind {
  Error,    ///< 500, text/plain body "Server error"
  Throttle, ///< 429 + Retry-After (seconds or HTTP-date) + JSON error body
  Latency,  ///< sleeps latencyMs, then handles the request normally (adds up)
  Reset,    ///< closes the connection with TCP RST before any byte is sent
  Truncate, ///< sends the status line and about half of the body, then closes
  // Hostile answers (a broken or malicious "PostUp"); all are 200 responses:
  HugeBody,        ///< application/json body of `size` bytes (default 256 MiB) with that Content-Length
  EndlessBody,     ///< chunked application/json that never ends (until the client leaves, 1 GiB or 10 min)
  WrongContentType,///< text/html maintenance page instead of JSON
  DeepJson,        ///< application/json nested `size` levels deep (default 100000): [[[[…]]]]
  InvalidUtf8      ///< application/json whose strings hold invalid UTF-8 bytes
};

/// One rule. A request matches when `route` is "*" or "[METHOD ]/path-prefix"
/// (e.g. "GET /api/listsubscription", "/demo/ExternalDownload.do"). Of the
/// matching requests the first `after` are skipped; afterwards the rule fires
/// with probability `rate` (deterministic from the fault seed and the match
/// counter), at most `limit` times (-1 = unlimited). Plain value type.
struct FaultRule {
  FaultKind kind = FaultKind::Error;
  std::string route = "*";
  double rate = 1.0;
  int after = 0;
  int limit = -1;
  int latencyMs = 0;
  int retryAfterSeconds = 1;
  bool retryAfterHttpDate = false;
  /// HugeBody: bytes; DeepJson: nesting levels; 0 = the kind's default.
  long long size = 0;
  /// Read-only counters maintained by the server (ignored on input).
  int matched = 0;
  int fired = 0;

  static const char* kindName(FaultKind kind);
  /// Parses "error|throttle|latency|reset|truncate|huge|endless|content-type|deep|utf8"
  /// (also the kindName() spellings); returns false when unknown.
  static bool parseKind(const std::string& text, FaultKind& kind);
};

} // namespace jobhost::sim
