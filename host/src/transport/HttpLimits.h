// HttpLimits.h — jobhost transport: the bounds one HTTP response must stay within (manifest "http_limits").
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

namespace jobhost::host {

/// Limits that protect the host from a broken or hostile server. A response
/// that breaks one fails its request at once (not retried) with a message
/// naming the limit. Plain value type; read from a provider manifest's
/// "http_limits" block (ManifestReader), defaults below.
struct HttpLimits {
    /// Bytes of a 2xx body held in memory (no BodySink); bodies streamed to a
    /// sink are bounded by the sink and maxAttemptMs. max_body_bytes.
    std::size_t maxBodyBytes = 64u * 1024u * 1024u;
    /// Wall time of one attempt from connecting to the last body byte, so a
    /// body that trickles forever cannot hold a run (the per-read timeout
    /// never fires for it). 0 = unbounded. max_attempt_ms.
    std::int64_t maxAttemptMs = 10 * 60 * 1000;
    /// Nesting depth of an in-memory JSON body; 0 = not checked. max_json_depth.
    int maxJsonDepth = 64;
};

} // namespace jobhost::host
