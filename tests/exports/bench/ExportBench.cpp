// jobhost exports bench — ExportBench.cpp
// Latency from a profile change to the PostUp POST /import that carries it
// (p50/p95) at the default 5 s and at a 1 s flush interval, and delivered
// users/s for a backfill. A profile change is a postup_users stream event
// committed to the store (what an import checkpoint writes); from there the
// host's ProfileSync (profile builder → membership engine → outbox, in one
// transaction), the ExportRunner, store and transport and the PostUp
// ExportJob carry it to the in-process simulator. The sync loop runs every
// 10 ms (serve runs it after each import run and on its timer).
// usage: export-bench [--rate N/s] [--seconds S] [--backfill N] [--import-delay-ms MS]
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Data/Transaction.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "audiences/OutboxRepository.h"
#include "audiences/ProfileSync.h"
#include "export/PostupExportJob.h"
#include "exports/ExportRunner.h"
#include "jobhost/sim/SimulatorServer.h"
#include "support/ExportHarness.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/StreamRepository.h"
#include "support/HookTransport.h"

using namespace jobhost;
using jobhost::host::AudienceDefinition;
using jobhost::host::AudienceDefinitionRepository;
using jobhost::host::StreamEvent;
using jobhost::host::StreamRepository;
using jobhost::host::audiences::ProfileSync;
using namespace jobhost::host::exports;
using namespace jobhost::host::exports::test;

