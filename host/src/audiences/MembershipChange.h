// MembershipChange.h — jobhost audiences: one enter/exit/update of a profile in an audience.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "lql/Value.h"

#include <string>

namespace jobhost::host::audiences {

// What happened to one profile in one audience. Enter and Exit change
// membership; Update means "still a member, and fields an export maps have
// changed" (only produced for export outboxes, never recorded as a
// membership event). Plain value type.
struct MembershipChange {
    enum class Kind { Enter, Exit, Update };

    std::string audience;
    profiles::ProfileId profile = 0;
    Kind kind = Kind::Enter;
    lql::TimeMs at;

    static const char* kindName(Kind kind)
    {
        return kind == Kind::Enter ? "enter" : kind == Kind::Exit ? "exit" : "update";
    }
    bool operator==(const MembershipChange& o) const
    {
        return audience == o.audience && profile == o.profile && kind == o.kind && at == o.at;
    }
};

} // namespace jobhost::host::audiences
