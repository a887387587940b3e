// ProfileSync.cpp — jobhost audiences: one call that brings profiles and audiences up to date.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/ProfileSync.h"

#include "plugins/PluginRegistry.h"
#include "store/Store.h"

#include <algorithm>
#include <chrono>

namespace jobhost::host::audiences {

std::shared_ptr<lql::MappingSet> ProfileSync::loadMappings(const PluginRegistry& manifests)
{
    auto set = std::make_shared<lql::MappingSet>();
    std::vector<std::string> loaded;
    for (const auto& entry : manifests.entries()) {
        if (!entry.manifest) continue;
        for (const auto& stream : entry.manifest->streams) {
            if (stream.mappingFile.empty()) continue;
            if (std::find(loaded.begin(), loaded.end(), stream.mappingFile) != loaded.end()) continue;
            set->addFile(stream.mappingFile);
            loaded.push_back(stream.mappingFile);
        }
    }
    return set;
}

ProfileSync::Result ProfileSync::afterImport(const Store& store, const PluginRegistry& manifests)
{
    Poco::Data::Session session = store.openSession();
    ProfileSync sync(session, loadMappings(manifests));
    return sync.run();
}

ProfileSync::ProfileSync(Poco::Data::Session& session, std::shared_ptr<const lql::MappingSet> mappings)
    : ProfileSync(session, std::move(mappings), Options{})
{
}

ProfileSync::ProfileSync(Poco::Data::Session& session, std::shared_ptr<const lql::MappingSet> mappings,
                         Options options)
    : _session(session)
    , _options(std::move(options))
    , _audiences(session)
    , _builder(session, std::move(mappings), &_audiences,
               profiles::ProfileBuilder::Options{_options.batchSize, _options.mode, _options.clock,
                                                 _options.profileCacheSize, _options.profileCacheBytes})
{
}

lql::TimeMs ProfileSync::now() const
{
    if (_options.clock) return _options.clock();
    return lql::TimeMs{std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count()};
}

void ProfileSync::finish(Result& result)
{
    result.time = _audiences.reevaluateTimeBased(now(), _options.timeSweepIntervalMs);
    result.needsRebuild = _builder.needsRebuild();
    result.audienceErrors = _audiences.errors();
}

ProfileSync::Result ProfileSync::run()
{
    Result result;
    result.definitions = _audiences.syncDefinitions(now());
    result.build = _builder.catchUp();
    finish(result);
    return result;
}

ProfileSync::Result ProfileSync::rebuild()
{
    Result result;
    result.definitions = _audiences.syncDefinitions(now());
    result.build = _builder.rebuild();
    finish(result);
    return result;
}

} // namespace jobhost::host::audiences
