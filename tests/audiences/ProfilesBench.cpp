// ProfilesBench.cpp — jobhost profiles benchmark: builder events/s next to raw SQLite inserts, bytes per event, RSS, look-ups.
// SPDX-License-Identifier: Apache-2.0
//
// usage: jobhost-profiles-bench fill  --store DIR (--events N | --recipients N) [--activity K]
//        jobhost-profiles-bench build --store DIR [--batch B] [--cache P] [--cache-mb M] [--no-audiences]
//
// `fill` generates N events (postup_users + K postup_activity per recipient,
// with stitching and conflicts) and appends them to a fresh store in DIR.
// `build` (a separate process, so its peak RSS is the builder's and not the
// generator's) measures, in this order and in one run:
//   * the reference: the same events read back and inserted into a plain
//     table of a scratch SQLite file with the raw sqlite3 API (one prepared
//     INSERT, one transaction) — only the inserts are timed;
//   * the incremental build (profiles + two audiences + one export outbox,
//     unless --no-audiences), wall and CPU time, and its ratio to the reference;
//   * store bytes per event, split by table (SQLite's dbstat);
//   * look-ups as the CLI and console make them (median of 200);
//   * `profiles rebuild`, and the peak RSS of the process.
// Exit 0 on success, 64 on bad usage, 70 on a failure.
#include "EventGenerator.h"

#include "audiences/MembershipRepository.h"
#include "audiences/ProfileSync.h"
#include "console/ProfileView.h"
#include "profiles/JsonText.h"
#include "profiles/ProfileRepository.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

#include <Poco/Data/Transaction.h>
#include <Poco/Exception.h>
#include <Poco/File.h>

#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

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

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

struct Arguments {
    std::string mode;
    std::string store;
    std::size_t events = 0, recipients = 0, activity = 10, batch = profiles::ProfileBuilder::Options{}.batchSize;
    std::size_t cache = audiences::ProfileSync::Options{}.profileCacheSize;
    std::size_t cacheMb = audiences::ProfileSync::Options{}.profileCacheBytes >> 20;
    bool audiences = true;
};

[[noreturn]] void usage(const std::string& problem)
{
    std::cerr << "jobhost-profiles-bench: " << problem << "\n"
              << "usage: jobhost-profiles-bench fill --store DIR (--events N | --recipients N) [--activity K]\n"
              << "       jobhost-profiles-bench build --store DIR [--batch B] [--cache P] [--cache-mb M] [--no-audiences]\n";
    std::exit(64);
}

Arguments parse(int argc, char** argv)
{
    Arguments a;
    if (argc < 2) usage("missing mode (fill or build)");
    a.mode = argv[1];
    if (a.mode != "fill" && a.mode != "build") usage("unknown mode '" + a.mode + "'");
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(arg + " needs a value");
            return argv[++i];
        };
        auto count = [&]() -> std::size_t {
            std::string v = value();
            try {
                std::size_t used = 0;
                unsigned long long n = std::stoull(v, &used);
                if (used == v.size() && n > 0) return static_cast<std::size_t>(n);
            } catch (const std::exception&) {
            }
            usage(arg + ": expected a positive number, got '" + v + "'");
        };
        if (arg == "--store") a.store = value();
        else if (arg == "--events") a.events = count();
        else if (arg == "--recipients") a.recipients = count();
        else if (arg == "--activity") a.activity = count();
        else if (arg == "--batch") a.batch = count();
        else if (arg == "--cache") a.cache = count();
        else if (arg == "--cache-mb") a.cacheMb = count();
        else if (arg == "--no-audiences") a.audiences = false;
        else usage("unknown argument '" + arg + "'");
    }
    if (a.store.empty()) usage("--store DIR is required");
    if (a.mode == "fill" && !a.events && !a.recipients) usage("fill needs --events N or --recipients N");
    if (a.events && !a.recipients) a.recipients = std::max<std::size_t>(1, a.events / (a.activity + 1));
    return a;
}

// The stored form of the generated fields, as an import writes it.
std::string fields(const GeneratedEvent& e) { return StreamFieldsCodec::encode({e.fields.begin(), e.fields.end()}); }

int fill(const Arguments& a)
{
    Poco::File(a.store).createDirectories();
    std::string file = Store::defaultFile(a.store);
    if (Poco::File(file).exists()) usage(file + " exists: fill needs an empty --store folder");
    Store store(file);
    Poco::Data::Session session = store.openSession();
    auto events = EventGenerator::generate(a.recipients, a.activity, 1234);
    auto t0 = Clock::now();
    {
        Poco::Data::Transaction transaction(session);
        StreamRepository streams(session);
        std::vector<StreamEvent> chunk; // as an import checkpoints them: appendAll per 5,000
        for (std::size_t i = 0; i < events.size(); ++i) {
            StreamEvent se;
            se.stream = events[i].stream;
            se.naturalKey = events[i].naturalKey;
            se.eventTimeMs = events[i].time.ms;
            se.ingestedAtMs = events[i].time.ms;
            se.fields = fields(events[i]);
            chunk.push_back(std::move(se));
            if (chunk.size() == 5000 || i + 1 == events.size()) {
                streams.appendAll(chunk);
                chunk.clear();
            }
        }
        transaction.commit();
    }
    auto t1 = Clock::now();
    session << "PRAGMA wal_checkpoint(TRUNCATE)", Poco::Data::Keywords::now;
    std::printf("events:            %zu (%zu recipients, %zu activity per recipient)\n", events.size(), a.recipients,
                a.activity);
    std::printf("append to stream:  %.2f s (%.0f events/s, StreamRepository::appendAll)\n", seconds(t0, t1),
                static_cast<double>(events.size()) / seconds(t0, t1));
    return 0;
}

