// jobhost host — MetricsWriter.h
// Builds Prometheus text exposition (format 0.0.4).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::host {

/// Collects metric families for one scrape. Call family() once before the
/// samples of a metric; HELP/TYPE are written once even when two sources
/// declare the same family. Label values are escaped. Not thread-safe (one
/// writer per scrape).
class MetricsWriter {
public:
    using Labels = std::vector<std::pair<std::string, std::string>>;

    /// Declares `name` with type "counter", "gauge" or "histogram".
    void family(const std::string& name, const std::string& type, const std::string& help);
    void sample(const std::string& name, const Labels& labels, double value);
    /// Cumulative histogram samples: `bounds` (ascending, seconds) with
    /// cumulative `counts` (same size), then +Inf, _sum and _count.
    void histogram(const std::string& name, const Labels& labels, const std::vector<double>& bounds,
                   const std::vector<double>& counts, double total, double sum);

    std::string text() const { return _out.str(); }

    /// Escapes backslash, double quote and newline for a label value.
    static std::string escape(const std::string& value);
    /// A Prometheus number: integers without exponent, others with 15
    /// significant digits (a Unix time in ms stays exact), NaN/Inf spelled out.
    static std::string number(double value);

private:
    std::ostringstream _out;
    std::set<std::string> _declared;
};

} // namespace jobhost::host
