// HostileResponder.cpp — jobhost postup-sim: the hostile answers of the fault injector (huge, endless, wrong type, deep, bad UTF-8).
// SPDX-License-Identifier: Apache-2.0
#include "HostileResponder.h"

#include "HttpExchange.h"

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>
#include <thread>

namespace jobhost::sim {

namespace {
constexpr long long kDefaultHugeBytes = 256LL * 1024 * 1024;
constexpr long long kDefaultDepth = 100000;
constexpr long long kEndlessMaxBytes = 1024LL * 1024 * 1024;
constexpr auto kEndlessMaxTime = std::chrono::minutes(10);
const char* const kJson = "application/json; charset=utf-8";
} // namespace

bool HostileResponder::handles(FaultKind kind) {
  return kind == FaultKind::HugeBody || kind == FaultKind::EndlessBody || kind == FaultKind::WrongContentType ||
         kind == FaultKind::DeepJson || kind == FaultKind::InvalidUtf8;
}

void HostileResponder::respond(HttpExchange& ex, FaultKind kind, long long size) const {
  switch (kind) {
  case FaultKind::HugeBody: {
    // "[" + spaces + "]": valid JSON of the announced size.
    const long long total = std::max(2LL, size > 0 ? size : kDefaultHugeBytes);
    std::ostream& out = ex.beginFixed(200, kJson, total);
    out << '[';
    const std::string spaces(64 * 1024, ' ');
    long long left = total - 2;
    while (left > 0 && out && !_stopping.load()) {
      const long long n = std::min<long long>(left, static_cast<long long>(spaces.size()));
      out.write(spaces.data(), static_cast<std::streamsize>(n));
      left -= n;
    }
    if (out && left == 0) out << ']';
    out.flush();
    return;
  }
  case FaultKind::EndlessBody: {
    std::ostream& out = ex.beginStream(200, kJson);
    out << '[';
    std::string chunk;
    while (chunk.size() < 64 * 1024) chunk += R"({"recipientId":1,"listId":1,"status":"NORMAL"},)";
    const auto start = std::chrono::steady_clock::now();
    long long sent = 0;
    while (out && !_stopping.load() && sent < kEndlessMaxBytes && std::chrono::steady_clock::now() - start < kEndlessMaxTime) {
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      out.flush();
      sent += static_cast<long long>(chunk.size());
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ex.abortStream();
    return;
  }
  case FaultKind::WrongContentType:
    ex.sendText(200, "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>PostUp is down for "
                     "maintenance</h1></body></html>",
                "text/html; charset=utf-8");
    return;
  case FaultKind::DeepJson: {
    const long long depth = size > 0 ? size : kDefaultDepth;
    std::string body(static_cast<std::size_t>(depth), '[');
    body.append(static_cast<std::size_t>(depth), ']');
    ex.sendJson(200, body);
    return;
  }
  case FaultKind::InvalidUtf8:
    // 0xC3 0x28 (a lead byte without continuation) and a lone 0xFF.
    ex.sendJson(200, "[{\"recipientId\":1,\"listId\":1,\"status\":\"NORMAL\",\"address\":\"bad\xC3\x28name@example.com\","
                     "\"title\":\"\xFF\"}]");
    return;
  default:
    return;
  }
}

} // namespace jobhost::sim
