// ProfilesBench.cpp — jobhost profiles benchmark: events/s through the store-backed builder, store size per million events.
// SPDX-License-Identifier: Apache-2.0
//
// usage: jobhost-profiles-bench [--recipients N] [--activity K] [--batch B] [--cache P] [--no-audiences] [--keep DIR]
// Generates N postup_users events and N*K postup_activity events (with
// stitching and conflicts), appends them to a fresh store, builds profiles
// (plus two audiences and one export outbox unless --no-audiences), then
// rebuilds once, and prints the figures.
#include "EventGenerator.h"

#include "audiences/ProfileSync.h"
#include "profiles/ProfileRepository.h"
#include "store/Store.h"
#include "store/StreamRepository.h"
#include "store/AudienceDefinitionRepository.h"
#include "profiles/JsonText.h"

#include <Poco/Data/Transaction.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

using namespace jobhost::host;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// User + system CPU seconds of this process so far: on a shared machine the
// wall clock also counts other processes' turns.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return secs(usage.ru_utime) + secs(usage.ru_stime);
}

std::uint64_t fileSize(const std::string& path)
{
    Poco::File f(path);
    return f.exists() ? static_cast<std::uint64_t>(f.getSize()) : 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t recipients = 20000, activity = 10, batch = 500;
    std::size_t cache = audiences::ProfileSync::Options{}.profileCacheSize;
    bool withAudiences = true;
    std::string keep;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << a << " needs a value\n";
                std::exit(64);
            }
            return argv[++i];
        };
        if (a == "--recipients") recipients = std::stoul(next());
        else if (a == "--activity") activity = std::stoul(next());
        else if (a == "--batch") batch = std::stoul(next());
        else if (a == "--cache") cache = std::stoul(next());
        else if (a == "--no-audiences") withAudiences = false;
        else if (a == "--keep") keep = next();
        else {
            std::cerr << "usage: jobhost-profiles-bench [--recipients N] [--activity K] [--batch B] [--cache P] [--no-audiences] "
                         "[--keep DIR]\n";
            return 64;
        }
    }
    std::string folder = keep.empty() ? Poco::TemporaryFile::tempName() : keep;
    Poco::File(folder).createDirectories();
    std::string file = Store::defaultFile(folder);
    Store store(file);
    Poco::Data::Session session = store.openSession();

    auto events = EventGenerator::generate(recipients, activity, 1234);
    auto t0 = Clock::now();
    {
        Poco::Data::Transaction transaction(session);
        StreamRepository streams(session);
        for (const auto& e : events) {
            std::string json = "[";
            bool first = true;
            for (const auto& [k, v] : e.fields) {
                json += std::string(first ? "" : ",") + "[" + profiles::JsonText::quote(k) + "," + profiles::JsonText::quote(v) + "]";
                first = false;
            }
            StreamEvent se;
            se.stream = e.stream;
            se.naturalKey = e.naturalKey;
            se.eventTimeMs = e.time.ms;
            se.ingestedAtMs = e.time.ms;
            se.fieldsJson = json + "]";
            streams.append(se);
        }
        transaction.commit();
    }
    auto t1 = Clock::now();
    session << "PRAGMA wal_checkpoint(TRUNCATE)", Poco::Data::Keywords::now;
    std::uint64_t streamBytes = fileSize(file) + fileSize(file + "-wal");

    if (withAudiences) {
        AudienceDefinitionRepository defs(session);
        defs.insert({"openers", "Openers", "FILTER AND (pu_open_ct >= 2, EXISTS email)", 1, 1});
        defs.insert({"recent_clickers", "Recent clickers", "FILTER pu_last_click_ts > \"now-30d\"", 1, 1});
    }
    auto mappings = std::make_shared<lql::MappingSet>();
    mappings->addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_users.lql");
    mappings->addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_activity.lql");
    audiences::ProfileSync::Options options;
    options.batchSize = batch;
    options.profileCacheSize = cache;
    audiences::ProfileSync sync(session, mappings, options);
    if (withAudiences) sync.audiences().startExport({"bench-export", "openers", {"email", "pu_open_ct"}, true, {1}}, {1});

    auto t2 = Clock::now();
    double c2 = cpuSeconds();
    auto result = sync.run();
    double c3 = cpuSeconds();
    auto t3 = Clock::now();
    session << "PRAGMA wal_checkpoint(TRUNCATE)", Poco::Data::Keywords::now;
    std::uint64_t totalBytes = fileSize(file) + fileSize(file + "-wal");
    auto t4 = Clock::now();
    double c4 = cpuSeconds();
    auto rebuilt = sync.rebuild();
    double c5 = cpuSeconds();
    auto t5 = Clock::now();

    profiles::ProfileRepository repo(session);
    double n = static_cast<double>(result.build.events);
    double build = seconds(t2, t3), rebuild = seconds(t4, t5);
    std::printf("events:            %zu (%zu recipients, %zu activity per recipient), batch %zu, profile cache %zu, audiences %s\n",
                events.size(), recipients, activity, batch, cache, withAudiences ? "on (2 + 1 export outbox)" : "off");
    std::printf("append to stream:  %.2f s (%.0f events/s)\n", seconds(t0, t1), static_cast<double>(events.size()) / seconds(t0, t1));
    std::printf("build profiles:    %.2f s  -> %.0f events/s  (%lld profiles, %lld merges, %lld batches)\n", build, n / build,
                static_cast<long long>(repo.count()), static_cast<long long>(result.build.merged),
                static_cast<long long>(result.build.batches));
    std::printf("rebuild:           %.2f s  -> %.0f events/s\n", rebuild, static_cast<double>(rebuilt.build.events) / rebuild);
    std::printf("cpu time:          build %.2f s (%.0f events per cpu-second), rebuild %.2f s (%.0f events per cpu-second)\n",
                c3 - c2, n / (c3 - c2), c5 - c4, static_cast<double>(rebuilt.build.events) / (c5 - c4));
    std::printf("store size:        streams %.1f MB, total %.1f MB\n", streamBytes / 1e6, totalBytes / 1e6);
    std::printf("per million events: total %.0f MB, profiles+identities+audiences %.0f MB\n", totalBytes / n * 1e6 / 1e6 * 1.0,
                (totalBytes - streamBytes) / n * 1e6 / 1e6);
    if (keep.empty()) {
        try {
            Poco::File(folder).remove(true);
        } catch (const Poco::Exception&) {
            // Leaving a temp folder behind is harmless.
        }
    } else {
        std::printf("store kept in %s\n", file.c_str());
    }
    return 0;
}
