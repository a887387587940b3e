// jobhost host — ProviderManifest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/ProviderManifest.h"

namespace jobhost::host {
namespace {
template <typename T>
const T* findByName(const std::vector<T>& items, const std::string& name) {
    for (const auto& item : items)
        if (item.name == name) return &item;
    return nullptr;
}
} // namespace

const AuthMethod* ProviderManifest::findAuthMethod(const std::string& method) const { return findByName(authMethods, method); }
const JobType* ProviderManifest::findJobType(const std::string& type) const { return findByName(jobTypes, type); }
const StreamSpec* ProviderManifest::findStream(const std::string& stream) const { return findByName(streams, stream); }

} // namespace jobhost::host
