// ReportHandler.cpp — jobhost postup-sim: GET /{site}/ExternalDownload.do (§9.4).
// SPDX-License-Identifier: Apache-2.0
#include "ReportHandler.h"

#include "ApiError.h"
#include "JsonInput.h"

#include <Poco/String.h>

namespace jobhost::sim {

ReportHandler::ReportHandler(SimState& state, AuthService& auth) : _state(state), _auth(auth) {}

void ReportHandler::handle(HttpExchange& ex) {
  const auto& seg = ex.segments();
  if (seg.size() != 2 || seg[0] != _state.options().siteName) throw ApiError(404, "Unknown site: " + (seg.empty() ? "" : seg[0]));
  if (ex.method() != "GET") throw ApiError(405, "Method " + ex.method() + " not allowed on " + ex.path());
  const auto user = ex.query("user");
  const auto token = ex.query("token");
  const SimUser who = (user && token) ? _auth.authenticateToken(*user, *token, _state.now())
                                      : _auth.authenticate(ex.header("Authorization"), _state.now());
  AuthService::require(who, "READ_REPORTS", "download mailing reports");
  const auto siteId = ex.query("siteid");
  if (!siteId || siteId->empty()) throw ApiError::badRequest("siteID is required", "siteID");
  if (Poco::icompare(*siteId, _state.seeded().siteId()) != 0) throw ApiError(403, "siteID does not match this site", "siteID");
  const auto mailingText = ex.query("mailingid");
  if (!mailingText) throw ApiError::badRequest("mailingID is required", "mailingID");
  const auto mailingId = JsonInput::parseInt(Poco::trim(*mailingText));
  if (!mailingId) throw ApiError::badRequest("mailingID must be an integer", "mailingID");
  const auto type = ActivityKinds::parse(ex.query("type").value_or(""));
  if (!type) throw ApiError::badRequest("type must be OPEN, CLICK, HARD, SOFT or BOUNCE", "type");
  const auto mailing = _state.mailing(*mailingId);
  if (!mailing) throw ApiError::notFound("Mailing", *mailingId);

  const std::int64_t total = SimState::activityCount(*mailing, *type);
  const bool truncate = ex.truncating();
  const std::int64_t stopAt = truncate ? total / 2 : total;
  ex.addHeader("Content-Disposition", "attachment; filename=\"" + std::string(ActivityKinds::name(*type)) + "_" +
                                          std::to_string(*mailingId) + ".txt\"");
  std::ostream& out = ex.beginStream(200, "text/tab-separated-values; charset=utf-8");
  std::string buf = ActivityKinds::header(*type);
  constexpr std::int64_t kBatch = 4096;
  for (std::int64_t from = 0; from < stopAt; from += kBatch) {
    _state.activityTsv(*mailing, *type, from, std::min(kBatch, stopAt - from), buf);
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
    if (!out) return; // client went away
  }
  if (truncate) {
    std::string row;
    _state.activityTsv(*mailing, *type, stopAt, 1, row);
    buf.append(row.substr(0, row.size() / 2));
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    ex.abortStream();
    return;
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

} // namespace jobhost::sim
