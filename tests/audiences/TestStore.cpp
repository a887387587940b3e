// TestStore.cpp — jobhost audiences tests: a temporary store with helpers to append stream events.
// SPDX-License-Identifier: Apache-2.0
#include "TestStore.h"

#include "profiles/JsonText.h"
#include "profiles/ProfileRepository.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/SqlDialect.h"
#include "store/StreamRepository.h"


using namespace jobhost::host;

TestStore::TestStore() : _pSession(std::make_unique<Poco::Data::Session>(_db.store().openSession())) {}

TestStore::~TestStore() { _pSession.reset(); }

bool TestStore::append(const std::string& stream, const Event& event, lql::TimeMs eventTime,
                       const std::string& naturalKey)
{
    StreamEvent e;
    e.stream = stream;
    e.naturalKey = naturalKey;
    e.eventTimeMs = eventTime.ms;
    e.ingestedAtMs = eventTime.ms;
    e.fields = StreamFieldsCodec::encode({event.begin(), event.end()});
    return StreamRepository(*_pSession).append(e);
}

void TestStore::defineAudience(const std::string& slug, const std::string& filter)
{
    AudienceDefinitionRepository repo(*_pSession);
    AudienceDefinition d{slug, slug, filter, 1, 1};
    if (repo.find(slug)) {
        repo.update(d);
    } else {
        repo.insert(d);
    }
}

void TestStore::removeAudience(const std::string& slug)
{
    using namespace Poco::Data::Keywords;
    std::string s = slug;
    *_pSession << SqlDialect::of(*_pSession)("DELETE FROM audience_definitions WHERE slug = ?"), use(s), now;
}

std::map<std::int64_t, std::string> TestStore::profileJson()
{
    std::map<std::int64_t, std::string> out;
    profiles::ProfileRepository repo(*_pSession);
    repo.forEach([&](profiles::ProfileId id, const profiles::Profile& p) { out[id] = p.toJson(); });
    return out;
}

std::shared_ptr<lql::MappingSet> TestStore::defaultMappings()
{
    auto set = std::make_shared<lql::MappingSet>();
    set->addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_users.lql");
    set->addFile(std::string(JOBHOST_MANIFESTS_DIR) + "/postup/postup_activity.lql");
    return set;
}
