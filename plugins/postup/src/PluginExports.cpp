// jobhost postup plugin — PluginExports.cpp
// The only translation unit that exports symbols from postup.so.
// SPDX-License-Identifier: Apache-2.0
#include "PostupPlugin.h"
#include "jobhost/sdk/Exports.h"

// Name and version must equal manifests/postup.json.
JOBHOST_PLUGIN(jobhost::plugins::postup::PostupPlugin, "postup", "0.1.0")
