// jobhost host — AudiencesCommand.h
// `jobhost audiences [SLUG]`: audience definitions, members and recent changes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Without SLUG: one line per defined audience (slug, members, name, filter).
/// With SLUG: the definition, whether it depends on the clock, member count,
/// the exports subscribed to it with their waiting outbox rows, and the most
/// recent enters/exits (--limit N, default 20). Read-only: membership is
/// kept current by `jobhost profiles update` and the runtime. Exit 0; 78
/// when SLUG is not defined.
class AudiencesCommand : public Command {
public:
    std::string name() const override { return "audiences"; }
    std::string summary() const override { return "audience definitions, member counts and recent enters/exits"; }
    std::string usage() const override { return "[SLUG]"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
