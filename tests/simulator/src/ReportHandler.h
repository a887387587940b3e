// ReportHandler.h — jobhost postup-sim: GET /{site}/ExternalDownload.do (§9.4).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AuthService.h"
#include "HttpExchange.h"
#include "SimState.h"

namespace jobhost::sim {

/// Streams a per-mailing TSV report (header row, CRLF, chunked) after
/// checking site name, siteID, credentials (user+token or Basic) and
/// READ_REPORTS. Failures throw ApiError. Thread-safe.
class ReportHandler {
public:
  ReportHandler(SimState& state, AuthService& auth);
  void handle(HttpExchange& ex);

private:
  SimState& _state;
  AuthService& _auth;
};

} // namespace jobhost::sim
