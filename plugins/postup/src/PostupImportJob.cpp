// jobhost postup plugin — PostupImportJob.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupImportJob.h"

#include <functional>
#include <system_error>
#include <thread>

#include <Poco/String.h>

#include "ActivityImporter.h"
#include "ImportConfig.h"
#include "ImportState.h"
#include "StateKeeper.h"
#include "UserImporter.h"
#include "client/PostupClient.h"
#include "client/PostupException.h"

namespace jobhost::plugins::postup {
namespace {

constexpr std::int64_t kHourMs = 3600000;

sdk::Outcome phaseOutcome(PhaseResult result, const char* phase) {
    if (result == PhaseResult::Cancelled) return sdk::Outcome::retry(std::string("cancelled during the ") + phase + " phase; resumes at the last checkpoint");
    return sdk::Outcome::retry(std::string("the store refused a checkpoint during the ") + phase + " phase");
}

/// Runs one part of the cycle (on any thread) and turns whatever ends it
/// into an Outcome, logged with the part's name when it is not Ok.
sdk::Outcome runPart(sdk::ImportContext& context, const char* name, const std::function<sdk::Outcome()>& body) {
    sdk::Outcome outcome;
    try {
        outcome = body();
    } catch (const PostupException& e) {
        outcome = PostupImportJob::outcomeFor(e);
    } catch (const std::exception& e) {
        outcome = sdk::Outcome::fail(sdk::FailureClass::Remote, std::string("internal error in the PostUp plugin: ") + e.what());
    } catch (...) {
        outcome = sdk::Outcome::fail(sdk::FailureClass::Remote, "internal error in the PostUp plugin");
    }
    if (!outcome.isOk())
        context.logger().log(outcome.status == sdk::OutcomeStatus::Retry ? sdk::LogLevel::Warning : sdk::LogLevel::Error,
                             std::string(name) + " phase: " + outcome.message);
    return outcome;
}

} // namespace

sdk::Outcome PostupImportJob::outcomeFor(const PostupException& e) {
    using sdk::FailureClass;
    using sdk::Outcome;
    const std::string lowered = Poco::toLower(e.message());
    switch (e.kind()) {
    case ApiErrorKind::Transport:
    case ApiErrorKind::Server:
    case ApiErrorKind::BadResponse:
        return Outcome::retry(std::string("PostUp: ") + e.what());
    case ApiErrorKind::Throttled:
        return Outcome::retry(std::string("PostUp: ") + e.what(), e.retryAfterMs());
    case ApiErrorKind::BadCredentials:
        if (lowered.find("locked") != std::string::npos)
            return Outcome::fail(FailureClass::Auth, "PostUp account locked after repeated failed logins (HTTP 401: " +
                                                         e.message() + "); wait for the lockout to end, then check the password");
        return Outcome::fail(FailureClass::Auth, "PostUp rejected the username or password (HTTP 401: " + e.message() + ")");
    case ApiErrorKind::Forbidden:
        if (e.field() == "siteID" || lowered.find("siteid") != std::string::npos)
            return Outcome::fail(FailureClass::Config, "PostUp refused the report download: site_id does not match the site (HTTP 403: " +
                                                           e.message() + "); check the job's site_id");
        return Outcome::fail(FailureClass::Auth, "PostUp user lacks the privilege to " +
                                                     (e.operation().empty() ? std::string("perform this operation") : e.operation()) +
                                                     " (HTTP 403); ask the PostUp site administrator to grant it");
    case ApiErrorKind::NotFound:
        if (lowered.find("site") != std::string::npos)
            return Outcome::fail(FailureClass::Config, "PostUp report host does not know the site (HTTP 404: " + e.message() +
                                                           "); check report_url (or site_short_name and report_base_url)");
        return Outcome::fail(FailureClass::Remote, std::string("PostUp: ") + e.what());
    case ApiErrorKind::BadRequest:
        if (e.field() == "siteID" || e.field() == "mailingID" || e.field() == "type")
            return Outcome::fail(FailureClass::Config, "PostUp refused the report request (HTTP " + std::to_string(e.httpStatus()) +
                                                           ": " + e.message() + "); check site_id");
        return Outcome::fail(FailureClass::Remote, std::string("PostUp: ") + e.what());
    case ApiErrorKind::Conflict:
        return Outcome::fail(FailureClass::Remote, std::string("PostUp: ") + e.what());
    }
    return Outcome::fail(FailureClass::Remote, std::string("PostUp: ") + e.what());
}

sdk::Outcome PostupImportJob::run(sdk::ImportContext& context) {
    using sdk::FailureClass;
    using sdk::Outcome;
    try {
        ImportConfig config;
        try {
            config = ImportConfig::fromJson(context.configJson(), context.credentials());
        } catch (const std::invalid_argument& e) {
            return Outcome::fail(FailureClass::Config, e.what());
        }
        ImportState initial;
        try {
            initial = ImportState::fromJson(context.loadState());
        } catch (const std::invalid_argument& e) {
            return Outcome::fail(FailureClass::Data, std::string(e.what()) + "; reset the job state to start over");
        }
        PostupClient client(context.http(), config.apiBaseUrl, config.username, config.password);

        // The site check: cheap, and it turns a wrong site_id into a config
        // error before any data moves. Users without READ_SITE skip it.
        try {
            const auto site = client.site();
            if (!site.siteId.empty() && Poco::icompare(site.siteId, config.siteId) != 0)
                return Outcome::fail(FailureClass::Config, "job site_id \"" + config.siteId +
                                                               "\" does not match the PostUp site's id \"" + site.siteId + "\"");
        } catch (const PostupException& e) {
            if (e.kind() != ApiErrorKind::Forbidden) throw;
            context.logger().debug("GET /site not permitted; site_id is checked by the first report download");
        }

        StateKeeper keeper(context, initial);
        const std::int64_t now = context.nowMs();
        if (initial.phase == ImportState::Phase::Idle) {
            const std::int64_t intervalMs = static_cast<std::int64_t>(config.recipientIntervalHours) * kHourMs;
            const bool usersDue = initial.lastUsersImportMs == 0 || now - initial.lastUsersImportMs > intervalMs;
            if (!usersDue)
                context.logger().info("recipients imported " + std::to_string((now - initial.lastUsersImportMs) / 60000) +
                                      " min ago (interval " + std::to_string(config.recipientIntervalHours) +
                                      " h); skipping postup_users this run");
            const bool stored = keeper.commit([&](ImportState& s) {
                s.phase = ImportState::Phase::Running;
                s.usersActive = usersDue;
                if (usersDue) {
                    s.usersEpochMs = now;
                    s.usersWatermark = 0;
                }
                s.activityActive = true;
                s.activityAnchorMs = now;
                s.reportsDone.clear();
            });
            if (!stored) return Outcome::retry("the store refused the first checkpoint");
        } else {
            context.logger().info(std::string("resuming the cycle:") + (initial.usersActive ? " recipients" : "") +
                                  (initial.activityActive ? " activity" : ""));
        }

        // The recipient snapshot and the activity pass run at the same time
        // (their requests share the transport and so the credential's rate
        // limit): many small detail calls and a few long report downloads
        // overlap instead of adding up. Each part checkpoints its own
        // progress; see IMPORT.md for why the interleaved commits are safe.
        const ImportState cycle = keeper.snapshot();
        Outcome users = Outcome::ok(), activity = Outcome::ok();
        auto runUsers = [&] {
            users = runPart(context, "users", [&] {
                UserImporter importer(client, config, context, keeper);
                const PhaseResult result = importer.run();
                if (result != PhaseResult::Done) return phaseOutcome(result, "users");
                if (!keeper.commit([&](ImportState& s) {
                        s.lastUsersImportMs = s.usersEpochMs;
                        s.usersActive = false;
                        s.usersWatermark = 0;
                    }))
                    return Outcome::retry("the store refused the checkpoint ending the users phase");
                return Outcome::ok();
            });
        };
        auto runActivity = [&] {
            activity = runPart(context, "activity", [&] {
                ActivityImporter importer(client, config, context, keeper);
                const PhaseResult result = importer.run();
                if (result != PhaseResult::Done) return phaseOutcome(result, "activity");
                if (!keeper.commit([&](ImportState& s) {
                        s.lastActivityImportMs = s.activityAnchorMs;
                        s.activityActive = false;
                        s.reportsDone.clear();
                    }))
                    return Outcome::retry("the store refused the checkpoint ending the activity phase");
                return Outcome::ok();
            });
        };
        std::thread usersThread;
        struct Joiner { // joins even if something below throws: a joinable std::thread must not be destroyed
            std::thread& thread;
            ~Joiner() {
                if (thread.joinable()) thread.join();
            }
        } joiner{usersThread};
        if (cycle.usersActive && cycle.activityActive) {
            try {
                usersThread = std::thread(runUsers);
            } catch (const std::system_error&) {
                runUsers(); // no thread to spare: one after the other
            }
        } else if (cycle.usersActive) {
            runUsers();
        }
        if (cycle.activityActive) runActivity();
        if (usersThread.joinable()) usersThread.join();

        // Neither part stops the other: what one finished stays finished
        // when the other fails. A failure that needs a person (Fail) wins
        // over one that resolves itself (Retry); then the users part's.
        for (const Outcome* part : {&users, &activity})
            if (part->status == sdk::OutcomeStatus::Fail) return *part;
        for (const Outcome* part : {&users, &activity})
            if (part->status == sdk::OutcomeStatus::Retry) return *part;
        if (!keeper.commit([&](ImportState& s) { s.phase = ImportState::Phase::Idle; }))
            return Outcome::retry("the store refused the checkpoint ending the cycle");
        return Outcome::ok();
    } catch (const PostupException& e) {
        const Outcome outcome = outcomeFor(e);
        context.logger().log(outcome.status == sdk::OutcomeStatus::Retry ? sdk::LogLevel::Warning : sdk::LogLevel::Error,
                             outcome.message);
        return outcome;
    } catch (const std::exception& e) {
        context.logger().error(std::string("postup import failed: ") + e.what());
        return Outcome::fail(FailureClass::Remote, std::string("internal error in the PostUp plugin: ") + e.what());
    } catch (...) {
        return Outcome::fail(FailureClass::Remote, "internal error in the PostUp plugin");
    }
}

} // namespace jobhost::plugins::postup
