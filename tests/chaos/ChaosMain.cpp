// ChaosMain.cpp — jobhost chaos harness (jobhost-chaos): SIGKILLs the real jobhost through the whole pipeline and counts what got lost.
// SPDX-License-Identifier: Apache-2.0
//
// usage: jobhost-chaos --jobhost BIN --plugin-dir DIR --manifest-dir DIR --simulator BIN
//                      [--trials N] [--seed S] [--work-dir DIR] [--recipients N]
//                      [--no-faults] [--no-kills] [--keep] [--verbose]
// Trial i uses seed S+i; `--seed T --trials 1` replays the trial printed with seed T.
// Exit: 0 when no trial lost, duplicated or mismatched anything; 1 otherwise; 64 bad usage.

#include "ChaosSettings.h"
#include "PipelineTrial.h"
#include "SnapshotComparison.h"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <fstream>
#include <sstream>

namespace {

using jobhost::chaos::ChaosSettings;
using jobhost::chaos::PipelineTrial;
using jobhost::chaos::SnapshotComparison;

int usage(const std::string& problem) {
    std::cerr << "jobhost-chaos: " << problem << "\n"
              << "usage: jobhost-chaos --jobhost BIN --plugin-dir DIR --manifest-dir DIR --simulator BIN [--trials N] [--seed S]\n"
              << "                     [--work-dir DIR] [--recipients N] [--no-faults] [--no-kills] [--keep] [--verbose]\n";
    return 64;
}

/// The repository's manifests with fast retries and no rate limit, so a trial
/// takes seconds: HTTP retries 20-200 ms (8 attempts), export items 20-200 ms
/// (20 attempts). Everything else (schemas, mappings, limits) is unchanged.
std::string chaosManifests(const std::string& source, const std::string& workDir) {
    const std::string target = Poco::Path(Poco::Path(workDir).makeDirectory(), "manifests").toString();
    if (Poco::File(target).exists()) Poco::File(target).remove(true);
    Poco::File(source).copyTo(target);
    const std::string file = Poco::Path(Poco::Path(target).makeDirectory(), "postup.json").toString();
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto manifest = Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    auto retry = manifest->getObject("retry");
    Poco::JSON::Object::Ptr http = new Poco::JSON::Object;
    http->set("max_attempts", 8);
    http->set("base_ms", 20);
    http->set("cap_ms", 200);
    http->set("max_elapsed_ms", 30000);
    retry->set("http", http);
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    item->set("max_attempts", 20);
    item->set("base_ms", 20);
    item->set("cap_ms", 200);
    retry->set("export_item", item);
    Poco::JSON::Object::Ptr rate = new Poco::JSON::Object;
    rate->set("requests_per_second", 10000);
    rate->set("burst", 10000);
    manifest->set("rate_limit", rate);
    std::ofstream out(file, std::ios::trunc);
    Poco::JSON::Stringifier::stringify(manifest, out, 2);
    return target;
}

} // namespace