namespace {

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string email(std::int64_t i) { return "bench" + std::to_string(i) + "@bench.example.com"; }

double percentile(std::vector<std::int64_t> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t at = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return static_cast<double>(v[at]);
}

void latency(sim::SimulatorServer& sim, std::int64_t flushMs, double rate, int seconds) {
    const std::string config = R"({"audience":"engaged","backfill":false,"import_poll_interval_ms":50,"flush_interval_ms":)" +
                               std::to_string(flushMs) + "}";
    ExportHarness h(sim.apiBaseUrl(), config);
    std::mutex mutex;
    std::map<std::string, std::int64_t> calledAt;
    std::size_t imports = 0;
    h.transports().wrap = [&](std::shared_ptr<jobhost::sdk::HttpTransport> inner) {
        auto hook = std::make_shared<HookTransport>(inner);
        hook->before = [&](const jobhost::sdk::HttpRequest& r) {
            if (r.method != "POST" || r.url.size() < 11 || r.url.compare(r.url.size() - 11, 11, "/api/import") != 0) return;
            const std::int64_t now = wallMs();
            Poco::JSON::Parser parser;
            auto body = parser.parse(r.body).extract<Poco::JSON::Object::Ptr>();
            auto rows = body->getArray("data");
            std::lock_guard<std::mutex> lock(mutex);
            ++imports;
            for (std::size_t i = 0; i < rows->size(); ++i) {
                std::string row = rows->getElement<std::string>(static_cast<unsigned>(i));
                row = row.substr(0, row.find('\t'));
                calledAt.emplace(row, now);
            }
        };
        return hook;
    };
    // The audience every new profile with an email enters, evaluated once
    // before the export subscribes (no backfill: nobody is a member yet).
    {
        Poco::Data::Session session = h.store().openSession();
        AudienceDefinition definition{"engaged", "Everyone with an email", "FILTER EXISTS email", wallMs(), wallMs()};
        AudienceDefinitionRepository(session).insert(definition);
    }
    auto mappings = ProfileSync::loadMappings(h.services().plugins);
    {
        Poco::Data::Session session = h.store().openSession();
        ProfileSync(session, mappings).run();
    }
    ExportRunner::Options o;
    o.pJob = std::make_shared<jobhost::plugins::postup::PostupExportJob>();
    o.idleSleepMs = 20;
    ExportRunner runner(h.services(), ExportHarness::jobName(), o);
    runner.start();
    std::atomic<bool> stop{false};
    std::thread worker([&] { runner.run([&] { return stop.load(); }); });
    std::thread sync([&] {
        Poco::Data::Session session = h.store().openSession();
        ProfileSync profiles(session, mappings);
        while (!stop.load()) {
            profiles.run();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });

    Poco::Data::Session session = h.store().openSession();
    StreamRepository streams(session);
    std::map<std::string, std::int64_t> changedAt;
    const auto interval = std::chrono::microseconds(static_cast<std::int64_t>(1e6 / rate));
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    auto next = std::chrono::steady_clock::now();
    std::int64_t n = 0;
    while (std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_until(next);
        next += interval;
        ++n;
        const std::int64_t at = wallMs();
        StreamEvent event;
        event.stream = "postup_users";
        event.naturalKey = "bench:" + std::to_string(flushMs) + ":" + std::to_string(n);
        event.eventTimeMs = at;
        event.ingestedAtMs = at;
        event.fields = R"([["address",")" + email(n) + R"("],["recipientId",")" + std::to_string(n) + R"("],["channel","E"],["status","N"]])";
        streams.append(event);
        changedAt[email(n)] = at;
    }
    // Wait for the tail to be flushed (at most two flush intervals).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(2 * flushMs + 3000);
    for (;;) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (calledAt.size() >= changedAt.size()) break;
        }
        if (std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop = true;
    worker.join();
    sync.join();
    std::vector<std::int64_t> latencies;
    for (const auto& [address, at] : changedAt) {
        auto it = calledAt.find(address);
        if (it != calledAt.end()) latencies.push_back(it->second - at);
    }
    std::printf("flush %5lld ms: %zu profile changes at %.0f/s -> %zu imports; profile change->POST /import p50 %.0f ms, p95 %.0f ms, max %.0f ms%s\n",
                static_cast<long long>(flushMs), changedAt.size(), rate, imports, percentile(latencies, 0.50),
                percentile(latencies, 0.95), percentile(latencies, 1.0),
                latencies.size() == changedAt.size() ? "" : " (some changes never reached an import!)");
}

void backfill(sim::SimulatorServer& sim, std::int64_t members) {
    ExportHarness h(sim.apiBaseUrl(),
                    R"({"audience":"engaged","backfill":false,"import_poll_interval_ms":50,"field_mappings":{"first_name":"FirstName","city":"city"}})");
    const auto t0 = std::chrono::steady_clock::now();
    {
        Poco::Data::Session session = h.store().openSession();
        Poco::Data::Transaction transaction(session);
        jobhost::host::audiences::OutboxRepository outbox(session);
        const std::int64_t at = wallMs();
        for (std::int64_t i = 1; i <= members; ++i) {
            jobhost::host::audiences::MembershipChange change{"engaged", i, jobhost::host::audiences::MembershipChange::Kind::Enter, jobhost::host::lql::TimeMs{at}};
            outbox.enqueue(ExportHarness::jobName(), change,
                           R"({"city":"Springfield","email":")" + email(i) + R"(","first_name":"User )" + std::to_string(i) + "\"}");
        }
        transaction.commit();
    }
    const double queued = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ExportRunner::Options o;
    o.pJob = std::make_shared<jobhost::plugins::postup::PostupExportJob>();
    ExportRunner runner(h.services(), ExportHarness::jobName(), o);
    runner.start();
    const auto t1 = std::chrono::steady_clock::now();
    auto steps = runner.drain();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    std::int64_t delivered = 0, other = 0;
    for (const auto& s : steps) {
        delivered += s.totals.delivered;
        other += s.totals.rejected + s.totals.retried + s.totals.skipped;
    }
    std::printf("backfill: %lld members queued in %.1f s; delivered %lld (other %lld) in %zu batches in %.1f s = %.0f users/s\n",
                static_cast<long long>(members), queued, static_cast<long long>(delivered), static_cast<long long>(other), steps.size(),
                seconds, static_cast<double>(delivered) / seconds);
}

} // namespace

int main(int argc, char** argv) {
    double rate = 200;
    int seconds = 12;
    std::int64_t members = 100000;
    int importDelayMs = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--rate") rate = std::stod(argv[i + 1]);
        else if (flag == "--seconds") seconds = std::stoi(argv[i + 1]);
        else if (flag == "--backfill") members = std::stoll(argv[i + 1]);
        else if (flag == "--import-delay-ms") importDelayMs = std::stoi(argv[i + 1]);
        else {
            std::cerr << "usage: export-bench [--rate N] [--seconds S] [--backfill N] [--import-delay-ms MS]\n";
            return 64;
        }
    }
    sim::SimulatorOptions o;
    o.recipients = 100;
    o.lists = 2;
    o.campaigns = 0;
    o.importDelayMs = importDelayMs;
    o.lockoutThreshold = 0;
    sim::SimulatorServer sim(o);
    sim.start();
    std::printf("export-bench: simulator import delay %d ms, runner idle poll 20 ms, import poll 50 ms\n", importDelayMs);
    latency(sim, 5000, rate, seconds);
    latency(sim, 1000, rate, std::max(4, seconds / 2));
    if (members > 0) backfill(sim, members);
    return 0;
}
