// SnapshotComparison.cpp — jobhost chaos harness: lost, duplicated and mismatched items between two pipeline snapshots.
// SPDX-License-Identifier: Apache-2.0
#include "SnapshotComparison.h"

#include <set>

namespace jobhost::chaos {
namespace {

std::string excerpt(const std::string& text) { return text.size() > 160 ? text.substr(0, 160) + "…" : text; }

} // namespace

SnapshotComparison SnapshotComparison::compare(const PipelineSnapshot& ref, const PipelineSnapshot& trial) {
    SnapshotComparison c;
    int noted = 0;
    auto note = [&](const std::string& line) {
        if (noted++ < 60) c.notes.push_back(line);
    };
    auto counted = [&](const std::map<std::string, int>& want, const std::map<std::string, int>& got, const std::string& what) {
        std::set<std::string> keys;
        for (const auto& [k, n] : want) keys.insert(k);
        for (const auto& [k, n] : got) keys.insert(k);
        for (const auto& k : keys) {
            const auto w = want.count(k) ? want.at(k) : 0;
            const auto g = got.count(k) ? got.at(k) : 0;
            if (g < w) {
                c.lost += w - g;
                note("lost " + what + " (" + std::to_string(g) + " of " + std::to_string(w) + "): " + excerpt(k));
            } else if (g > w) {
                c.duplicated += g - w;
                note("duplicated " + what + " (" + std::to_string(g) + " instead of " + std::to_string(w) + "): " + excerpt(k));
            }
        }
    };
    counted(ref.streamRecords, trial.streamRecords, "stream record");
    counted(ref.importRows, trial.importRows, "POST /import row");

    auto keyed = [&](const std::map<std::string, std::string>& want, const std::map<std::string, std::string>& got,
                     const std::string& what, bool extraIsDuplicate) {
        for (const auto& [k, v] : want) {
            auto it = got.find(k);
            if (it == got.end()) {
                ++c.lost;
                note("lost " + what + ": " + excerpt(k));
            } else if (it->second != v) {
                ++c.mismatched;
                note("mismatched " + what + " " + excerpt(k) + ": want " + excerpt(v) + ", got " + excerpt(it->second));
            }
        }
        for (const auto& [k, v] : got)
            if (!want.count(k)) {
                if (extraIsDuplicate) ++c.duplicated;
                else ++c.mismatched;
                note(std::string(extraIsDuplicate ? "duplicated " : "unexpected ") + what + ": " + excerpt(k));
            }
    };
    keyed(ref.profiles, trial.profiles, "profile", true);
    keyed(ref.listMembers, trial.listMembers, "PostUp list member", true);
    keyed(ref.config, trial.config, "config row", false);

    for (const auto& m : ref.memberships)
        if (!trial.memberships.count(m)) {
            ++c.mismatched;
            note("missing membership: " + excerpt(m));
        }
    for (const auto& m : trial.memberships)
        if (!ref.memberships.count(m)) {
            ++c.mismatched;
            note("unexpected membership: " + excerpt(m));
        }
    if (trial.createdLists > ref.createdLists) {
        c.duplicated += trial.createdLists - ref.createdLists;
        note("duplicated PostUp list: " + std::to_string(trial.createdLists) + " created instead of " + std::to_string(ref.createdLists));
    } else if (trial.createdLists < ref.createdLists) {
        c.lost += ref.createdLists - trial.createdLists;
        note("lost PostUp list: " + std::to_string(trial.createdLists) + " created instead of " + std::to_string(ref.createdLists));
    }
    if (trial.outboxLeft > 0) {
        c.lost += trial.outboxLeft;
        note("lost: " + std::to_string(trial.outboxLeft) + " outbox changes never delivered");
    }
    if (trial.deadLetters > ref.deadLetters) {
        c.lost += trial.deadLetters - ref.deadLetters;
        note("lost: " + std::to_string(trial.deadLetters - ref.deadLetters) + " more dead letters than the reference");
    }
    return c;
}

} // namespace jobhost::chaos
