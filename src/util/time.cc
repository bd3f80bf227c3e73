#include "util/time.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <vector>

#include "util/ascii.h"

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

namespace {

std::optional<UnixSeconds> MakeDate(int y, int m, int d) {
  using namespace std::chrono;
  if (y < 1900 || y > 2100) return std::nullopt;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<UnixSeconds>(sys_days(ymd).time_since_epoch().count()) * 86400;
}

struct Word {
  std::string_view text;
  bool number;
  char sep = ' ';  // the first mark after the word ('/', '.', '-'...), else ' '
};

void DateWords(std::string_view line, std::vector<Word>* out) {
  std::vector<Word>& words = *out;
  words.clear();
  std::size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (AsciiAlnum(c)) {
      std::size_t j = i;
      bool digits = AsciiDigit(c);
      while (j < line.size() && (digits ? AsciiDigit(line[j]) : AsciiAlpha(line[j]))) ++j;
      words.push_back({line.substr(i, j - i), digits});
      while (j < line.size() && line[j] == ' ') ++j;
      if (j < line.size() && !AsciiAlnum(line[j])) {
        words.back().sep = line[j];
      }
      i = j;
    } else {
      ++i;
    }
  }
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool IsOrdinalSuffix(std::string_view w) {
  return w == "st" || w == "nd" || w == "rd" || w == "th";
}

}  // namespace

int MonthOf(std::string_view w) {
  static constexpr std::string_view kNames[] = {"january",   "february", "march",    "april",
                                                "may",       "june",     "july",     "august",
                                                "september", "october",  "november", "december"};
  if (w.size() < 3 || w.size() > 9) return 0;
  // Most words start with a letter no month does.
  switch (AsciiLower(w[0])) {
    case 'j':
    case 'f':
    case 'm':
    case 'a':
    case 's':
    case 'o':
    case 'n':
    case 'd':
      break;
    default:
      return 0;
  }
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kNames[m];
    if (w.size() > name.size()) continue;
    // The whole name, or an abbreviation of at least three letters ("Sept", "Nov").
    bool match = true;
    for (std::size_t i = 0; i < w.size() && match; ++i) match = AsciiLower(w[i]) == name[i];
    if (match) return m + 1;
  }
  return 0;
}

std::optional<UnixSeconds> FindDateInText(std::string_view line) {
  thread_local std::vector<Word> w;
  DateWords(line, &w);
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto num = [&](std::size_t k, std::size_t len) {
      return k < w.size() && w[k].number && w[k].text.size() <= len;
    };
    if (!w[i].number) {
      int m = MonthOf(w[i].text);
      if (m == 0 || w[i].text.size() < 3) continue;
      // Month D[st] , YYYY
      if (num(i + 1, 2)) {
        std::size_t k = i + 2;
        if (k < w.size() && !w[k].number && IsOrdinalSuffix(w[k].text)) ++k;
        if (k < w.size() && w[k].number && w[k].text.size() == 4) {
          if (auto d = MakeDate(ToInt(w[k].text), m, ToInt(w[i + 1].text))) return d;
        }
      }
      continue;
    }
    // D Month YYYY
    if (w[i].text.size() <= 2 && i + 2 < w.size() && !w[i + 1].number && MonthOf(w[i + 1].text) &&
        w[i + 1].text.size() >= 3 && w[i + 2].number && w[i + 2].text.size() == 4) {
      if (auto d = MakeDate(ToInt(w[i + 2].text), MonthOf(w[i + 1].text), ToInt(w[i].text)))
        return d;
    }
    // YYYY-MM-DD
    if (w[i].text.size() == 4 && num(i + 1, 2) && num(i + 2, 2)) {
      if (auto d = MakeDate(ToInt(w[i].text), ToInt(w[i + 1].text), ToInt(w[i + 2].text))) return d;
    }
    // MM / DD / YYYY (US order, as US outlets' datelines write it); DD.MM.YYYY
    // with dots, as written outside the US, or when the first number cannot
    // be a month.
    if (w[i].text.size() <= 2 && num(i + 1, 2) && i + 2 < w.size() && w[i + 2].number &&
        w[i + 2].text.size() == 4) {
      int a = ToInt(w[i].text), b = ToInt(w[i + 1].text);
      bool day_first = (w[i].sep == '.' && w[i + 1].sep == '.') || a > 12;
      if (auto d = MakeDate(ToInt(w[i + 2].text), day_first ? b : a, day_first ? a : b)) return d;
    }
  }
  return std::nullopt;
}

