// TimeFormat.cpp — jobhost postup-sim: Central-time formatting and lenient parsing.
// SPDX-License-Identifier: Apache-2.0
#include "TimeFormat.h"

#include <cstdio>
#include <cstring>

namespace jobhost::sim {

namespace {
const char* const kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// nth Sunday (1-based) of month, as days since epoch.
std::int64_t nthSunday(int y, unsigned m, int n) {
  std::int64_t first = TimeFormat::daysFromCivil(y, m, 1);
  int wd = static_cast<int>(((first % 7) + 11) % 7); // 0 = Sunday (epoch day 0 is Thursday)
  std::int64_t firstSunday = first + ((7 - wd) % 7);
  return firstSunday + 7 * (n - 1);
}

} // namespace

std::int64_t TimeFormat::daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void TimeFormat::civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

int TimeFormat::centralOffset(std::int64_t utc) {
  int y; unsigned m, d;
  civilFromDays(floorDiv(utc, 86400), y, m, d);
  const std::int64_t start = nthSunday(y, 3, 2) * 86400 + 8 * 3600; // 2:00 CST
  const std::int64_t end = nthSunday(y, 11, 1) * 86400 + 7 * 3600;  // 2:00 CDT
  return (utc >= start && utc < end) ? -5 * 3600 : -6 * 3600;
}

void TimeFormat::appendCanonical(std::string& out, std::int64_t utc) {
  const std::int64_t local = utc + centralOffset(utc);
  const std::int64_t days = floorDiv(local, 86400);
  const std::int64_t secs = local - days * 86400;
  int y; unsigned m, d;
  civilFromDays(days, y, m, d);
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02u:%02u:%02u", y, m, d,
                        static_cast<unsigned>(secs / 3600), static_cast<unsigned>((secs / 60) % 60),
                        static_cast<unsigned>(secs % 60));
  out.append(buf, static_cast<std::size_t>(n));
}

std::string TimeFormat::format(std::int64_t utc, Style style) {
  const int off = centralOffset(utc);
  const std::int64_t t = style == Style::IsoZulu ? utc : utc + off;
  const std::int64_t days = floorDiv(t, 86400);
  const std::int64_t secs = t - days * 86400;
  int y; unsigned m, d;
  civilFromDays(days, y, m, d);
  const unsigned hh = static_cast<unsigned>(secs / 3600), mi = static_cast<unsigned>((secs / 60) % 60),
                 ss = static_cast<unsigned>(secs % 60);
  char buf[40];
  switch (style) {
  case Style::Canonical: std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02u:%02u:%02u", y, m, d, hh, mi, ss); break;
  case Style::IsoZulu: std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02uZ", y, m, d, hh, mi, ss); break;
  case Style::IsoOffset:
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02u-%02d:00", y, m, d, hh, mi, ss, -off / 3600);
    break;
  case Style::IsoLocal: std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02u", y, m, d, hh, mi, ss); break;
  case Style::UsLong: std::snprintf(buf, sizeof buf, "%u/%u/%04d %u:%02u", m, d, y, hh, mi); break;
  case Style::UsShort: std::snprintf(buf, sizeof buf, "%u/%u/%02d %u:%02u", m, d, y % 100, hh, mi); break;
  }
  return buf;
}

std::string TimeFormat::date(std::int64_t utc) {
  std::string s = format(utc, Style::Canonical);
  return s.substr(0, 10);
}

std::string TimeFormat::httpDate(std::int64_t utc) {
  const std::int64_t days = floorDiv(utc, 86400);
  const std::int64_t secs = utc - days * 86400;
  int y; unsigned m, d;
  civilFromDays(days, y, m, d);
  const int wd = static_cast<int>(((days % 7) + 7) % 7);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02u:%02u:%02u GMT", kWeekdays[wd], d, kMonths[m - 1], y,
                static_cast<unsigned>(secs / 3600), static_cast<unsigned>((secs / 60) % 60),
                static_cast<unsigned>(secs % 60));
  return buf;
}

std::optional<std::int64_t> TimeFormat::parse(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, n = 0;
  const char* p = text.c_str();
  auto localToUtc = [](std::int64_t local) {
    // Try the standard offset first, then daylight; pick the consistent one.
    std::int64_t guess = local + 6 * 3600;
    if (centralOffset(guess) == -5 * 3600) guess = local + 5 * 3600;
    return guess;
  };
  auto valid = [&] { return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 61; };
  if (std::sscanf(p, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10) {
    const char* rest = p + 10;
    if (*rest == '\0') {
      if (!valid()) return std::nullopt;
      return localToUtc(daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400);
    }
    if ((*rest != ' ' && *rest != 'T') || std::sscanf(rest + 1, "%2d:%2d:%2d%n", &h, &mi, &s, &n) != 3 || n != 8)
      return std::nullopt;
    if (!valid()) return std::nullopt;
    const char* zone = rest + 9;
    if (*zone == '.') { ++zone; while (*zone >= '0' && *zone <= '9') ++zone; }
    const std::int64_t wall = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s;
    if (*zone == '\0') return localToUtc(wall);
    if ((*zone == 'Z' || *zone == 'z') && zone[1] == '\0') return wall;
    int oh = 0, om = 0;
    if ((*zone == '+' || *zone == '-') && std::strlen(zone) == 6 && std::sscanf(zone + 1, "%2d:%2d", &oh, &om) == 2) {
      const int sign = *zone == '-' ? -1 : 1;
      return wall - sign * (oh * 3600 + om * 60);
    }
    return std::nullopt;
  }
  if (std::sscanf(p, "%d/%d/%d %d:%d%n", &mo, &d, &y, &h, &mi, &n) == 5 && p[n] == '\0') {
    if (y < 100) y += 2000;
    s = 0;
    if (!valid()) return std::nullopt;
    return localToUtc(daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60);
  }
  return std::nullopt;
}

} // namespace jobhost::sim
