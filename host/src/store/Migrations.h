// jobhost host — Migrations.h
// The ordered list of schema migrations this binary knows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "store/Migration.h"

namespace jobhost::host {

/// The store's schema history. To change the schema, append a Migration with
/// the next version number in Migrations.cpp (later issues add profiles,
/// audiences and outbox tables this way). Stateless; thread-safe.
class Migrations {
public:
    /// Every migration, ordered by version (1..latest(), no gaps).
    static const std::vector<Migration>& all();
    /// The highest version this binary knows.
    static int latest();
};

} // namespace jobhost::host
