// ProfileChangeListener.h — jobhost profiles: a hook run inside the builder's commit.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/ProfileChange.h"

#include <Poco/Data/Session.h>

#include <string>
#include <vector>

namespace jobhost::host::profiles {

// Receives every batch of profile changes inside the builder's transaction,
// before it commits, so whatever the listener writes (audience memberships,
// outbox rows) commits atomically with the profiles and the stream offsets.
// An exception thrown here rolls the whole batch back. Called from the
// builder's thread only.
class ProfileChangeListener {
public:
    virtual ~ProfileChangeListener() = default;

    // The profile fields whose state before the batch profilesChanged needs
    // (ProfileChange::before holds only these; "name.key" names map field
    // "name"). Asked once per batch inside its transaction, before the batch
    // is applied. Default: none.
    virtual std::vector<std::string> watchedFields(Poco::Data::Session&) { return {}; }
    // changes: one entry per surviving profile the batch touched, ascending
    // by id. now: the processing time the builder stamps the batch with.
    virtual void profilesChanged(Poco::Data::Session& session, const std::vector<ProfileChange>& changes,
                                 TimeMs now) = 0;
    // Called inside the rebuild transaction just before profiles, identities
    // and offsets are cleared (they are still readable), so the listener can
    // carry its state across the rebuild by identity key. profilesChanged is
    // not called while the replay runs.
    virtual void profilesClearing(Poco::Data::Session& session, TimeMs now) = 0;
    // Called in the transaction that ends a rebuild, once every stream is
    // replayed to its head: reconcile state kept across the rebuild.
    virtual void rebuildFinished(Poco::Data::Session& session, TimeMs now) = 0;
};

} // namespace jobhost::host::profiles
