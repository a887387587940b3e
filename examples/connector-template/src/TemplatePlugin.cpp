// examples/connector-template — TemplatePlugin.cpp
// SPDX-License-Identifier: Apache-2.0
#include "TemplatePlugin.h"

#include "EchoImportJob.h"
#include "TokenAuthorization.h"

namespace connector_template {

std::unique_ptr<jobhost::sdk::Authorization> TemplatePlugin::createAuthorization(const std::string& method) {
    if (method == "token") return std::make_unique<TokenAuthorization>();
    return nullptr;
}

std::unique_ptr<jobhost::sdk::ImportJob> TemplatePlugin::createImportJob(const std::string& jobType) {
    if (jobType == "echo") return std::make_unique<EchoImportJob>();
    return nullptr;
}

std::unique_ptr<jobhost::sdk::ExportJob> TemplatePlugin::createExportJob(const std::string&) { return nullptr; }

} // namespace connector_template