// The reference: every stored event inserted into a plain table of a scratch
// file with one prepared statement in one transaction. Returns events/s of
// the inserts alone (reading the events back is not timed).
double rawInsertRate(Poco::Data::Session& session, const std::string& scratch, std::size_t& inserted)
{
    auto removeScratch = [&] {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            Poco::File f(scratch + suffix);
            if (f.exists()) f.remove();
        }
    };
    removeScratch();
    sqlite3* db = nullptr;
    if (sqlite3_open(scratch.c_str(), &db) != SQLITE_OK) throw Poco::IOException("cannot open " + scratch);
    auto exec = [&](const char* sql) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw Poco::IOException(std::string("raw reference: ") + sqlite3_errmsg(db));
    };
    exec("PRAGMA journal_mode=WAL");
    exec("CREATE TABLE events (stream TEXT NOT NULL, seq INTEGER NOT NULL, natural_key TEXT, event_time INTEGER NOT NULL, "
         "fields_json TEXT NOT NULL)");
    sqlite3_stmt* insert = nullptr;
    if (sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr) != SQLITE_OK)
        throw Poco::IOException(std::string("raw reference: ") + sqlite3_errmsg(db));
    StreamRepository streams(session);
    double timed = 0;
    inserted = 0;
    exec("BEGIN");
    for (const std::string stream : {"postup_users", "postup_activity"}) {
        Poco::Int64 after = 0;
        for (;;) {
            auto chunk = streams.readAfter(stream, after, 20000);
            if (chunk.empty()) break;
            auto t0 = Clock::now();
            for (const auto& e : chunk) {
                sqlite3_bind_text(insert, 1, e.stream.data(), static_cast<int>(e.stream.size()), SQLITE_STATIC);
                sqlite3_bind_int64(insert, 2, e.seq);
                sqlite3_bind_text(insert, 3, e.naturalKey.data(), static_cast<int>(e.naturalKey.size()), SQLITE_STATIC);
                sqlite3_bind_int64(insert, 4, e.eventTimeMs);
                sqlite3_bind_blob(insert, 5, e.fields.data(), static_cast<int>(e.fields.size()), SQLITE_STATIC);
                if (sqlite3_step(insert) != SQLITE_DONE) throw Poco::IOException(std::string("raw reference: ") + sqlite3_errmsg(db));
                sqlite3_reset(insert);
            }
            timed += seconds(t0, Clock::now());
            inserted += chunk.size();
            after = chunk.back().seq;
        }
    }
    auto t0 = Clock::now();
    exec("COMMIT");
    timed += seconds(t0, Clock::now());
    sqlite3_finalize(insert);
    sqlite3_close(db);
    removeScratch();
    return static_cast<double>(inserted) / timed;
}

// Median milliseconds of `rounds` calls of f(i).
template <typename F>
double medianMs(int rounds, F f)
{
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        auto t0 = Clock::now();
        f(i);
        ms.push_back(seconds(t0, Clock::now()) * 1000.0);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

void printBytes(Poco::Data::Session& session, double events)
{
    std::vector<std::string> names;
    std::vector<Poco::Int64> bytes;
    session << "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name", Poco::Data::Keywords::into(names),
        Poco::Data::Keywords::into(bytes), Poco::Data::Keywords::now;
    // table or index → table group
    auto group = [](const std::string& n) -> std::string {
        if (n.rfind("stream_events", 0) == 0 || n.rfind("sqlite_autoindex_stream_events", 0) == 0 || n == "streams"
            || n.rfind("stream_field_names", 0) == 0 || n.rfind("sqlite_autoindex_stream", 0) == 0)
            return "stream log";
        if (n.rfind("profile_identities", 0) == 0 || n.rfind("sqlite_autoindex_profile_identities", 0) == 0) return "identities";
        if (n.rfind("profiles", 0) == 0) return "profiles";
        if (n.rfind("audience_membership_events", 0) == 0) return "membership events";
        if (n.rfind("audience_memberships", 0) == 0 || n.rfind("sqlite_autoindex_audience_memberships", 0) == 0) return "memberships";
        if (n.rfind("export_outbox", 0) == 0) return "outbox";
        return "other";
    };
    std::map<std::string, double> byGroup;
    double total = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        byGroup[group(names[i])] += static_cast<double>(bytes[i]);
        total += static_cast<double>(bytes[i]);
    }
    std::printf("bytes per event:   %.0f total (target <= 300):", total / events);
    for (const auto& [g, b] : byGroup) std::printf("  %s %.0f", g.c_str(), b / events);
    std::printf("\n");
}

