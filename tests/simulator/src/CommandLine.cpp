// CommandLine.cpp — jobhost postup-sim: parses the postup-sim command line.
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/sim/CommandLine.h"

#include "FaultSettingsJson.h"
#include "JsonInput.h"
#include "TimeFormat.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace jobhost::sim {

std::string CommandLine::usage() {
  return R"(usage: postup-sim [options]
Serves a simulated PostUp API on HOST:PORT and prints
"postup-sim listening on http://HOST:PORT" once ready. Stops on SIGINT/SIGTERM.

  --host HOST               bind address (default 127.0.0.1)
  --port N                  port, 0 = any free port (default 0)
  --threads N               HTTP worker threads (default 16)
  --seed N                  data seed (default 42)
  --lists N                 seeded lists (default 5)
  --recipients N            seeded recipients (default 1000)
  --memberships N           lists per recipient (default 2, <= lists)
  --campaigns N             campaigns (default 4)
  --mailings N              mailings per campaign (default 5)
  --events N                activity rows per sent mailing (default 200)
  --subscription-recipients listsubscription rows carry a nested "recipient" object
  --site-id GUID            site GUID (default derived from seed)
  --site-name NAME          report path segment (default demo)
  --download-token TOKEN    extra token accepted by ExternalDownload.do (default sim-download-token)
  --sim-token TOKEN         require header X-Sim-Token on /_sim/ (default: open)
  --lockout N               failures before lockout, 0 = off (default 5)
  --lockout-minutes N       lockout duration (default 30)
  --now TIME                freeze the clock (any PostUp date format, or @EPOCH)
  --import-delay-ms N       import OPEN -> DONE delay (default 2000)
  --import-polls N          or DONE on the N-th status poll (default 0 = off)
  --keep-import-rows        keep every POST /import row for GET /_sim/import-rows
  --user LOGIN:PASSWORD:PRIV[,PRIV...]
                            add a user; the first --user replaces the default users
  --fault SPEC              add a fault rule, e.g.
                            "kind=error,route=GET /api/list,rate=0.5,limit=3,after=0"
                            kinds: error throttle latency reset truncate, and hostile
                            200 answers: huge endless content-type deep utf8;
                            keys: route rate after limit latencyMs retryAfter retryAfterFormat(seconds|date)
                            size (huge: bytes, deep: nesting levels)
  --faults-file PATH        load fault settings JSON (same shape as GET /_sim/faults)
  --slow-import-ms N        extra delay for every import (fault)
  --fault-seed N            seed for fault draws (default: data seed)
  -h, --help                show this text
)";
}

