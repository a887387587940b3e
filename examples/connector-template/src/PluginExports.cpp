// examples/connector-template — PluginExports.cpp
// The only file that exports the plugin's entry points (name = manifest "name").
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/sdk/Exports.h"

#include "TemplatePlugin.h"

JOBHOST_PLUGIN(connector_template::TemplatePlugin, "template", "0.1.0")
