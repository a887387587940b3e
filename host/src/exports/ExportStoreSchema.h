// jobhost host — ExportStoreSchema.h
// The DDL of the export runner's tables (dead letters, per-job status).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host::exports {

/// Statements of store migration 4. Stateless; thread-safe; never throws.
class ExportStoreSchema {
public:
    static const std::vector<std::string>& statements();
};

} // namespace jobhost::host::exports