CommandLine::Result CommandLine::parse(const std::vector<std::string>& args) {
  Result r;
  auto& o = r.options;
  bool usersReplaced = false;
  auto number = [&](const std::string& flag, const std::string& v, std::int64_t lo, std::int64_t hi) {
    auto n = JsonInput::parseInt(v);
    if (!n || *n < lo || *n > hi)
      throw std::invalid_argument(flag + " expects an integer in " + std::to_string(lo) + ".." + std::to_string(hi) +
                                  ", got '" + v + "'");
    return *n;
  };
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      std::string flag = args[i], value;
      bool hasValue = false;
      if (flag == "-h" || flag == "--help") { r.help = true; continue; }
      if (flag == "--keep-import-rows") { o.keepImportRows = true; continue; }
      if (flag.rfind("--", 0) != 0) throw std::invalid_argument("unexpected argument '" + flag + "'");
      if (auto eq = flag.find('='); eq != std::string::npos) {
        value = flag.substr(eq + 1);
        flag = flag.substr(0, eq);
        hasValue = true;
      }
      auto need = [&]() -> const std::string& {
        if (!hasValue) {
          if (i + 1 >= args.size()) throw std::invalid_argument(flag + " needs a value");
          value = args[++i];
          hasValue = true;
        }
        return value;
      };
      if (flag == "--host") o.host = need();
      else if (flag == "--port") o.port = static_cast<std::uint16_t>(number(flag, need(), 0, 65535));
      else if (flag == "--threads") o.maxThreads = static_cast<int>(number(flag, need(), 1, 1024));
      else if (flag == "--seed") o.seed = static_cast<std::uint64_t>(number(flag, need(), 0, INT64_MAX));
      else if (flag == "--lists") o.lists = static_cast<int>(number(flag, need(), 1, 10000));
      else if (flag == "--recipients") o.recipients = number(flag, need(), 0, 2000000000);
      else if (flag == "--memberships") o.membershipsPerRecipient = static_cast<int>(number(flag, need(), 0, 10000));
      else if (flag == "--campaigns") o.campaigns = static_cast<int>(number(flag, need(), 0, 40000));
      else if (flag == "--mailings") o.mailingsPerCampaign = static_cast<int>(number(flag, need(), 0, 1000000));
      else if (flag == "--events") o.eventsPerMailing = static_cast<int>(number(flag, need(), 0, 100000000));
      else if (flag == "--subscription-recipients") o.subscriptionRecipients = true;
      else if (flag == "--site-id") o.siteId = need();
      else if (flag == "--site-name") o.siteName = need();
      else if (flag == "--download-token") o.downloadToken = need();
      else if (flag == "--sim-token") o.simToken = need();
      else if (flag == "--lockout") o.lockoutThreshold = static_cast<int>(number(flag, need(), 0, 1000000));
      else if (flag == "--lockout-minutes") o.lockoutMinutes = static_cast<int>(number(flag, need(), 0, 1000000));
      else if (flag == "--import-delay-ms") o.importDelayMs = static_cast<int>(number(flag, need(), 0, 86400000));
      else if (flag == "--import-polls") o.importPollsToDone = static_cast<int>(number(flag, need(), 0, 1000000));
      else if (flag == "--slow-import-ms") o.faults.slowImportMs = static_cast<int>(number(flag, need(), 0, 86400000));
      else if (flag == "--fault-seed") o.faults.seed = static_cast<std::uint64_t>(number(flag, need(), 0, INT64_MAX));
      else if (flag == "--now") {
        const std::string& v = need();
        if (!v.empty() && v[0] == '@') o.now = number(flag, v.substr(1), 0, INT64_MAX);
        else if (auto t = TimeFormat::parse(v)) o.now = *t;
        else throw std::invalid_argument("--now expects a PostUp date (e.g. '2024-05-01 10:00:00') or @EPOCH, got '" + v + "'");
      } else if (flag == "--user") {
        const std::string& v = need();
        const auto c1 = v.find(':');
        const auto c2 = c1 == std::string::npos ? std::string::npos : v.find(':', c1 + 1);
        if (c1 == std::string::npos || c1 == 0)
          throw std::invalid_argument("--user expects LOGIN:PASSWORD[:PRIV,PRIV...], got '" + v + "'");
        SimUser u;
        u.login = v.substr(0, c1);
        u.password = v.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
        if (c2 != std::string::npos) {
          std::string privs = v.substr(c2 + 1);
          std::stringstream ss(privs);
          std::string p;
          while (std::getline(ss, p, ',')) {
            if (p.empty()) continue;
            const auto& all = SimUser::allPrivileges();
            if (p != "*" && std::find(all.begin(), all.end(), p) == all.end())
              throw std::invalid_argument("--user: unknown privilege '" + p + "'");
            u.privileges.insert(p);
          }
        }
        if (!usersReplaced) { o.users.clear(); usersReplaced = true; }
        o.users.push_back(u);
      } else if (flag == "--fault") {
        o.faults.rules.push_back(FaultSettingsJson::parseSpec(need()));
      } else if (flag == "--faults-file") {
        std::ifstream in(need());
        if (!in) throw std::invalid_argument("--faults-file: cannot read '" + value + "'");
        std::stringstream text;
        text << in.rdbuf();
        auto loaded = FaultSettingsJson::fromJson(text.str());
        for (auto& rule : loaded.rules) o.faults.rules.push_back(rule);
        if (loaded.slowImportMs) o.faults.slowImportMs = loaded.slowImportMs;
        if (loaded.seed) o.faults.seed = loaded.seed;
      } else {
        throw std::invalid_argument("unknown option '" + flag + "' (see --help)");
      }
    }
    if (o.membershipsPerRecipient > o.lists)
      throw std::invalid_argument("--memberships (" + std::to_string(o.membershipsPerRecipient) +
                                  ") must not exceed --lists (" + std::to_string(o.lists) + ")");
    if (static_cast<std::int64_t>(o.campaigns) * o.mailingsPerCampaign > 1000000)
      throw std::invalid_argument("--campaigns x --mailings must be at most 1000000");
  } catch (const std::invalid_argument& e) {
    r.error = e.what();
  }
  return r;
}

} // namespace jobhost::sim
