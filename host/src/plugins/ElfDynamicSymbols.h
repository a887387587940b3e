// jobhost host — ElfDynamicSymbols.h
// Names of a shared object's dynamic symbols in one section, read from the file.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host {

/// Reads the dynamic symbol table (.dynsym) of a 64-bit little-endian ELF
/// file without loading it. Boost.DLL's library_info reads only .symtab,
/// which `strip` (CPack, dh_strip) removes from a packaged plugin; the
/// dynamic table stays, because dlsym needs it. Stateless; reads the file
/// once per call. Throws std::runtime_error naming what is wrong (not ELF64,
/// truncated, offsets outside the file); never reads past the file's end.
class ElfDynamicSymbols {
public:
    /// Defined, non-local dynamic symbols placed in section `section`
    /// (e.g. "jhplug"); empty when the section or the table is absent.
    static std::vector<std::string> inSection(const std::string& file, const std::string& section);
};

} // namespace jobhost::host
