// ChaosHook.cpp — jobhost util: test-only kill points (JOBHOST_CHAOS_KILL_AT) that raise SIGKILL at named places.
// SPDX-License-Identifier: Apache-2.0
#include "util/ChaosHook.h"

#ifdef JOBHOST_CHAOS_HOOKS

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <unistd.h>

namespace jobhost::host {
namespace {

/// The parsed environment; built once, on first use, never destroyed (reach()
/// may run during static destruction).
struct ChaosSettings {
    bool armed = false;
    std::string killPoint;
    long killAt = 0;
    std::string countFile;
    std::mutex mutex;
    std::map<std::string, long, std::less<>> counts;

    ChaosSettings() {
        if (const char* spec = std::getenv("JOBHOST_CHAOS_KILL_AT"); spec && *spec) {
            const std::string text(spec);
            const auto colon = text.rfind(':');
            if (colon != std::string::npos && colon > 0) {
                killPoint = text.substr(0, colon);
                killAt = std::strtol(text.c_str() + colon + 1, nullptr, 10);
            }
            if (killAt <= 0) {
                std::fprintf(stderr, "jobhost chaos: ignoring JOBHOST_CHAOS_KILL_AT=%s (want <point>:<n>, n >= 1)\n", spec);
                killPoint.clear();
            }
        }
        if (const char* file = std::getenv("JOBHOST_CHAOS_COUNT_TO"); file && *file) countFile = file;
        armed = !killPoint.empty() || !countFile.empty();
        if (!countFile.empty()) std::atexit([] { writeCounts(); });
    }

    static ChaosSettings& instance() {
        static ChaosSettings* pSettings = new ChaosSettings; // leaked on purpose, see above
        return *pSettings;
    }

    static void writeCounts() {
        ChaosSettings& s = instance();
        std::lock_guard<std::mutex> lock(s.mutex);
        if (FILE* out = std::fopen(s.countFile.c_str(), "a")) {
            for (const auto& [point, count] : s.counts) std::fprintf(out, "%s %ld\n", point.c_str(), count);
            std::fclose(out);
        }
    }
};

std::atomic<int> gArmed{-1}; ///< -1 unknown, 0 off, 1 on

} // namespace

bool ChaosHook::armed() {
    int a = gArmed.load(std::memory_order_relaxed);
    if (a < 0) {
        a = ChaosSettings::instance().armed ? 1 : 0;
        gArmed.store(a, std::memory_order_relaxed);
    }
    return a == 1;
}

void ChaosHook::reach(std::string_view point) {
    if (!armed()) return;
    ChaosSettings& s = ChaosSettings::instance();
    long n = 0;
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        auto it = s.counts.find(point);
        if (it == s.counts.end()) it = s.counts.emplace(std::string(point), 0).first;
        n = ++it->second;
    }
    if (n == s.killAt && point == s.killPoint) {
        const std::string line = "jobhost chaos: SIGKILL at " + s.killPoint + ":" + std::to_string(n) + "\n";
        [[maybe_unused]] const auto written = ::write(2, line.data(), line.size());
        ::raise(SIGKILL);
    }
}

} // namespace jobhost::host

#else

namespace jobhost::host {
void ChaosHook::reach(std::string_view) {}
bool ChaosHook::armed() { return false; }
} // namespace jobhost::host

#endif
