// jobhost postup plugin — PostupPlugin.h
// The plugin object: factories for the PostUp roles.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/Plugin.h"

namespace jobhost::plugins::postup {

/// Role factories by manifest name: authorization "password", import job
/// "import", export job "export"; other names give nullptr.
/// Stateless; thread-safe; never throws (returns nullptr on failure).
class PostupPlugin : public sdk::Plugin {
public:
    std::unique_ptr<sdk::Authorization> createAuthorization(const std::string& method) override;
    std::unique_ptr<sdk::ImportJob> createImportJob(const std::string& jobType) override;
    std::unique_ptr<sdk::ExportJob> createExportJob(const std::string& jobType) override;
};

} // namespace jobhost::plugins::postup
