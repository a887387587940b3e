// jobhost SDK — Sdk.h
// Umbrella header: everything a connector needs. SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sdk/Abi.h"
#include "jobhost/sdk/Authorization.h"
#include "jobhost/sdk/ExportJob.h"
#include "jobhost/sdk/HttpTransport.h"
#include "jobhost/sdk/ImportJob.h"
#include "jobhost/sdk/JobContext.h"
#include "jobhost/sdk/Logger.h"
#include "jobhost/sdk/Outcome.h"
#include "jobhost/sdk/Plugin.h"
#include "jobhost/sdk/PluginInfo.h"
#include "jobhost/sdk/Record.h"
