// SampleProfileStore.h — a store filled with generated profiles for the listing and export tests.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "profiles/Profile.h"

namespace jobhost::tests::e2e {

/// Writes `count` generated profiles (ids 1..count, each with an email
/// identity key) straight into the store file of a data folder, plus
/// `merged` extra ids merged into earlier profiles (they must never be
/// listed), and defines audience `audienceSlug` whose members are the ids
/// with id % 10 == 1. Every profile holds strings (some with commas, quotes,
/// line breaks and non-ASCII letters), an int, a number, a bool, a date, a
/// string set and an int map; every tenth lacks first_name. profile(i) gives
/// the same profile again, so a test keeps nothing but the count. Throws
/// whatever the store throws.
class SampleProfileStore {
public:
    static host::profiles::Profile profile(std::int64_t id);
    static std::string email(std::int64_t id);

    static void fill(const std::string& dataDirectory, std::int64_t count, std::int64_t merged, const std::string& audienceSlug);
};

} // namespace jobhost::tests::e2e
