// TimeFormat.h — jobhost postup-sim: Central-time formatting and lenient parsing.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace jobhost::sim {

/// The date formats of postup-api.md §3. All times are epoch seconds UTC;
/// "local" means US Central (CST/CDT with US DST rules). Static, thread-safe.
class TimeFormat {
public:
  enum class Style {
    Canonical, ///< 2024-05-01 10:00:00 (Central, no zone) — what PostUp emits
    IsoZulu,   ///< 2024-05-01T15:00:00Z
    IsoOffset, ///< 2024-05-01T10:00:00-05:00
    IsoLocal,  ///< 2024-05-01T10:00:00 (Central)
    UsLong,    ///< 5/1/2024 10:00 (Central)
    UsShort    ///< 5/1/24 10:00 (Central)
  };
  static constexpr int styleCount = 6;

  /// Offset of Central time from UTC at `utc`, in seconds (-21600 or -18000).
  static int centralOffset(std::int64_t utc);
  static std::string format(std::int64_t utc, Style style = Style::Canonical);
  /// Appends the canonical form; used on hot report paths.
  static void appendCanonical(std::string& out, std::int64_t utc);
  /// yyyy-MM-dd of the Central date.
  static std::string date(std::int64_t utc);
  /// RFC 1123 date in GMT, for Retry-After.
  static std::string httpDate(std::int64_t utc);
  /// Accepts every Style plus "yyyy-MM-dd" and fractional seconds; returns
  /// empty for anything else.
  static std::optional<std::int64_t> parse(const std::string& text);

  static std::int64_t daysFromCivil(int y, unsigned m, unsigned d);
  static void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d);
};

} // namespace jobhost::sim
