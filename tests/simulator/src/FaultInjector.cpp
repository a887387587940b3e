// FaultInjector.cpp — jobhost postup-sim: decides which fault, if any, hits a request.
// SPDX-License-Identifier: Apache-2.0
#include "FaultInjector.h"

#include "Hash.h"

#include <Poco/String.h>

namespace jobhost::sim {

const char* FaultRule::kindName(FaultKind kind) {
  switch (kind) {
  case FaultKind::Error: return "error";
  case FaultKind::Throttle: return "throttle";
  case FaultKind::Latency: return "latency";
  case FaultKind::Reset: return "reset";
  case FaultKind::Truncate: return "truncate";
  case FaultKind::HugeBody: return "huge";
  case FaultKind::EndlessBody: return "endless";
  case FaultKind::WrongContentType: return "content-type";
  case FaultKind::DeepJson: return "deep";
  case FaultKind::InvalidUtf8: return "utf8";
  }
  return "?";
}

bool FaultRule::parseKind(const std::string& text, FaultKind& kind) {
  const std::string t = Poco::toLower(Poco::trim(text));
  if (t == "error" || t == "500") kind = FaultKind::Error;
  else if (t == "throttle" || t == "429") kind = FaultKind::Throttle;
  else if (t == "latency") kind = FaultKind::Latency;
  else if (t == "reset") kind = FaultKind::Reset;
  else if (t == "truncate") kind = FaultKind::Truncate;
  else if (t == "huge") kind = FaultKind::HugeBody;
  else if (t == "endless") kind = FaultKind::EndlessBody;
  else if (t == "content-type") kind = FaultKind::WrongContentType;
  else if (t == "deep") kind = FaultKind::DeepJson;
  else if (t == "utf8") kind = FaultKind::InvalidUtf8;
  else return false;
  return true;
}

FaultInjector::FaultInjector(FaultSettings settings, std::uint64_t dataSeed)
    : _settings(std::move(settings)), _dataSeed(dataSeed) {}

bool FaultInjector::matches(const std::string& route, const std::string& method, const std::string& path) {
  std::string r = Poco::trim(route);
  if (r.empty() || r == "*") return true;
  const auto space = r.find(' ');
  if (space != std::string::npos) {
    const std::string m = r.substr(0, space);
    if (m != "*" && Poco::icompare(m, method) != 0) return false;
    r = Poco::trim(r.substr(space + 1));
  } else if (!r.empty() && r[0] != '/') {
    return Poco::icompare(r, method) == 0; // method only
  }
  if (r == "*") return true;
  if (path.size() < r.size() || Poco::icompare(path.substr(0, r.size()), r) != 0) return false;
  return path.size() == r.size() || r.back() == '/' || path[r.size()] == '/' || path[r.size()] == '?';
}

FaultDecision FaultInjector::decide(const std::string& method, const std::string& path) {
  std::lock_guard<std::mutex> lock(_mutex);
  FaultDecision d;
  const std::uint64_t seed = _settings.seed != 0 ? _settings.seed : _dataSeed;
  for (std::size_t i = 0; i < _settings.rules.size(); ++i) {
    auto& rule = _settings.rules[i];
    if (!matches(rule.route, method, path)) continue;
    const int n = rule.matched++;
    if (n < rule.after) continue;
    if (rule.limit >= 0 && rule.fired >= rule.limit) continue;
    if (rule.kind != FaultKind::Latency && d.kind) continue;
    if (rule.rate < 1.0 && Hash::unit(Hash::of(seed, 0xFA17, i, static_cast<std::uint64_t>(n))) >= rule.rate) continue;
    rule.fired++;
    if (rule.kind == FaultKind::Latency) {
      d.latencyMs += rule.latencyMs;
    } else {
      d.kind = rule.kind;
      d.retryAfterSeconds = rule.retryAfterSeconds;
      d.retryAfterHttpDate = rule.retryAfterHttpDate;
      d.size = rule.size;
    }
  }
  return d;
}

FaultSettings FaultInjector::settings() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _settings;
}

void FaultInjector::replace(FaultSettings settings) {
  for (auto& r : settings.rules) r.matched = r.fired = 0;
  std::lock_guard<std::mutex> lock(_mutex);
  _settings = std::move(settings);
}

int FaultInjector::slowImportMs() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _settings.slowImportMs;
}

} // namespace jobhost::sim
