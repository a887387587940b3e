// PipelineTrial.h — jobhost chaos harness: one run of the whole pipeline, undisturbed or with SIGKILLs and faults.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ChaosSettings.h"
#include "PipelineSnapshot.h"

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace jobhost::chaos {

/// What the undisturbed reference run learned: its snapshot, per step the
/// chaos points it passed (and how often) and how long the step took, and
/// the recipients it chose to change in PostUp between the two imports.
struct ReferenceRun {
    struct Step {
        std::map<std::string, long> points;
        std::int64_t durationMs = 0;
    };
    PipelineSnapshot snapshot;
    std::vector<Step> steps;
    std::vector<std::int64_t> leavers;  ///< recipients set to global status U (they leave the audience)
    std::vector<std::int64_t> changers; ///< recipients whose comment changes (an update of a mapped field)
};

/// One kill the trial planned, and whether it landed.
struct KillRecord {
    std::string step;
    std::string point; ///< chaos point name, or "random-time"
    std::string detail;///< ":n" or "@123ms"
    bool hit = false;  ///< the process died there (false: it finished first)
};

/// The result of one trial.
struct TrialOutcome {
    PipelineSnapshot snapshot;
    std::vector<KillRecord> kills;
    int failedRuns = 0;        ///< jobhost runs that exited non-zero without a kill (faults), then re-run
    std::string stuck;         ///< non-empty when a step never succeeded
    std::string folder;        ///< where the trial's data and logs are
};

/// Runs the pipeline — apply (migrations + config), import, profiles and
/// audience (inside `job run`), export with remove_on_exit, PostUp-side
/// changes, a second import (exits and updates), export again — against a
/// fresh postup-sim and a fresh data folder. Every step is `jobhost …` as a
/// child process; a killed or failed step is run again until it exits 0
/// (export steps until the outbox is empty). Owns its trial folder.
/// Failure: throws std::runtime_error when the harness itself cannot work
/// (simulator does not start, store unreadable).
class PipelineTrial {
public:
    PipelineTrial(const ChaosSettings& settings, std::uint64_t seed);

    /// No faults, no kills; counts the chaos points of every step.
    ReferenceRun runReference();
    /// Faults (settings.faults) and kills (settings.kills) planned from `seed`.
    TrialOutcome run(const ReferenceRun& reference);

    /// A simulator "now" (epoch seconds, at or before the wall clock) that
    /// keeps every seeded mailing at least 3 h away from the import's 90-day
    /// window edge, so a long run does not see a mailing leave the window.
    /// Uses `folder` for a scratch simulator.
    static std::int64_t chooseAnchor(const ChaosSettings& settings, const std::string& folder);

    static const std::vector<std::string>& stepNames();
    /// The points the brief names (mid-page, between emit and checkpoint, …), preferred when planning.
    static const std::vector<std::string>& requiredPoints();

private:
    struct StepRun;
    static std::vector<std::string> dataArguments(const ChaosSettings& settings, std::int64_t anchor);
    std::vector<std::string> simulatorArguments(bool faults) const;
    std::string writeConfig(std::uint16_t port) const;
    StepRun runStep(std::size_t step, const std::vector<std::string>& arguments, const ReferenceRun* reference,
                    std::map<std::string, long>* counts, TrialOutcome* outcome);
    std::int64_t exportListId() const;
    void changeRecipients(const class SimulatorProcess& simulator, const ReferenceRun& reference) const;

    const ChaosSettings& _settings;
    std::uint64_t _seed;
    std::mt19937_64 _random;
    std::string _folder;
    std::string _home;
    std::string _config;
    std::string _log;
};

} // namespace jobhost::chaos
