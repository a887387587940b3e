// jobhost host — HostLayout.h
// Where the host's read-only files are: plugins, provider manifests with
// their default mappings, the console web UI — found from the executable.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::host {

/// The folders a jobhost binary reads its shipped files from, resolved from
/// where the executable is, never from the current directory:
///  1. build tree — `<B>/bin/jobhost` with `<B>/CMakeCache.txt` and
///     `<B>/plugins`: plugins from `<B>/plugins`, manifests and web UI from
///     the source tree this binary was built from (compiled in);
///  2. installed — `<P>/bin/jobhost` with `<P>/<libdir>/jobhost/plugins` or
///     `<P>/<datadir>/jobhost/manifests`: the GNUInstallDirs layout below
///     the prefix `<P>` (the relative folders are compiled in, so a moved or
///     unpacked install still finds its files);
///  3. otherwise (e.g. a test runner linking the host) the build tree's
///     folders compiled in.
/// Environment variables and command-line flags override these defaults;
/// that is the caller's job (CliApplication, WebRoot). Immutable value;
/// resolving only reads the file system and never throws.
class HostLayout {
public:
    enum class Origin { BuildTree, Installed, CompiledIn };

    /// Resolves the layout of the executable at `executable` (absolute, or
    /// relative to the current directory).
    static HostLayout forExecutable(const std::string& executable);
    /// forExecutable() of the running program (/proc/self/exe, symlinks
    /// resolved, so a symlink in PATH leads to the real install).
    static HostLayout ofRunningProgram();

    Origin origin() const { return _origin; }
    /// The build folder or install prefix the folders below belong to.
    const std::string& root() const { return _root; }
    const std::string& pluginDirectory() const { return _pluginDirectory; }
    const std::string& manifestDirectory() const { return _manifestDirectory; }
    const std::string& webRoot() const { return _webRoot; }
    /// Example declarative configs (manifests/examples in the source tree,
    /// <datadir>/jobhost/examples installed).
    const std::string& exampleDirectory() const { return _exampleDirectory; }
    /// "build tree /x/build", "installed under /usr" or "compiled-in build tree /x/build".
    std::string describe() const;

private:
    HostLayout() = default;
    static HostLayout buildTree(const std::string& buildDirectory, Origin origin);
    static HostLayout installed(const std::string& prefix);

    Origin _origin = Origin::CompiledIn;
    std::string _root;
    std::string _pluginDirectory;
    std::string _manifestDirectory;
    std::string _webRoot;
    std::string _exampleDirectory;
};

} // namespace jobhost::host