int build(const Arguments& a)
{
    std::string file = Store::defaultFile(a.store);
    if (!Poco::File(file).exists()) usage(file + " does not exist: run fill first");
    Store store(file);
    Poco::Data::Session session = store.openSession();

    std::size_t inserted = 0;
    const double raw = rawInsertRate(session, a.store + "/raw-reference.db", inserted);

    if (a.audiences) {
        AudienceDefinitionRepository defs(session);
        defs.insert({"openers", "Openers", "FILTER AND (pu_open_ct >= 2, EXISTS email)", 1, 1});
        defs.insert({"recent_clickers", "Recent clickers", "FILTER pu_last_click_ts > \"now-30d\"", 1, 1});
    }
    auto mappings = std::make_shared<lql::MappingSet>();
    mappings->addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_users.lql");
    mappings->addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_activity.lql");
    audiences::ProfileSync::Options options;
    options.batchSize = a.batch;
    options.profileCacheSize = a.cache;
    options.profileCacheBytes = a.cacheMb << 20;
    audiences::ProfileSync sync(session, mappings, options);
    if (a.audiences) sync.audiences().startExport({"bench-export", "openers", {"email", "pu_open_ct"}, true, {1}}, {1});

    auto t0 = Clock::now();
    double c0 = cpuSeconds();
    auto result = sync.run();
    double c1 = cpuSeconds();
    auto t1 = Clock::now();
    const double n = static_cast<double>(result.build.events);
    const double buildRate = n / seconds(t0, t1);
    const double buildPeakMb = peakRssMb();
    session << "PRAGMA wal_checkpoint(TRUNCATE)", Poco::Data::Keywords::now;

    profiles::ProfileRepository repo(session);
    std::printf("events:            %.0f, batch %zu, profile cache %zu profiles / %zu MB, audiences %s\n", n, a.batch, a.cache, a.cacheMb,
                a.audiences ? "on (2 + 1 export outbox)" : "off");
    std::printf("raw sqlite insert: %.0f events/s (reference: %zu rows, one prepared INSERT, one transaction)\n", raw,
                inserted);
    std::printf("build profiles:    %.2f s -> %.0f events/s = %.3f x raw insert  (cpu %.2f s: %.0f events per cpu-second; "
                "%lld profiles, %lld merges, %lld batches)\n",
                seconds(t0, t1), buildRate, buildRate / raw, c1 - c0, n / (c1 - c0), static_cast<long long>(repo.count()),
                static_cast<long long>(result.build.merged), static_cast<long long>(result.build.batches));
    printBytes(session, n);

    // Look-ups as `profiles show --email`, the console's profile page and
    // the audience page make them.
    std::vector<std::string> emails;
    {
        std::vector<std::string> values;
        session << "SELECT value FROM profile_identities WHERE field = 'email' LIMIT 5000", Poco::Data::Keywords::into(values),
            Poco::Data::Keywords::now;
        std::mt19937 pick(7);
        std::shuffle(values.begin(), values.end(), pick);
        emails.assign(values.begin(), values.begin() + std::min<std::size_t>(values.size(), 200));
    }
    if (!emails.empty()) {
        double show = medianMs(200, [&](int i) {
            auto id = ProfileView::find(session, "email", emails[static_cast<std::size_t>(i) % emails.size()]);
            (void)ProfileView::load(session, id);
        });
        double summary = medianMs(20, [&](int) {
            (void)repo.count();
            (void)repo.identityCount();
        });
        audiences::MembershipRepository members(session);
        double memberCount = medianMs(20, [&](int) { (void)members.memberCount("openers"); });
        std::printf("look-ups (median): profile by email %.2f ms, profile count + key count %.2f ms, audience member count "
                    "%.2f ms (target < 50 ms each)\n",
                    show, summary, memberCount);
    }

    auto t2 = Clock::now();
    double c2 = cpuSeconds();
    auto rebuilt = sync.rebuild();
    double c3 = cpuSeconds();
    auto t3 = Clock::now();
    const double rn = static_cast<double>(rebuilt.build.events);
    std::printf("rebuild:           %.2f s -> %.0f events/s = %.3f x raw insert  (cpu %.2f s: %.0f events per cpu-second)\n",
                seconds(t2, t3), rn / seconds(t2, t3), rn / seconds(t2, t3) / raw, c3 - c2, rn / (c3 - c2));
    std::printf("peak RSS:          %.0f MB (build process, %.0f events; %.0f MB by the end of the incremental build)\n",
                peakRssMb(), n, buildPeakMb);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    Arguments a = parse(argc, argv);
    try {
        return a.mode == "fill" ? fill(a) : build(a);
    } catch (const Poco::Exception& e) {
        std::cerr << "jobhost-profiles-bench: " << e.displayText() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "jobhost-profiles-bench: " << e.what() << "\n";
    }
    return 70;
}
