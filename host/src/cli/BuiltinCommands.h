// jobhost host — BuiltinCommands.h
// The list of verbs the jobhost executable offers.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <vector>

#include "cli/Command.h"

namespace jobhost::host {

/// One instance of every built-in verb, in help order. Add a verb here.
std::vector<std::unique_ptr<Command>> builtinCommands();

} // namespace jobhost::host
