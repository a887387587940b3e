// jobhost exports tests — ExportSubsystemTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ExportSubsystemTest.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <thread>

#include <Poco/Data/Session.h>

#include "TestSupport.h"
#include "export/ExportState.h"
#include "export/PostupExportJob.h"
#include "exports/ExportSubsystem.h"
#include "store/JobRepository.h"
#include "support/ExportHarness.h"

namespace jobhost::host::exports::test {
namespace {

std::string config(const std::string& extra = "") {
    return R"({"audience":"engaged","import_poll_interval_ms":10,"backfill":false,"flush_interval_ms":100)" +
           (extra.empty() ? "" : "," + extra) + "}";
}

std::string email(int i) { return "user" + std::to_string(i) + "@serve.example.com"; }

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// Polls `condition` every 20 ms for up to 30 s (generous for loaded CI
/// machines; a passing run returns as soon as it holds).
bool eventually(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
}

/// Collects the subsystem's report lines (called from several threads).
class Reports {
public:
    void add(const std::string& line) {
        std::lock_guard<std::mutex> lock(_mutex);
        _lines.push_back(line);
    }
    bool contains(const std::string& text) const {
        std::lock_guard<std::mutex> lock(_mutex);
        for (const auto& line : _lines)
            if (line.find(text) != std::string::npos) return true;
        return false;
    }

private:
    mutable std::mutex _mutex;
    std::vector<std::string> _lines;
};

ExportSubsystem::RunnerOptionsFactory postupRunners() {
    return [](const std::string&) {
        ExportRunner::Options o;
        o.pJob = std::make_shared<plugins::postup::PostupExportJob>();
        return o;
    };
}

std::int64_t listOf(ExportHarness& h, const std::string& job) {
    Poco::Data::Session session = h.store().openSession();
    JobRepository jobs(session);
    return plugins::postup::ExportState::parse(jobs.loadState(jobs.get(job).id).value_or("")).listId;
}

/// Rewrites the job through the repository the way apply / the console do.
void editJob(ExportHarness& h, const std::string& name, const std::function<void(JobRecord&)>& edit) {
    Poco::Data::Session session = h.store().openSession();
    JobRepository jobs(session);
    JobRecord job = jobs.get(name);
    edit(job);
    job.updatedAt += 1;
    jobs.update(job);
}

} // namespace

void ExportSubsystemTest::setUp() {
    sim::SimulatorOptions o;
    o.recipients = 10;
    o.lists = 2;
    o.campaigns = 0;
    o.importDelayMs = 10;
    o.lockoutThreshold = 0;
    _pSim = std::make_unique<sim::SimulatorServer>(o);
    _pSim->start();
}

void ExportSubsystemTest::tearDown() { _pSim.reset(); }

void ExportSubsystemTest::testFollowsPauseResumeAndRedefinition() {
    ExportHarness h(_pSim->apiBaseUrl(), config());
    Reports reports;
    ExportSubsystem subsystem(h.services(), [&](const std::string& line) { reports.add(line); }, 50, 50, postupRunners());
    subsystem.start();
    CPPUNIT_ASSERT(subsystem.jobs() == std::vector<std::string>{ExportHarness::jobName()});

    for (int i = 1; i <= 3; ++i) h.enqueue(i, "enter", {{"email", email(i)}}, nowMs());
    CPPUNIT_ASSERT_MESSAGE("the served runner delivers the outbox", eventually([&] {
        const auto list = listOf(h, ExportHarness::jobName());
        return list > 0 && normalMembers(*_pSim, list).size() == 3;
    }));
    const std::int64_t list = listOf(h, ExportHarness::jobName());

    // Pause (what the console's pause does): the runner stops, changes wait.
    editJob(h, ExportHarness::jobName(), [](JobRecord& job) { job.enabled = false; });
    CPPUNIT_ASSERT_MESSAGE("a paused job loses its runner", eventually([&] { return subsystem.jobs().empty(); }));
    CPPUNIT_ASSERT(reports.contains("sync stopped (paused, disabled or removed)"));
    h.enqueue(4, "enter", {{"email", email(4)}}, nowMs());
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), normalMembers(*_pSim, list).size()); // nobody delivers while paused

    // Resume: a runner again, and the waiting change arrives.
    editJob(h, ExportHarness::jobName(), [](JobRecord& job) { job.enabled = true; });
    CPPUNIT_ASSERT_MESSAGE("a resumed job gets a runner", eventually([&] { return subsystem.jobs().size() == 1; }));
    CPPUNIT_ASSERT_MESSAGE("the change queued while paused is delivered",
                           eventually([&] { return normalMembers(*_pSim, list).count(email(4)) == 1; }));

    // Redefinition (apply with a new config): the runner restarts with it.
    editJob(h, ExportHarness::jobName(), [](JobRecord& job) { job.configJson = config(R"("batch_size":7)"); });
    CPPUNIT_ASSERT_MESSAGE("a redefined job's runner restarts with the new definition",
                           eventually([&] { return reports.contains("sync started (batch 7,"); }));
    CPPUNIT_ASSERT(reports.contains("sync changed; restarting its runner"));
    h.enqueue(5, "enter", {{"email", email(5)}}, nowMs());
    CPPUNIT_ASSERT(eventually([&] { return normalMembers(*_pSim, list).count(email(5)) == 1; }));

    subsystem.stop();
    CPPUNIT_ASSERT(subsystem.jobs().empty());
}

void ExportSubsystemTest::testPicksUpJobAddedWhileServing() {
    ExportHarness h(_pSim->apiBaseUrl(), config());
    // Start serving with the export job disabled: nothing to drive.
    editJob(h, ExportHarness::jobName(), [](JobRecord& job) { job.enabled = false; });
    Reports reports;
    ExportSubsystem subsystem(h.services(), [&](const std::string& line) { reports.add(line); }, 50, 50, postupRunners());
    subsystem.start();
    CPPUNIT_ASSERT(subsystem.jobs().empty());

    // A second export job appears (apply while serving) next to the disabled one.
    {
        Poco::Data::Session session = h.store().openSession();
        JobRepository jobs(session);
        JobRecord added = jobs.get(ExportHarness::jobName());
        added.id = 0;
        added.name = "sync-added";
        added.enabled = true;
        jobs.insert(added);
    }
    CPPUNIT_ASSERT_MESSAGE("an export job added while serving gets a runner",
                           eventually([&] { return subsystem.jobs() == std::vector<std::string>{"sync-added"}; }));
    CPPUNIT_ASSERT(eventually([&] { return reports.contains("sync-added started"); }));
    subsystem.stop();
}

} // namespace jobhost::host::exports::test
