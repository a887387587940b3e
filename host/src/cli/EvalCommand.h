// jobhost host — EvalCommand.h
// `jobhost eval`: evaluates a mapping file or one expression against a JSON event.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Debugging aid for mapping authors. Reads one JSON event object (or an
/// array of them) from --event FILE or stdin, and prints:
///  * with --mapping FILE or --stream NAME: the contributions JSON of
///    EventMapper::toJson (all queries of the file when no --stream is given;
///    --stream alone uses the provider manifest's default mapping file);
///  * with --expr TEXT: {"ok": bool, "value": <plain value>} per event.
/// Event values are flattened to strings the way streams store them (numbers
/// and booleans as their JSON text, null dropped). The event time is --time
/// (any date the lenient parser reads), else the current time.
/// Touches no store and loads no plugin code; stateless.
/// Exit 0 on success; 78 with "file:line:col: expected …" for a bad mapping
/// or expression, or a message for an unreadable file / bad event JSON;
/// 64 for a bad combination of options.
class EvalCommand : public Command {
public:
    std::string name() const override { return "eval"; }
    std::string summary() const override { return "evaluate a mapping or expression against a JSON event (stdin)"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
