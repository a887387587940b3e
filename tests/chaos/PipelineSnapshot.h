// PipelineSnapshot.h — jobhost chaos harness: what one pipeline run left behind, in comparable form.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace jobhost::chaos {

class SimulatorProcess;

/// The outcome of one pipeline run, free of ids and timestamps that may
/// legitimately differ between runs (recipient snapshot times become
/// "<snapshot n>", the simulator port "PORT"): the store's stream records, profiles
/// (keyed by their identities, JSON byte for byte), memberships (by identity
/// key), config rows, outbox and dead-letter counts; and PostUp's side from
/// the simulator's ground truth: the export list's members with statuses,
/// every row POST /import received (with the template type), and how many
/// lists were created. Plain value type.
struct PipelineSnapshot {
    std::map<std::string, int> streamRecords;          ///< "stream|natural key|fields" → count
    std::map<std::string, std::string> profiles;       ///< identity key → profile JSON
    std::set<std::string> memberships;                 ///< "audience|identity key"
    std::map<std::string, std::string> config;         ///< "job NAME" / "authorization NAME" / "audience SLUG" → row
    std::map<std::string, std::string> listMembers;    ///< lower-case address → "listStatus/globalStatus"
    std::map<std::string, int> importRows;             ///< "template type|row" → times received
    int createdLists = 0;
    std::int64_t outboxLeft = 0;
    std::int64_t deadLetters = 0;

    /// Reads the store file and the simulator. `seededLists` is the number of
    /// lists the simulator started with; `exportJob` names the export job
    /// whose state holds the list id. Throws on unreadable sources.
    static PipelineSnapshot capture(const std::string& storeFile, const SimulatorProcess& simulator, int seededLists,
                                    const std::string& exportJob);
};

} // namespace jobhost::chaos
