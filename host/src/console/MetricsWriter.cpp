// jobhost host — MetricsWriter.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/MetricsWriter.h"

#include <cmath>
#include <cstdio>

namespace jobhost::host {

void MetricsWriter::family(const std::string& name, const std::string& type, const std::string& help) {
    if (!_declared.insert(name).second) return;
    _out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n";
}

void MetricsWriter::sample(const std::string& name, const Labels& labels, double value) {
    _out << name;
    if (!labels.empty()) {
        _out << "{";
        bool first = true;
        for (const auto& [k, v] : labels) {
            _out << (first ? "" : ",") << k << "=\"" << escape(v) << "\"";
            first = false;
        }
        _out << "}";
    }
    _out << " " << number(value) << "\n";
}

void MetricsWriter::histogram(const std::string& name, const Labels& labels, const std::vector<double>& bounds,
                              const std::vector<double>& counts, double total, double sum) {
    for (std::size_t i = 0; i < bounds.size() && i < counts.size(); ++i) {
        Labels l = labels;
        l.emplace_back("le", number(bounds[i]));
        sample(name + "_bucket", l, counts[i]);
    }
    Labels inf = labels;
    inf.emplace_back("le", "+Inf");
    sample(name + "_bucket", inf, total);
    sample(name + "_sum", labels, sum);
    sample(name + "_count", labels, total);
}

std::string MetricsWriter::escape(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string MetricsWriter::number(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    char buffer[64];
    if (value == std::floor(value) && std::fabs(value) < 1e15) std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else std::snprintf(buffer, sizeof buffer, "%.15g", value); // keeps millisecond timestamps in seconds exact
    return buffer;
}

} // namespace jobhost::host
