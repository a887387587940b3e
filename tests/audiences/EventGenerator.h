// EventGenerator.h — jobhost audiences tests: deterministic synthetic PostUp stream events.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Value.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

// Generates postup_users and postup_activity events for `recipients`
// recipients with stitching (activity rows carrying only an external id,
// later rows joining it to a recipient id and an email) and conflicts (an
// email that belongs to another recipient). Same seed → same events.
struct GeneratedEvent {
    std::string stream;
    std::map<std::string, std::string> fields;
    jobhost::host::lql::TimeMs time;
    std::string naturalKey;
};

class EventGenerator {
public:
    static std::vector<GeneratedEvent> generate(std::size_t recipients, std::size_t activityPerRecipient,
                                                std::uint32_t seed);
};
