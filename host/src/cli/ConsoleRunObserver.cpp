// jobhost host — ConsoleRunObserver.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/ConsoleRunObserver.h"

#include <ostream>

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

namespace jobhost::host {

ConsoleRunObserver::ConsoleRunObserver(std::ostream& out, bool verbose) : _out(out), _verbose(verbose) {}

std::string ConsoleRunObserver::formatTime(std::int64_t epochMs) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(static_cast<Poco::Timestamp::TimeVal>(epochMs) * 1000), "%Y-%m-%d %H:%M:%S");
}

void ConsoleRunObserver::onLog(const std::string& level, const std::string& message) {
    if (level == "debug" && !_verbose) return;
    std::lock_guard<std::mutex> lock(_mutex);
    _out << "  " << level << ": " << message << std::endl;
}

void ConsoleRunObserver::onProgress(std::uint64_t done, std::uint64_t total, const std::string& unit) {
    std::lock_guard<std::mutex> lock(_mutex);
    _out << "  progress: " << done;
    if (total) _out << "/" << total;
    _out << " " << unit << std::endl;
}

void ConsoleRunObserver::onCheckpoint(const RunCounters& counters) {
    std::lock_guard<std::mutex> lock(_mutex);
    _out << "  checkpoint " << counters.checkpoints << ": read " << counters.read << ", written " << counters.written << ", duplicates "
         << counters.duplicate << std::endl;
}

} // namespace jobhost::host
