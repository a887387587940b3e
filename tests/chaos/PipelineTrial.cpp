// PipelineTrial.cpp — jobhost chaos harness: one run of the whole pipeline, undisturbed or with SIGKILLs and faults.
// SPDX-License-Identifier: Apache-2.0
#include "PipelineTrial.h"

#include "ChildProcess.h"
#include "SimulatorProcess.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>

namespace jobhost::chaos {
namespace {

using namespace Poco::Data::Keywords;

const char* const kExportJob = "export-remove";
const char* const kSiteId = "00000000-0000-4000-8000-000000000042";
const char* const kSiteName = "demo";
constexpr int kSeededLists = 2;
constexpr int kMaxRunsPerStep = 25;

enum StepIndex : std::size_t { Apply, Import1, Export1, Import2, Export2 };

bool isExport(std::size_t step) { return step == Export1 || step == Export2; }

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::map<std::string, long> readCounts(const std::string& file) {
    std::map<std::string, long> counts;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        const auto space = line.rfind(' ');
        if (space == std::string::npos) continue;
        counts[line.substr(0, space)] += std::stol(line.substr(space + 1));
    }
    return counts;
}

} // namespace

struct PipelineTrial::StepRun {
    std::int64_t elapsedMs = 0;
    bool ok = false;
};

const std::vector<std::string>& PipelineTrial::stepNames() {
    static const std::vector<std::string> names{"apply", "import-1", "export-1", "import-2", "export-2"};
    return names;
}

const std::vector<std::string>& PipelineTrial::requiredPoints() {
    static const std::vector<std::string> points{"import-emit",      "import-checkpoint", "write:profiles", "http-response:POST /api/import",
                                                 "export-results",   "migration",         "apply",         "write:stream_events",
                                                 "write:audience_memberships", "write:export_outbox", "secret-key"};
    return points;
}

PipelineTrial::PipelineTrial(const ChaosSettings& settings, std::uint64_t seed)
    : _settings(settings), _seed(seed), _random(seed * 0x9E3779B97F4A7C15ULL + 1) {
    _folder = Poco::Path(Poco::Path(settings.workDir).makeDirectory(), "trial-" + std::to_string(seed)).toString();
    Poco::File folder(_folder);
    if (folder.exists()) folder.remove(true);
    folder.createDirectories();
    _home = Poco::Path(Poco::Path(_folder).makeDirectory(), "home").toString();
    _config = Poco::Path(Poco::Path(_folder).makeDirectory(), "config.json").toString();
    _log = Poco::Path(Poco::Path(_folder).makeDirectory(), "jobhost.log").toString();
}

std::vector<std::string> PipelineTrial::dataArguments(const ChaosSettings& settings, std::int64_t anchor) {
    return {"--seed",      "7",     "--recipients",      std::to_string(settings.recipients),
            "--lists",     "2",     "--memberships",     "1",
            "--campaigns", "2",     "--mailings",        "2",
            "--events",    "150",   "--import-delay-ms", "20",
            "--lockout",   "0",     "--keep-import-rows",
            "--site-id",   kSiteId, "--site-name",       kSiteName,
            "--now",       "@" + std::to_string(anchor)};
}

std::int64_t PipelineTrial::chooseAnchor(const ChaosSettings& settings, const std::string& folder) {
    constexpr std::int64_t kWindowSeconds = 90LL * 86400, kMarginSeconds = 3 * 3600;
    const std::int64_t wall = wallMs() / 1000;
    for (int attempt = 0; attempt < 24; ++attempt) {
        const std::int64_t anchor = wall - attempt * 4 * 3600;
        SimulatorProcess sim(settings.simulator, dataArguments(settings, anchor), Poco::Path(folder, "anchor-sim.log").toString());
        auto [status, body] = sim.call("GET", "/_sim/mailings");
        if (status != 200) throw std::runtime_error("GET /_sim/mailings answered " + std::to_string(status));
        auto mailings = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Array::Ptr>();
        bool nearEdge = false;
        for (std::size_t i = 0; i < mailings->size(); ++i) {
            auto m = mailings->getObject(static_cast<unsigned>(i));
            if (!m->has("scheduledEpoch") || m->get("scheduledEpoch").isEmpty()) continue;
            const std::int64_t at = m->getValue<Poco::Int64>("scheduledEpoch");
            nearEdge = nearEdge || std::llabs(at - (wall - kWindowSeconds)) < kMarginSeconds ||
                       std::llabs(at - (wall + 3600 - kWindowSeconds)) < kMarginSeconds;
        }
        if (!nearEdge) return anchor;
    }
    throw std::runtime_error("no simulator anchor keeps the mailings away from the 90-day window edge");
}

