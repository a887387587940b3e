// jobhost postup plugin — PostupPlugin.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupPlugin.h"

#include <new>

#include "PostupAuthorization.h"
#include "PostupImportJob.h"
#include "export/PostupExportJob.h"

namespace jobhost::plugins::postup {

std::unique_ptr<sdk::Authorization> PostupPlugin::createAuthorization(const std::string& method) {
    if (method != "password") return nullptr;
    return std::unique_ptr<sdk::Authorization>(new (std::nothrow) PostupAuthorization());
}

std::unique_ptr<sdk::ImportJob> PostupPlugin::createImportJob(const std::string& jobType) {
    if (jobType != "import") return nullptr;
    return std::unique_ptr<sdk::ImportJob>(new (std::nothrow) PostupImportJob());
}

std::unique_ptr<sdk::ExportJob> PostupPlugin::createExportJob(const std::string& jobType) {
    if (jobType != "export") return nullptr;
    return std::unique_ptr<sdk::ExportJob>(new (std::nothrow) PostupExportJob());
}

} // namespace jobhost::plugins::postup
