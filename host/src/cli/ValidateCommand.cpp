// jobhost host — ValidateCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/ValidateCommand.h"

#include <ostream>

#include "app/HostException.h"
#include "cli/CliApplication.h"
#include "config/DeclarativeConfig.h"
#include "plugins/ManifestReader.h"
#include "util/JsonDocument.h"

namespace jobhost::host {

int ValidateCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                         const std::multimap<std::string, std::string>&) {
    if (arguments.empty()) throw UsageException("validate needs at least one FILE (a provider manifest or a config file)");
    int failures = 0;
    for (const auto& file : arguments) {
        try {
            auto document = JsonDocument::readObjectFile(file);
            if (ManifestReader::looksLikeManifest(document)) {
                ProviderManifest m = ManifestReader::read(document, file);
                context.out() << file << ": valid provider manifest " << m.name << " " << m.version << "\n";
            } else {
                DeclarativeConfig config = DeclarativeConfig::read(document, file, context.manifests());
                context.out() << file << ": valid config (" << config.authorizations().size() << " authorizations, "
                              << config.jobs().size() << " jobs, " << config.audiences().size() << " audiences)\n";
            }
        } catch (const HostException& e) {
            context.err() << e.message() << "\n";
            ++failures;
        }
    }
    return failures ? CliApplication::ExitConfig : CliApplication::ExitOk;
}

} // namespace jobhost::host