namespace {

bool IsWeekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  if (w.size() < 3) return false;
  for (std::string_view day : kDays) {
    if (w.size() <= day.size() && day.substr(0, w.size()) == w) return true;
  }
  return false;
}

// Offset in seconds of a zone abbreviation, or nullopt when `w` (lower case)
// is not one we know. Only unambiguous, widely used ones.
std::optional<long> ZoneOffset(std::string_view w) {
  struct Zone {
    std::string_view name;
    int hours;
  };
  static constexpr Zone kZones[] = {{"z", 0},    {"ut", 0},   {"utc", 0},  {"gmt", 0},  {"est", -5},
                                    {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6},
                                    {"pst", -8}, {"pdt", -7}, {"cet", 1},  {"cest", 2}, {"bst", 1}};
  for (const Zone& z : kZones) {
    if (z.name == w) return z.hours * 3600L;
  }
  return std::nullopt;
}

std::size_t ScanDigits(std::string_view s, std::size_t i, int* value) {
  std::size_t j = i;
  int v = 0;
  while (j < s.size() && j - i < 9 && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
  *value = v;
  return j;
}

}  // namespace

std::optional<UnixSeconds> ParseDateTime(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty() || s.size() > 100) return std::nullopt;
  if (auto t = ParseIsoTime(s)) return t;
  int y = 0, m = 0, d = 0, h = 0, mi = 0, sec = 0;
  bool have_time = false, pm = false, am = false;
  long offset = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == ',' || c == '.' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '(') break;  // "(Central European Standard Time)"
    if (c >= '0' && c <= '9') {
      int v = 0;
      std::size_t j = ScanDigits(s, i, &v);
      std::size_t len = j - i;
      if (j < s.size() && s[j] == ':') {  // HH:MM[:SS[.fff]]
        if (have_time || len > 2) return std::nullopt;
        h = v;
        std::size_t k = ScanDigits(s, j + 1, &mi);
        if (k - (j + 1) != 2) return std::nullopt;
        if (k < s.size() && s[k] == ':') {
          std::size_t e = ScanDigits(s, k + 1, &sec);
          if (e - (k + 1) != 2) return std::nullopt;
          k = e;
          if (k + 1 < s.size() && s[k] == '.' && s[k + 1] >= '0' && s[k + 1] <= '9') {
            int ignored;
            k = ScanDigits(s, k + 1, &ignored);
          }
        }
        have_time = true;
        i = k;
        continue;
      }
      char sep = j < s.size() ? s[j] : '\0';
      if ((sep == '/' || sep == '.' || sep == '-') && j + 1 < s.size() && s[j + 1] >= '0' &&
          s[j + 1] <= '9') {  // all-numeric date
        int b = 0, e = 0;
        std::size_t k = ScanDigits(s, j + 1, &b);
        std::size_t len_b = k - (j + 1);
        if (k >= s.size() || s[k] != sep || len_b > 2) return std::nullopt;
        std::size_t end = ScanDigits(s, k + 1, &e);
        std::size_t len_e = end - (k + 1);
        if (y || m || d) return std::nullopt;
        if (len == 4 && len_e <= 2 && len_e > 0) {
          y = v, m = b, d = e;  // 2019/03/12
        } else if (len <= 2 && len_e == 4) {
          y = e;
          if (sep == '.' || v > 12) {
            d = v, m = b;  // 12.03.2019: day first, as written outside the US
          } else {
            m = v, d = b;  // 03/12/2019: the US order
          }
        } else {
          return std::nullopt;
        }
        i = end;
        continue;
      }
      if (len == 4) {
        if (y) return std::nullopt;
        y = v;
      } else if (len <= 2) {
        if (d) return std::nullopt;
        d = v;
        if (j + 1 < s.size()) {  // 1st, 2nd, 3rd, 4th
          std::string suffix{AsciiLower(s[j]), AsciiLower(s[j + 1])};
          if (IsOrdinalSuffix(suffix)) j += 2;
        }
      } else {
        return std::nullopt;
      }
      i = j;
      continue;
    }
    if ((c == '+' || c == '-') && have_time) {  // +0100, -05:00
      int oh = 0, om = 0;
      std::size_t j = ScanDigits(s, i + 1, &oh);
      if (j - (i + 1) == 4) {
        om = oh % 100;
        oh /= 100;
      } else if (j - (i + 1) == 2) {
        if (j < s.size() && s[j] == ':') {
          std::size_t k = ScanDigits(s, j + 1, &om);
          if (k - (j + 1) != 2) return std::nullopt;
          j = k;
        }
      } else {
        return std::nullopt;
      }
      if (oh > 14 || om > 59) return std::nullopt;
      offset = (oh * 3600L + om * 60L) * (c == '+' ? 1 : -1);
      i = j;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      std::string w;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j])))
        w += AsciiLower(s[j++]);
      i = j;
      if (int month = w.size() >= 3 ? MonthOf(w) : 0) {
        if (m) return std::nullopt;
        m = month;
      } else if (IsWeekday(w) || w == "at" || w == "t" || w == "on") {
        continue;
      } else if (w == "am" || w == "a" || w == "pm" || w == "p" || w == "m") {
        if (w[0] == 'p') pm = true;
        if (w[0] == 'a') am = true;
      } else if (auto z = ZoneOffset(w)) {
        offset = *z;
      } else {
        return std::nullopt;
      }
      continue;
    }
    if (c == '-' || c == '/') {
      ++i;
      continue;
    }
    return std::nullopt;
  }
  if (!y || !m || !d) return std::nullopt;
  auto date = MakeDate(y, m, d);
  if (!date) return std::nullopt;
  if (have_time) {
    if (pm || am) {
      if (h < 1 || h > 12) return std::nullopt;
      if (pm && h < 12) h += 12;
      if (am && h == 12) h = 0;
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  }
  return *date + h * 3600 + mi * 60 + sec - offset;
}

UnixSeconds NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatIsoTime(UnixSeconds t) {
  using namespace std::chrono;
  auto days = static_cast<long>(t >= 0 ? t / 86400 : (t - 86399) / 86400);
  long rem = static_cast<long>(t - static_cast<UnixSeconds>(days) * 86400);
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  const int year = static_cast<int>(ymd.year());
  const auto month = static_cast<unsigned>(ymd.month());
  const auto day = static_cast<unsigned>(ymd.day());
  if (year < 0 || year > 9999) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", year, month, day,
                  rem / 3600, (rem / 60) % 60, rem % 60);
    return buf;
  }
  // Digits written directly: every story and article time of the output
  // passes here, and snprintf cost some 3,000 instructions a call.
  std::string out = "0000-00-00T00:00:00Z";
  auto put2 = [&](std::size_t at, long v) {
    out[at] = static_cast<char>('0' + v / 10);
    out[at + 1] = static_cast<char>('0' + v % 10);
  };
  put2(0, year / 100);
  put2(2, year % 100);
  put2(5, month);
  put2(8, day);
  put2(11, rem / 3600);
  put2(14, (rem / 60) % 60);
  put2(17, rem % 60);
  return out;
}

}  // namespace storyline
