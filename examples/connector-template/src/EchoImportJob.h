// examples/connector-template — EchoImportJob.h
// The "echo" import: emits `count` records into template_events.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/ImportJob.h"

namespace connector_template {

/// State: the number of records emitted so far, so a crashed run resumes
/// after the last checkpoint. Returns Retry when the store refuses a
/// checkpoint; never throws (bad config → Outcome::fail).
class EchoImportJob final : public jobhost::sdk::ImportJob {
public:
    jobhost::sdk::Outcome run(jobhost::sdk::ImportContext& context) override;
};

} // namespace connector_template
