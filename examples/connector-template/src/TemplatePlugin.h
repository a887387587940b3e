// examples/connector-template — TemplatePlugin.h
// The plugin object: factories for the manifest's auth methods and job types.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/Plugin.h"

namespace connector_template {

/// Creates TokenAuthorization for "token" and EchoImportJob for "echo";
/// nullptr for any other name (the host reports it). Never throws.
class TemplatePlugin final : public jobhost::sdk::Plugin {
public:
    std::unique_ptr<jobhost::sdk::Authorization> createAuthorization(const std::string& method) override;
    std::unique_ptr<jobhost::sdk::ImportJob> createImportJob(const std::string& jobType) override;
    std::unique_ptr<jobhost::sdk::ExportJob> createExportJob(const std::string& jobType) override;
};

} // namespace connector_template
