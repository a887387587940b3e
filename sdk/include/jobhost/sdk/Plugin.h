// jobhost SDK — Plugin.h
// The object a plugin library creates: factories for its roles.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include <boost/config.hpp>

#include "jobhost/sdk/Authorization.h"
#include "jobhost/sdk/ExportJob.h"
#include "jobhost/sdk/ImportJob.h"

namespace jobhost::sdk {

/// Created once per loaded library through the jobhost_create_plugin alias.
/// Factories take the names the manifest declares (auth method names, job
/// types) and return nullptr for an unknown name. They must not throw.
/// Objects they return are owned by the caller and must be destroyed before
/// the Plugin and before the library unloads (the host guarantees this by
/// holding the library in every object's deleter). Factories may be called
/// from several threads; objects they return are used by one thread at a time.
class BOOST_SYMBOL_VISIBLE Plugin {
public:
    virtual ~Plugin() = default;
    virtual std::unique_ptr<Authorization> createAuthorization(const std::string& method) = 0;
    virtual std::unique_ptr<ImportJob> createImportJob(const std::string& jobType) = 0;
    virtual std::unique_ptr<ExportJob> createExportJob(const std::string& jobType) = 0;
};

} // namespace jobhost::sdk
