// FuzzInput.h — splits one fuzzer input into the parts a target feeds to different entry points.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace jobhost::fuzz {

/// The input as text, and the two halves around its first newline ("" when
/// there is none). A plain view over the fuzzer's buffer; owns nothing.
struct FuzzInput {
    std::string_view bytes;

    FuzzInput(const std::uint8_t* data, std::size_t size) : bytes(reinterpret_cast<const char*>(data), size) {}

    std::string text() const { return std::string(bytes); }
    std::pair<std::string, std::string> splitAtNewline() const {
        auto nl = bytes.find('\n');
        if (nl == std::string_view::npos) return {std::string(bytes), std::string()};
        return {std::string(bytes.substr(0, nl)), std::string(bytes.substr(nl + 1))};
    }
};

} // namespace jobhost::fuzz