std::vector<std::string> PipelineTrial::simulatorArguments(bool faults) const {
    std::vector<std::string> a = dataArguments(_settings, _settings.anchorEpoch);
    if (faults) {
        const std::string file = Poco::Path(Poco::Path(_folder).makeDirectory(), "faults.json").toString();
        // 429 + Retry-After (at most once: it costs a second), 5xx, resets,
        // truncated bodies and latency on every PostUp route.
        std::ofstream(file) << R"({"seed":)" << (_seed % 1000000007ULL) + 1 << R"(,"rules":[)"
                            << R"({"kind":"latency","route":"*","rate":0.05,"latencyMs":15},)"
                            << R"({"kind":"throttle","route":"*","rate":0.01,"limit":1,"retryAfterSeconds":1},)"
                            << R"({"kind":"error","route":"*","rate":0.03},)"
                            << R"({"kind":"reset","route":"*","rate":0.02},)"
                            << R"({"kind":"truncate","route":"*","rate":0.02}]})";
        a.push_back("--faults-file");
        a.push_back(file);
    }
    return a;
}

std::string PipelineTrial::writeConfig(std::uint16_t port) const {
    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    const std::string importConfig = R"({"site_id":")" + std::string(kSiteId) + R"(","report_base_url":")" + base +
                                     R"(","site_short_name":")" + kSiteName + R"("})";
    std::ofstream(_config)
        << R"({"authorizations":{"sim":{"provider":"postup","method":"password","label":"PostUp simulator",)"
        << R"("fields":{"username":"api@example.com","password":"${env:POSTUP_PASSWORD}","api_base_url":")" << base << R"(/api"}}},)"
        << R"("jobs":{)"
        << R"("import-1":{"provider":"postup","type":"import","authorization":"sim","schedule":{"interval_seconds":86400},"config":)"
        << importConfig << "},"
        << R"("import-2":{"provider":"postup","type":"import","authorization":"sim","schedule":{"interval_seconds":86400},"config":)"
        << importConfig << "},"
        << R"(")" << kExportJob << R"(":{"provider":"postup","type":"export","authorization":"sim","config":{"audience":"mailable-openers",)"
        << R"("list_title_template":"chaos {audience}","field_mappings":{"pu_open_ct":"Score","emaildomain":"Notes","pu_comment":"Nickname"},)"
        << R"("remove_on_exit":true,"batch_size":10,"flush_interval_ms":100,"import_poll_interval_ms":20}}},)"
        << R"("audiences":{"mailable-openers":{"name":"Openers PostUp may mail",)"
        << R"json("filter":"FILTER AND (EXISTS email, pu_open_ct >= 1, pu_status NOT IN (\"U\", \"H\"))"}}})json";
    return _config;
}

std::int64_t PipelineTrial::exportListId() const {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", Poco::Path(Poco::Path(_home).makeDirectory(), "jobhost.db").toString());
    std::vector<std::string> states;
    std::string job = kExportJob;
    session << "SELECT s.state FROM job_state s JOIN jobs j ON j.id = s.job_id WHERE j.name = ?", use(job), into(states), now;
    if (states.empty()) return 0;
    return Poco::JSON::Parser().parse(states.front()).extract<Poco::JSON::Object::Ptr>()->optValue<Poco::Int64>("listId", 0);
}

void PipelineTrial::changeRecipients(const SimulatorProcess& simulator, const ReferenceRun& reference) const {
    // Through the (faulted) PostUp API like any other client: retried until it lands.
    auto put = [&](std::int64_t id, const std::string& body) {
        for (int attempt = 0; attempt < 50; ++attempt) {
            try {
                if (simulator.call("PUT", "/api/recipient/" + std::to_string(id), body).first == 200) return;
            } catch (const std::exception&) {
                // injected reset or truncation: try again
            }
        }
        throw std::runtime_error("PUT /api/recipient/" + std::to_string(id) + " kept failing");
    };
    for (auto id : reference.leavers) put(id, R"({"status":"U"})");
    for (auto id : reference.changers) put(id, R"({"comment":"changed by chaos"})");
}