int main(int argc, char** argv) {
    ChaosSettings settings;
    long trials = 20;
    std::uint64_t seed = 0;
    bool haveSeed = false;
    std::string sourceManifests;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
            return args[++i];
        };
        try {
            if (a == "--jobhost") settings.jobhost = value();
            else if (a == "--plugin-dir") settings.pluginDir = value();
            else if (a == "--manifest-dir") sourceManifests = value();
            else if (a == "--simulator") settings.simulator = value();
            else if (a == "--work-dir") settings.workDir = value();
            else if (a == "--trials") trials = std::stol(value());
            else if (a == "--seed") { seed = std::stoull(value()); haveSeed = true; }
            else if (a == "--recipients") settings.recipients = std::stoi(value());
            else if (a == "--no-faults") settings.faults = false;
            else if (a == "--no-kills") settings.kills = false;
            else if (a == "--keep") settings.keepAll = true;
            else if (a == "--verbose") settings.verbose = true;
            else if (a == "-h" || a == "--help") { usage("help"); return 0; }
            else return usage("unknown argument " + a);
        } catch (const std::invalid_argument& e) {
            return usage(e.what());
        } catch (const std::out_of_range&) {
            return usage("number out of range after " + a);
        }
    }
    if (settings.jobhost.empty() || settings.pluginDir.empty() || sourceManifests.empty() || settings.simulator.empty())
        return usage("--jobhost, --plugin-dir, --manifest-dir and --simulator are required");
    if (trials < 1) return usage("--trials must be at least 1");
    if (!haveSeed) seed = std::random_device{}() % 1000000000ULL;
    bool ownWorkDir = false;
    if (settings.workDir.empty()) {
        settings.workDir = Poco::TemporaryFile::tempName() + "-chaos";
        ownWorkDir = true;
    }
    Poco::File(settings.workDir).createDirectories();

    const auto started = std::chrono::steady_clock::now();
    std::cout << "chaos: seed " << seed << " — trial i uses seed " << seed << "+i; replay one with --seed SEED --trials 1\n"
              << "chaos: work dir " << settings.workDir << std::endl;
    jobhost::chaos::ReferenceRun reference;
    try {
        settings.manifestDir = chaosManifests(sourceManifests, settings.workDir);
        settings.anchorEpoch = PipelineTrial::chooseAnchor(settings, settings.workDir);
        PipelineTrial referenceTrial(settings, 0);
        reference = referenceTrial.runReference();
    } catch (const std::exception& e) {
        std::cerr << "chaos: the undisturbed reference run failed: " << e.what() << "\n";
        return 1;
    }
    const auto& r = reference.snapshot;
    std::cout << "reference (no faults, no kills): " << r.streamRecords.size() << " stream records, " << r.profiles.size()
              << " profiles, " << r.memberships.size() << " memberships, " << r.listMembers.size() << " PostUp list members, "
              << r.importRows.size() << " POST /import rows; steps";
    for (std::size_t i = 0; i < reference.steps.size(); ++i)
        std::cout << " " << PipelineTrial::stepNames()[i] << " " << reference.steps[i].durationMs << " ms";
    std::cout << std::endl;
    if (settings.verbose)
        for (std::size_t i = 0; i < reference.steps.size(); ++i) {
            std::cout << "  points in " << PipelineTrial::stepNames()[i] << ":";
            for (const auto& [p, n] : reference.steps[i].points) std::cout << " " << p << "=" << n;
            std::cout << "\n";
        }

    std::int64_t lost = 0, duplicated = 0, mismatched = 0;
    long badTrials = 0, failedRuns = 0;
    std::map<std::string, std::pair<long, long>> points; // planned, hit
    for (long i = 0; i < trials; ++i) {
        const std::uint64_t trialSeed = seed + static_cast<std::uint64_t>(i);
        SnapshotComparison diff;
        std::string line;
        std::string folder;
        bool keep = settings.keepAll;
        try {
            PipelineTrial trial(settings, trialSeed);
            jobhost::chaos::TrialOutcome outcome = trial.run(reference);
            folder = outcome.folder;
            diff = SnapshotComparison::compare(reference.snapshot, outcome.snapshot);
            if (!outcome.stuck.empty()) {
                ++diff.mismatched;
                diff.notes.push_back("stuck: " + outcome.stuck);
            }
            failedRuns += outcome.failedRuns;
            line = std::to_string(outcome.kills.size()) + " kills";
            std::string sep = " (";
            for (const auto& k : outcome.kills) {
                auto& p = points[k.point];
                ++p.first;
                if (k.hit) ++p.second;
                line += sep + k.step + "@" + k.point + k.detail + (k.hit ? "" : " missed");
                sep = ", ";
            }
            if (!outcome.kills.empty()) line += ")";
            if (outcome.failedRuns) line += ", " + std::to_string(outcome.failedRuns) + " runs failed under faults and ran again";
        } catch (const std::exception& e) {
            ++diff.mismatched;
            diff.notes.push_back(std::string("trial error: ") + e.what());
        }
        lost += diff.lost;
        duplicated += diff.duplicated;
        mismatched += diff.mismatched;
        if (!diff.clean()) {
            ++badTrials;
            keep = true;
        }
        std::cout << "trial " << i + 1 << " seed " << trialSeed << ": " << line << ": "
                  << (diff.clean() ? std::string("ok")
                                   : "LOST " + std::to_string(diff.lost) + " DUPLICATED " + std::to_string(diff.duplicated) +
                                         " MISMATCHED " + std::to_string(diff.mismatched) + " (kept " + folder + ")")
                  << std::endl;
        for (const auto& n : diff.notes) std::cout << "    " << n << "\n";
        if (!keep && !folder.empty()) {
            try {
                Poco::File(folder).remove(true);
            } catch (const Poco::Exception&) {
            }
        }
    }
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
    std::cout << "kill points (planned / hit):";
    for (const auto& [name, p] : points) std::cout << "\n  " << name << ": " << p.first << " / " << p.second;
    std::cout << "\n" << failedRuns << " jobhost runs failed under injected faults and were run again; " << seconds << " s in all\n";
    std::cout << "trials " << trials << ", lost " << lost << ", duplicated " << duplicated << ", mismatched " << mismatched << std::endl;
    if (ownWorkDir && badTrials == 0 && !settings.keepAll) {
        try {
            Poco::File(settings.workDir).remove(true);
        } catch (const Poco::Exception&) {
        }
    }
    return (lost || duplicated || mismatched) ? 1 : 0;
}
