// jobhost postup plugin — ExportConfig.h
// The export job's settings, read from the validated config and credentials.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jobhost/sdk/JobContext.h"

namespace jobhost::plugins::postup {

/// Settings of one export job (manifest job type "export"). Plain value;
/// built at the start of every prepare()/deliver() call from the context.
struct ExportConfig {
    std::string audience;                      ///< audience slug
    std::optional<std::int64_t> listId;        ///< configured list; empty = find/create by title
    std::string listTitleTemplate = "{host} + {audience}";
    std::string emailField = "email";
    /// (profile field, PostUp field) pairs, sorted by profile field name so
    /// the template's column order is stable across runs.
    std::vector<std::pair<std::string, std::string>> fieldMappings;
    bool removeOnExit = false;
    bool backfill = true;
    int batchSize = 1000;
    std::int64_t flushIntervalMs = 5000;
    std::int64_t importPollIntervalMs = 1000;
    std::string apiBaseUrl = "https://api.postup.com/api";
    std::string username;
    std::string password;

    /// Reads the job config (a JSON object text; defaults are applied here
    /// too) and the credentials. The job's api_base_url wins over the
    /// credentials' one. Throws std::invalid_argument naming the key when a
    /// value is missing or of the wrong type; never mentions the password.
    static ExportConfig fromJson(const std::string& configJson, const sdk::Credentials& credentials);

    /// The list title for `hostName`: list_title_template with every
    /// "{host}" replaced by the host name and every "{audience}" by the slug.
    std::string listTitle(const std::string& hostName) const;
};

} // namespace jobhost::plugins::postup
