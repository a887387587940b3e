// FuzzReplayMain.cpp — runs a fuzz target over files without libFuzzer (any compiler).
// usage: jobhost_fuzz_replay_<target> FILE|DIR...
// Feeds every regular file (directories: every file inside, sorted) to
// LLVMFuzzerTestOneInput once and prints how many it ran. Used by ctest to
// replay the committed seed corpora and crash regressions on every build,
// including the ASan/UBSan one: a regression that comes back crashes here.
// Exits 1 when a path cannot be read or no input was found.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        std::error_code error;
        fs::path path(argv[i]);
        if (fs::is_directory(path, error)) {
            for (const auto& entry : fs::directory_iterator(path))
                if (entry.is_regular_file()) files.push_back(entry.path());
        } else if (fs::is_regular_file(path, error)) {
            files.push_back(path);
        } else {
            std::cerr << argv[0] << ": " << path.string() << ": no such file or folder\n";
            return 1;
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::cerr << argv[0] << ": no inputs\n";
        return 1;
    }
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::cerr << argv[0] << ": cannot read " << file.string() << "\n";
            return 1;
        }
        std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    }
    std::cout << "replayed " << files.size() << " inputs\n";
    return 0;
}
