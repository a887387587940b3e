// jobhost host — ManifestReader.h
// Reads and validates provider manifests (manifests/<provider>.json).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "plugins/ProviderManifest.h"

namespace jobhost::host {

/// Turns manifest files into ProviderManifest values. Stateless; thread-safe.
class ManifestReader {
public:
    /// Reads and validates one manifest file. Throws ConfigException for
    /// unreadable/invalid JSON ("path:LINE:COL: ...") and ManifestException
    /// "path: key.path: problem" for anything else (unknown key, wrong type,
    /// missing required key, bad schema, ABI other than the host's).
    static ProviderManifest readFile(const std::string& path);
    /// Validates an already parsed manifest; `path` names it in messages and
    /// anchors relative mapping-file paths.
    static ProviderManifest read(const Poco::JSON::Object::Ptr& document, const std::string& path);
    /// Every `*.json` file directly inside `directory`, sorted by name.
    static std::vector<std::string> listManifestFiles(const std::string& directory);
    /// True when the object looks like a provider manifest (has "library" and "abi").
    static bool looksLikeManifest(const Poco::JSON::Object::Ptr& document);
};

} // namespace jobhost::host
