// BenchMain.cpp — jobhost postup-sim: measures member rows/s and report MB/s of a running simulator.
// SPDX-License-Identifier: Apache-2.0
//
// usage: postup-sim-bench --port N [--host H] [--user U --password P] [--list ID] [--limit N]
//                         [--max-rows N] [--reports N]
// Pages GET /api/listsubscription over one keep-alive connection, then downloads
// OPEN/CLICK reports of sent mailings (found through /_sim/mailings) and prints:
//   members: <rows> rows in <s> s = <rows/s> rows/s (<MB/s> MB/s)
//   reports: <rows> rows, <MB> MB in <s> s = <MB/s> MB/s (<rows/s> rows/s)
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

namespace {

struct Args {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string user = "api@example.com";
  std::string password = "secret";
  long list = 1;
  long limit = 10000;
  long long maxRows = 2000000;
  int reports = 20;
};

std::string fetch(Poco::Net::HTTPClientSession& s, const Args& a, const std::string& path, int& status) {
  Poco::Net::HTTPRequest req("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
  Poco::Net::HTTPBasicCredentials(a.user, a.password).authenticate(req);
  s.sendRequest(req);
  Poco::Net::HTTPResponse res;
  std::istream& in = s.receiveResponse(res);
  status = res.getStatus();
  std::string body;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) body.append(buf, static_cast<std::size_t>(in.gcount()));
  return body;
}

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string f = argv[i];
    if (i + 1 >= argc) { std::cerr << "postup-sim-bench: " << f << " needs a value\n"; return 64; }
    const std::string v = argv[++i];
    if (f == "--host") a.host = v;
    else if (f == "--port") a.port = std::atoi(v.c_str());
    else if (f == "--user") a.user = v;
    else if (f == "--password") a.password = v;
    else if (f == "--list") a.list = std::atol(v.c_str());
    else if (f == "--limit") a.limit = std::atol(v.c_str());
    else if (f == "--max-rows") a.maxRows = std::atoll(v.c_str());
    else if (f == "--reports") a.reports = std::atoi(v.c_str());
    else { std::cerr << "postup-sim-bench: unknown option " << f << "\n"; return 64; }
  }
  if (a.port <= 0) { std::cerr << "postup-sim-bench: --port is required\n"; return 64; }
  try {
    Poco::Net::HTTPClientSession session(a.host, static_cast<Poco::UInt16>(a.port));
    session.setKeepAlive(true);
    session.setTimeout(Poco::Timespan(120, 0));
    int status = 0;
    // 1. Members via keyset paging.
    long long rows = 0, bytes = 0, last = 0;
    auto t0 = std::chrono::steady_clock::now();
    while (rows < a.maxRows) {
      const std::string body = fetch(session, a,
                                     "/api/listsubscription?listid=" + std::to_string(a.list) + "&limit=" +
                                         std::to_string(a.limit) + "&lastrecipid=" + std::to_string(last),
                                     status);
      if (status != 200) { std::cerr << "paging failed: HTTP " << status << " " << body.substr(0, 200) << "\n"; return 1; }
      bytes += static_cast<long long>(body.size());
      long n = 0;
      for (std::size_t p = body.find("{\"recipientId\":"); p != std::string::npos; p = body.find("{\"recipientId\":", p + 1)) {
        ++n;
        last = std::atoll(body.c_str() + p + 15);
      }
      rows += n;
      if (n < a.limit) break;
    }
    const double pageSecs = since(t0);
    std::printf("members: %lld rows in %.2f s = %.0f rows/s (%.1f MB/s)\n", rows, pageSecs, rows / pageSecs,
                bytes / pageSecs / 1e6);
    // 2. Reports.
    const std::string mailingsJson = fetch(session, a, "/_sim/mailings", status);
    const std::string siteJson = fetch(session, a, "/api/site", status);
    Poco::JSON::Parser parser;
    auto site = parser.parse(siteJson).extract<Poco::JSON::Object::Ptr>();
    parser.reset();
    auto mailings = parser.parse(mailingsJson).extract<Poco::JSON::Array::Ptr>();
    long long reportRows = 0, reportBytes = 0;
    int done = 0;
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < mailings->size() && done < a.reports; ++i) {
      auto m = mailings->getObject(static_cast<unsigned>(i));
      if (m->getValue<std::string>("status") != "DONE") continue;
      for (const char* type : {"OPEN", "CLICK"}) {
        const std::string body = fetch(session, a,
                                       "/" + site->getValue<std::string>("siteName") + "/ExternalDownload.do?siteID=" +
                                           site->getValue<std::string>("siteId") + "&mailingID=" +
                                           std::to_string(m->getValue<long long>("mailingId")) + "&type=" + type,
                                       status);
        if (status != 200) { std::cerr << "report failed: HTTP " << status << "\n"; return 1; }
        reportBytes += static_cast<long long>(body.size());
        for (char c : body) reportRows += c == '\n';
        reportRows -= 1; // header
      }
      ++done;
    }
    const double repSecs = since(t0);
    std::printf("reports: %lld rows, %.1f MB in %.2f s = %.1f MB/s (%.0f rows/s) from %d mailings\n", reportRows,
                reportBytes / 1e6, repSecs, reportBytes / repSecs / 1e6, reportRows / repSecs, done);
  } catch (const Poco::Exception& e) {
    std::cerr << "postup-sim-bench: " << e.displayText() << "\n";
    return 1;
  }
  return 0;
}
