// jobhost host — ConsoleServices.h
// The host services the console's handlers work on.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host {

class AuthorizationTester;
class ConsoleToken;
class JobControl;
class MetricsSource;
class PluginRegistry;
class RunProgressBoard;
class SecretBox;
class Store;

/// Non-owning bundle handed to every handler's constructor. Every object
/// pointed to must outlive the ConsoleServer. A null optional service makes
/// its routes answer 503 with a message naming what is missing; the others
/// keep working. Read-only once the server started; the services themselves
/// are thread-safe.
struct ConsoleServices {
    PluginRegistry* pPlugins = nullptr;          ///< required: providers and schemas
    const Store* pStore = nullptr;               ///< authorizations, jobs, runs, audit
    const SecretBox* pSecrets = nullptr;         ///< seals secrets of authorizations created here
    ConsoleToken* pToken = nullptr;              ///< required when authRequired
    JobControl* pJobControl = nullptr;           ///< "run now"
    AuthorizationTester* pTester = nullptr;      ///< "test" of an authorization
    RunProgressBoard* pProgress = nullptr;       ///< live progress of running runs
    std::vector<MetricsSource*> metricsSources;  ///< /metrics contributors, in order
    std::string webRoot;                         ///< folder of the static UI; empty = no UI
    bool authRequired = true;                    ///< false only with an explicit --no-auth
    bool metricsPublic = false;                  ///< true: /metrics needs no token (--metrics-public); /api/v1 still does
};

} // namespace jobhost::host
