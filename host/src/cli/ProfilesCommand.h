// jobhost host — ProfilesCommand.h
// `jobhost profiles [status|update|rebuild|show]`: the profile store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Sub-commands (positional):
///  * status (default): profile and identity counts, builder offsets against
///    each stream's head, whether a rebuild is due or in progress;
///  * update: applies audience definition changes, builds new stream events
///    into profiles and re-evaluates clock-based audiences (what the runtime
///    does after each import);
///  * rebuild: clears and replays every profile from the streams (after a
///    mapping change); memberships carry over, only real differences emit
///    enter/exit;
///  * show --email X | --id N | --key FIELD=VALUE [--meta]: prints the
///    profile as plain JSON (with --meta: id, identity keys, memberships);
///  * list [--audience SLUG] [--limit N] [--after CURSOR]: one page of
///    profiles in id order (id, email, last update, field count); when more
///    follow, stderr names the command for the next page (keyset cursor:
///    stable while the store changes);
///  * export [--format jsonl|csv] [--audience SLUG] [--fields a,b]: every
///    profile to stdout, one page in memory at a time, from one snapshot
///    (ProfileExporter).
/// Opens the store in the data directory (creating it when absent) and reads
/// the mapping files the provider manifests declare; runs no plugin code.
/// Exit 0; 78 for an unknown profile or audience, a bad mapping or a store problem
/// (message names the file); 64 for bad usage.
class ProfilesCommand : public Command {
public:
    std::string name() const override { return "profiles"; }
    std::string summary() const override { return "profile store: status, update, rebuild, show, list, export"; }
    std::string usage() const override { return "[status|update|rebuild|show|list|export]"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
