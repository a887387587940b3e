// FieldKind.cpp — jobhost lql: profile field kinds and merge operators (§4).
// SPDX-License-Identifier: Apache-2.0
#include "lql/FieldKind.h"

#include <array>
#include <cctype>
#include <utility>

namespace jobhost::host::lql {

namespace {
const std::array<std::pair<const char*, FieldKind>, 15> kKinds = {{
    {"string", FieldKind::String},
    {"int", FieldKind::Int},
    {"number", FieldKind::Number},
    {"bool", FieldKind::Bool},
    {"date", FieldKind::Date},
    {"[]string", FieldKind::StringSet},
    {"[]time", FieldKind::TimeList},
    {"ts[]string", FieldKind::TsStringSet},
    {"map[string]int", FieldKind::MapInt},
    {"map[string]intsum", FieldKind::MapIntSum},
    {"map[string]number", FieldKind::MapNumber},
    {"map[string]string", FieldKind::MapString},
    {"map[string]bool", FieldKind::MapBool},
    {"map[string]time", FieldKind::MapTime},
    {"map[string]value", FieldKind::MapValue},
}};

const std::array<std::pair<const char*, MergeOp>, 12> kOps = {{
    {"latest", MergeOp::Latest},
    {"oldest", MergeOp::Oldest},
    {"min", MergeOp::Min},
    {"max", MergeOp::Max},
    {"sum", MergeOp::Sum},
    {"count", MergeOp::Count},
    {"merge", MergeOp::Merge},
    {"latestmap", MergeOp::LatestMap},
    {"oldestmap", MergeOp::OldestMap},
    {"mapmax", MergeOp::MapMax},
    {"mapmin", MergeOp::MapMin},
    {"capped", MergeOp::Capped},
}};

std::string lower(const std::string& s)
{
    std::string r = s;
    for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}
} // namespace

std::optional<FieldKind> parseFieldKind(const std::string& text)
{
    std::string t = lower(text);
    if (t == "float" || t == "float64") t = "number";
    if (t == "int64" || t == "integer") t = "int";
    if (t == "time" || t == "datetime") t = "date";
    if (t == "boolean") t = "bool";
    for (const auto& [n, k] : kKinds)
        if (t == n) return k;
    return std::nullopt;
}

std::string toString(FieldKind kind)
{
    for (const auto& [n, k] : kKinds)
        if (k == kind) return n;
    return "?";
}

std::optional<MergeOp> parseMergeOp(const std::string& text)
{
    std::string t = lower(text);
    for (const auto& [n, o] : kOps)
        if (t == n) return o;
    return std::nullopt;
}

std::string toString(MergeOp op)
{
    for (const auto& [n, o] : kOps)
        if (o == op) return n;
    return "?";
}

bool isMapKind(FieldKind kind)
{
    switch (kind) {
    case FieldKind::MapInt:
    case FieldKind::MapIntSum:
    case FieldKind::MapNumber:
    case FieldKind::MapString:
    case FieldKind::MapBool:
    case FieldKind::MapTime:
    case FieldKind::MapValue: return true;
    default: return false;
    }
}

bool isSetKind(FieldKind kind)
{
    return kind == FieldKind::StringSet || kind == FieldKind::TimeList || kind == FieldKind::TsStringSet;
}

bool isScalarKind(FieldKind kind) { return !isMapKind(kind) && !isSetKind(kind); }

MergeOp defaultMergeOp(FieldKind kind, const std::string& function)
{
    if (function == "count" && isScalarKind(kind)) return MergeOp::Count;
    if (function == "min" && isScalarKind(kind)) return MergeOp::Min;
    if (function == "max" && isScalarKind(kind)) return MergeOp::Max;
    if (kind == FieldKind::MapIntSum) return MergeOp::Sum;
    if (isSetKind(kind) || isMapKind(kind)) return MergeOp::Merge;
    return MergeOp::Latest;
}

} // namespace jobhost::host::lql
