// jobhost host — ElfDynamicSymbols.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/ElfDynamicSymbols.h"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace jobhost::host {
namespace {

/// The whole file; plugins are a few MB at most.
std::string readAll(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open the file");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// A T at `offset` of `bytes`, bounds-checked.
template <typename T>
T at(const std::string& bytes, std::uint64_t offset) {
    if (offset > bytes.size() || bytes.size() - offset < sizeof(T)) throw std::runtime_error("truncated ELF file");
    T value;
    std::memcpy(&value, bytes.data() + offset, sizeof(T));
    return value;
}

/// The NUL-terminated name at `offset` of the string table `table`.
std::string name(const std::string& bytes, const Elf64_Shdr& table, std::uint64_t offset) {
    if (offset >= table.sh_size || table.sh_offset > bytes.size() || bytes.size() - table.sh_offset < table.sh_size)
        throw std::runtime_error("string table outside the file");
    const char* begin = bytes.data() + table.sh_offset + offset;
    const void* end = std::memchr(begin, '\0', table.sh_size - offset);
    if (!end) throw std::runtime_error("unterminated name in the string table");
    return std::string(begin, static_cast<const char*>(end));
}

} // namespace

std::vector<std::string> ElfDynamicSymbols::inSection(const std::string& file, const std::string& section) {
    const std::string bytes = readAll(file);
    const auto header = at<Elf64_Ehdr>(bytes, 0);
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64 ||
        header.e_ident[EI_DATA] != ELFDATA2LSB)
        throw std::runtime_error("not a 64-bit little-endian ELF file");
    if (header.e_shentsize != sizeof(Elf64_Shdr) || header.e_shstrndx >= header.e_shnum)
        throw std::runtime_error("malformed ELF section headers");
    auto sectionHeader = [&](std::uint64_t index) {
        return at<Elf64_Shdr>(bytes, header.e_shoff + index * sizeof(Elf64_Shdr));
    };
    const Elf64_Shdr names = sectionHeader(header.e_shstrndx);

    std::uint64_t wanted = 0; // SHN_UNDEF: not found
    std::uint64_t dynsym = 0;
    for (std::uint64_t i = 1; i < header.e_shnum; ++i) {
        const Elf64_Shdr s = sectionHeader(i);
        if (s.sh_type == SHT_DYNSYM) dynsym = i;
        if (name(bytes, names, s.sh_name) == section) wanted = i;
    }
    std::vector<std::string> symbols;
    if (wanted == 0 || dynsym == 0) return symbols;

    const Elf64_Shdr table = sectionHeader(dynsym);
    if (table.sh_link >= header.e_shnum || table.sh_entsize != sizeof(Elf64_Sym))
        throw std::runtime_error("malformed dynamic symbol table");
    const Elf64_Shdr strings = sectionHeader(table.sh_link);
    for (std::uint64_t k = 1; k < table.sh_size / sizeof(Elf64_Sym); ++k) {
        const auto symbol = at<Elf64_Sym>(bytes, table.sh_offset + k * sizeof(Elf64_Sym));
        if (symbol.st_shndx != wanted || ELF64_ST_BIND(symbol.st_info) == STB_LOCAL) continue;
        std::string n = name(bytes, strings, symbol.st_name);
        if (!n.empty()) symbols.push_back(std::move(n));
    }
    return symbols;
}

} // namespace jobhost::host