PipelineTrial::StepRun PipelineTrial::runStep(std::size_t step, const std::vector<std::string>& arguments, const ReferenceRun* reference,
                                              std::map<std::string, long>* counts, TrialOutcome* outcome) {
    std::vector<std::string> args{"--data-dir", _home, "--plugin-dir", _settings.pluginDir, "--manifest-dir", _settings.manifestDir};
    args.insert(args.end(), arguments.begin(), arguments.end());
    StepRun run;
    bool lastKilled = false;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int attempt = 0; attempt < kMaxRunsPerStep; ++attempt) {
        std::map<std::string, std::string> env{{"JOBHOST_HOME", _home}, {"POSTUP_PASSWORD", "secret"}};
        const std::string countFile = Poco::Path(Poco::Path(_folder).makeDirectory(), "counts.txt").toString();
        if (counts) {
            Poco::File(countFile).createFile();
            std::ofstream(countFile, std::ios::trunc).flush();
            env["JOBHOST_CHAOS_COUNT_TO"] = countFile;
        }
        std::optional<std::int64_t> killAfter;
        std::optional<KillRecord> kill;
        const bool planKill = outcome && reference && _settings.kills &&
                              (attempt == 0 ? unit(_random) < 0.5 : (lastKilled && unit(_random) < 0.3));
        if (planKill) {
            const auto& points = reference->steps.at(step).points;
            std::vector<std::pair<std::string, long>> preferred, any;
            for (const auto& [name, n] : points) {
                if (n <= 0) continue;
                any.emplace_back(name, n);
                if (std::find(requiredPoints().begin(), requiredPoints().end(), name) != requiredPoints().end())
                    preferred.emplace_back(name, n);
            }
            KillRecord k;
            k.step = stepNames().at(step);
            if (!any.empty() && unit(_random) < 0.65) {
                const auto& pool = (!preferred.empty() && unit(_random) < 0.75) ? preferred : any;
                const auto& [name, n] = pool.at(std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(_random));
                const long at = std::uniform_int_distribution<long>(1, n)(_random);
                k.point = name;
                k.detail = ":" + std::to_string(at);
                env["JOBHOST_CHAOS_KILL_AT"] = name + ":" + std::to_string(at);
            } else {
                const std::int64_t span = std::max<std::int64_t>(20, reference->steps.at(step).durationMs * 11 / 10);
                killAfter = std::uniform_int_distribution<std::int64_t>(0, span)(_random);
                k.point = "random-time";
                k.detail = "@" + std::to_string(*killAfter) + "ms";
            }
            kill = k;
        }
        {
            std::ofstream(_log, std::ios::app) << "\n=== " << stepNames().at(step) << " attempt " << attempt + 1
                                               << (kill ? " kill " + kill->point + kill->detail : std::string()) << "\n";
        }
        const ChildProcess::Result r = ChildProcess::run(_settings.jobhost, args, env, _log, killAfter);
        run.elapsedMs += r.elapsedMs;
        if (counts) for (const auto& [name, n] : readCounts(countFile)) (*counts)[name] += n;
        if (kill) {
            kill->hit = r.sigkilled();
            outcome->kills.push_back(*kill);
        }
        lastKilled = r.sigkilled();
        if (r.sigkilled()) continue;
        if (!r.exitedOk()) {
            if (outcome) ++outcome->failedRuns;
            if (!outcome) throw std::runtime_error("reference step " + stepNames().at(step) + " failed (exit " + std::to_string(r.exitCode) +
                                                   ", signal " + std::to_string(r.signal) + "); see " + _log);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
        }
        if (!isExport(step)) {
            run.ok = true;
            return run;
        }
        // An export step is done when nothing of the job waits in the outbox.
        std::int64_t waiting = 0;
        Poco::Nullable<Poco::Int64> next;
        {
            Poco::Data::SQLite::Connector::registerConnector();
            Poco::Data::Session session("SQLite", Poco::Path(Poco::Path(_home).makeDirectory(), "jobhost.db").toString());
            std::string job = kExportJob;
            Poco::Int64 n = 0;
            session << "SELECT COUNT(*), MIN(available_at) FROM export_outbox WHERE job = ?", use(job), into(n), into(next), now;
            waiting = n;
        }
        if (waiting == 0) {
            run.ok = true;
            return run;
        }
        const std::int64_t waitMs = next.isNull() ? 50 : std::clamp<std::int64_t>(next.value() - wallMs(), 10, 2000);
        std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
    }
    if (outcome)
        outcome->stuck = stepNames().at(step) + " did not succeed in " + std::to_string(kMaxRunsPerStep) + " runs; see " + _log;
    else
        throw std::runtime_error("reference step " + stepNames().at(step) + " did not finish; see " + _log);
    return run;
}

