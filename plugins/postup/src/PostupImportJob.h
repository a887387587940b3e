// jobhost postup plugin — PostupImportJob.h
// The "import" job type: recipients (every 24 h) and recent activity.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/ImportJob.h"

namespace jobhost::plugins::postup {

class PostupException;

/// One run of the PostUp import (design §6, issue 5). A cycle has two parts
/// that run at the same time, each on its own threads:
///   * the recipient snapshot, when more than recipient_interval_hours have
///     passed since the last completed one (ImportState, context clock):
///     UserImporter → postup_users;
///   * the activity pass: ActivityImporter → postup_activity.
/// Their requests share the context's transport, so the credential's rate
/// limit covers both. Each part checkpoints its progress; a run that ends
/// early (crash, cancel, Retry) resumes the unfinished parts where they
/// stopped, and one part's failure does not stop the other.
///
/// Before either phase the site is checked with GET /site when the user may
/// read it: a site_id that differs from the site's GUID is Fail(Config).
///
/// Outcomes: Ok when idle again; Retry on transport errors, 429, 5xx (after
/// the transport's retries), an unusable 2xx body, a cut-off report, a
/// refused checkpoint or cancellation; Fail(Auth) on 401 ("PostUp rejected
/// the username or password …") and 403 naming the operation; Fail(Config)
/// on an invalid config, a wrong site_id / site_short_name / report URL;
/// Fail(Data) on an unreadable stored state; Fail(Remote) on other 4xx.
///
/// When both parts fail, a Fail outcome wins over a Retry, then the
/// recipient part's. Ownership: stateless between runs (everything durable
/// is in the host's state). Thread-safety: run() is called once per object;
/// it starts its own worker threads and joins them before returning. Never
/// throws.
class PostupImportJob : public sdk::ImportJob {
public:
    sdk::Outcome run(sdk::ImportContext& context) override;

    /// The Outcome a client failure maps to (see above).
    /// Public so the mapping is testable without a server.
    static sdk::Outcome outcomeFor(const PostupException& error);
};

} // namespace jobhost::plugins::postup
