// jobhost host — CommandHelp.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/CommandHelp.h"

#include <sstream>

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

namespace jobhost::host {
namespace {

bool isWord(const std::string& token) {
    if (token.empty()) return false;
    for (char c : token)
        if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
    return token.front() != '-';
}

std::vector<std::string> subcommandsOf(const std::string& usage) {
    std::vector<std::string> words;
    std::string cleaned;
    for (char c : usage) cleaned.push_back(c == '[' || c == ']' || c == '(' || c == ')' ? ' ' : c);
    std::istringstream alternatives(cleaned);
    std::string alternative;
    while (std::getline(alternatives, alternative, '|')) {
        std::istringstream tokens(alternative);
        std::string first;
        tokens >> first;
        if (isWord(first)) words.push_back(first); // "--all", "FILE", "JOB" are not sub-verbs
    }
    return words;
}

} // namespace

CommandHelp CommandHelp::of(Command& command) {
    CommandHelp help;
    help.name = command.name();
    help.summary = command.summary();
    help.usage = command.usage();
    help.subcommands = subcommandsOf(help.usage);
    Poco::Util::OptionSet options;
    options.addOption(Poco::Util::Option("help", "h", "show this help"));
    command.defineOptions(options);
    for (const auto& o : options)
        help.options.push_back({o.fullName(), o.shortName(), o.takesArgument() ? o.argumentName() : "", o.description()});
    return help;
}

} // namespace jobhost::host