ReferenceRun PipelineTrial::runReference() {
    ReferenceRun ref;
    ref.steps.resize(stepNames().size());
    SimulatorProcess sim(_settings.simulator, simulatorArguments(false),
                         Poco::Path(Poco::Path(_folder).makeDirectory(), "postup-sim.log").toString());
    const std::string config = writeConfig(sim.port());
    auto step = [&](std::size_t i, const std::vector<std::string>& args) {
        ref.steps[i].durationMs = runStep(i, args, nullptr, &ref.steps[i].points, nullptr).elapsedMs;
    };
    step(Apply, {"apply", config});
    step(Import1, {"job", "run", "import-1"});
    step(Export1, {"exports", "run", kExportJob});
    // The export list's mailable members, by recipient id: three leave, two change.
    const std::int64_t listId = exportListId();
    if (listId <= 0) throw std::runtime_error("the reference export created no list; see " + _log);
    auto [status, body] = sim.call("GET", "/_sim/lists/" + std::to_string(listId) + "/members");
    if (status != 200) throw std::runtime_error("GET /_sim/lists/…/members answered " + std::to_string(status));
    auto members = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Array::Ptr>();
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < members->size(); ++i) ids.push_back(members->getObject(static_cast<unsigned>(i))->getValue<Poco::Int64>("recipientId"));
    std::sort(ids.begin(), ids.end());
    if (ids.size() < 8) throw std::runtime_error("the reference audience is too small (" + std::to_string(ids.size()) + " members)");
    ref.leavers.assign(ids.begin(), ids.begin() + 3);
    ref.changers.assign(ids.begin() + 3, ids.begin() + 5);
    changeRecipients(sim, ref);
    step(Import2, {"job", "run", "import-2"});
    step(Export2, {"exports", "run", kExportJob});
    ref.snapshot = PipelineSnapshot::capture(Poco::Path(Poco::Path(_home).makeDirectory(), "jobhost.db").toString(), sim, kSeededLists,
                                             kExportJob);
    return ref;
}

TrialOutcome PipelineTrial::run(const ReferenceRun& reference) {
    TrialOutcome outcome;
    outcome.folder = _folder;
    SimulatorProcess sim(_settings.simulator, simulatorArguments(_settings.faults),
                         Poco::Path(Poco::Path(_folder).makeDirectory(), "postup-sim.log").toString());
    const std::string config = writeConfig(sim.port());
    auto step = [&](std::size_t i, const std::vector<std::string>& args) {
        return runStep(i, args, &reference, nullptr, &outcome).ok;
    };
    bool ok = step(Apply, {"apply", config}) && step(Import1, {"job", "run", "import-1"}) && step(Export1, {"exports", "run", kExportJob});
    if (ok) {
        changeRecipients(sim, reference);
        ok = step(Import2, {"job", "run", "import-2"}) && step(Export2, {"exports", "run", kExportJob});
    }
    try {
        outcome.snapshot = PipelineSnapshot::capture(Poco::Path(Poco::Path(_home).makeDirectory(), "jobhost.db").toString(), sim,
                                                     kSeededLists, kExportJob);
    } catch (const std::exception& e) {
        throw std::runtime_error("cannot read the trial's outcome (" + std::string(e.what()) + ")" +
                                 (outcome.stuck.empty() ? std::string() : "; " + outcome.stuck) + "; see " + _log);
    }
    return outcome;
}

} // namespace jobhost::chaos
