#include "util/time.h"

#include <chrono>
#include <cstdio>

namespace storyline {
namespace {

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::optional<UnixSeconds> ParseIsoTime(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!Digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &mo) ||
      s[7] != '-' || !Digits(s, 8, 2, &d)) {
    return std::nullopt;
  }
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  std::size_t pos = 10;
  long offset = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
    ++pos;
    if (!Digits(s, pos, 2, &h) || pos + 2 >= s.size() + 1) return std::nullopt;
    pos += 2;
    if (pos < s.size() && s[pos] == ':') {
      if (!Digits(s, pos + 1, 2, &mi)) return std::nullopt;
      pos += 3;
      if (pos < s.size() && s[pos] == ':') {
        if (!Digits(s, pos + 1, 2, &sec)) return std::nullopt;
        pos += 3;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
          ++pos;
          while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        }
      }
    }
    if (h > 24 || mi > 59 || sec > 60) return std::nullopt;
    if (pos < s.size()) {
      char z = s[pos];
      if (z == 'Z' || z == 'z') {
        ++pos;
      } else if (z == '+' || z == '-') {
        int oh = 0, om = 0;
        if (!Digits(s, pos + 1, 2, &oh)) return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (pos < s.size()) {
          if (!Digits(s, pos, 2, &om)) return std::nullopt;
          pos += 2;
        }
        offset = (oh * 3600L + om * 60L) * (z == '+' ? 1 : -1);
      }
      if (pos != s.size()) return std::nullopt;
    }
  }
  auto days = sys_days(ymd).time_since_epoch().count();
  return static_cast<UnixSeconds>(days) * 86400 + h * 3600 + mi * 60 + sec - offset;
}

std::string FormatIsoTime(UnixSeconds t) {
  using namespace std::chrono;
  auto days = static_cast<long>(t >= 0 ? t / 86400 : (t - 86399) / 86400);
  long rem = static_cast<long>(t - static_cast<UnixSeconds>(days) * 86400);
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), rem / 3600,
                (rem / 60) % 60, rem % 60);
  return buf;
}

}  // namespace storyline
