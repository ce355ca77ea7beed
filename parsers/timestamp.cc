#include "parsers/timestamp.h"

#include <date/date.h>

#include <bit>
#include <cstdint>
#include <cstring>

namespace faultline {
namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `n` digits at s[pos]; false if any is not a digit.
inline bool ReadDigits(std::string_view s, size_t pos, size_t n, int* value) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

// Days since the epoch for a date, memoised: consecutive lines share their date.
int64_t DaysFromCivilCached(int year, unsigned month, unsigned day) {
  thread_local int cached_key = -1;
  thread_local int64_t cached_days = 0;
  int key = (year * 13 + static_cast<int>(month)) * 32 + static_cast<int>(day);
  if (key != cached_key) {
    cached_days = date::sys_days(date::year(year) / date::month(month) / date::day(day))
                      .time_since_epoch()
                      .count();
    cached_key = key;
  }
  return cached_days;
}

// Scans date and time "YYYY?MM?DD?HH:MM:SS" with the given separators. Returns bytes consumed.
bool ScanDateTime(std::string_view s, char date_sep, bool allow_t, ScannedTime* out,
                  int* fail_column) {
  int year, month, day, hour, minute, second;
  if (!ReadDigits(s, 0, 4, &year)) return *fail_column = 0, false;
  if (s.size() <= 4 || s[4] != date_sep) return *fail_column = 4, false;
  if (!ReadDigits(s, 5, 2, &month) || month < 1 || month > 12) return *fail_column = 5, false;
  if (s.size() <= 7 || s[7] != date_sep) return *fail_column = 7, false;
  if (!ReadDigits(s, 8, 2, &day) ||
      !(date::year(year) / date::month(month) / date::day(day)).ok()) {
    return *fail_column = 8, false;  // also 2019-02-30
  }
  if (s.size() <= 10 || !(s[10] == ' ' || (allow_t && s[10] == 'T'))) {
    return *fail_column = 10, false;
  }
  if (!ReadDigits(s, 11, 2, &hour) || hour > 23) return *fail_column = 11, false;
  if (s.size() <= 13 || s[13] != ':') return *fail_column = 13, false;
  if (!ReadDigits(s, 14, 2, &minute) || minute > 59) return *fail_column = 14, false;
  if (s.size() <= 16 || s[16] != ':') return *fail_column = 16, false;
  // 60 is a leap second; it is folded into the next minute by the arithmetic below.
  if (!ReadDigits(s, 17, 2, &second) || second > 60) return *fail_column = 17, false;
  out->local = DaysFromCivilCached(year, month, day) * 86'400'000'000LL +
               (hour * 3600LL + minute * 60LL + second) * 1'000'000LL;
  out->length = 19;
  out->precision = 0;
  return true;
}

// Reads "Z", "+HH:MM", "+HHMM" or "+HH" right after the time.
void ScanZone(std::string_view s, ScannedTime* out) {
  size_t pos = out->length;
  if (pos < s.size() && s[pos] == ' ' && pos + 1 < s.size() &&
      (s[pos + 1] == '+' || s[pos + 1] == '-') && pos + 3 < s.size() && IsDigit(s[pos + 2])) {
    ++pos;  // "2019-09-17 05:04:12 +0200"
  }
  if (pos >= s.size()) return;
  if (s[pos] == 'Z') {
    out->has_offset = true;
    out->offset_us = 0;
    out->length = pos + 1;
    return;
  }
  if (s[pos] != '+' && s[pos] != '-') return;
  int hours, minutes = 0;
  if (!ReadDigits(s, pos + 1, 2, &hours)) return;
  size_t end = pos + 3;
  if (end < s.size() && s[end] == ':' && ReadDigits(s, end + 1, 2, &minutes)) {
    end += 3;
  } else if (ReadDigits(s, end, 2, &minutes)) {
    end += 2;
  }
  int64_t offset = (hours * 3600LL + minutes * 60LL) * 1'000'000LL;
  out->has_offset = true;
  out->offset_us = s[pos] == '-' ? -offset : offset;
  out->length = end;
}

}  // namespace

unsigned MonthFromName(std::string_view s, size_t pos) {
  static constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (pos + 3 > s.size()) return 0;
  std::string_view name = s.substr(pos, 3);
  for (unsigned m = 0; m < 12; ++m) {
    if (kMonths.substr(m * 3, 3) == name) return m + 1;
  }
  return 0;
}

namespace {

// Reads "HH:MM:SS" at pos into *seconds_of_day; false if it is not there.
bool ReadClock(std::string_view s, size_t pos, int64_t* seconds_of_day) {
  int hour, minute, second;
  if (!ReadDigits(s, pos, 2, &hour) || hour > 23 || s.size() <= pos + 2 || s[pos + 2] != ':' ||
      !ReadDigits(s, pos + 3, 2, &minute) || minute > 59 || s.size() <= pos + 5 ||
      s[pos + 5] != ':' || !ReadDigits(s, pos + 6, 2, &second) || second > 60) {
    return false;
  }
  *seconds_of_day = hour * 3600LL + minute * 60LL + second;
  return true;
}

// ScanLog4jTime for a line outside the cached minute, out of line so that the usual path saves
// no more registers than it needs. A log with a few lines a minute (a client's) still shares the
// day: "YYYY-MM-DD " is remembered with its midnight, and then only the time of day is read.
// Both caches are updated for the lines after.
[[gnu::noinline]] bool ScanOutsideCachedMinute(std::string_view s, ScannedTime* out,
                                               int* fail_column, char* cached_minute,
                                               int64_t* cached_minute_micros) {
  thread_local char cached_day[11];
  thread_local int64_t cached_day_micros = -1;
  int64_t seconds_of_day;
  if (cached_day_micros >= 0 && s.size() >= 19 && std::memcmp(s.data(), cached_day, 11) == 0 &&
      ReadClock(s, 11, &seconds_of_day)) {
    out->local = cached_day_micros + seconds_of_day * 1'000'000LL;
    out->length = 19;
    out->precision = 0;
  } else {
    if (!ScanDateTime(s, '-', false, out, fail_column)) return false;
    ReadClock(s, 11, &seconds_of_day);  // as ScanDateTime read it: valid
    int64_t midnight = out->local - seconds_of_day * 1'000'000LL;
    if (midnight >= 0) {
      std::memcpy(cached_day, s.data(), 11);
      cached_day_micros = midnight;
    }
  }
  if (out->local >= 0) {  // (the modulo below assumes a non-negative time)
    std::memcpy(cached_minute, s.data(), 16);
    *cached_minute_micros = out->local - (out->local / 1'000'000 % 60) * 1'000'000LL;
  }
  return true;
}

}  // namespace

void ScanFraction(std::string_view s, ScannedTime* out, size_t max_digits) {
  size_t pos = out->length;
  if (pos >= s.size() || (s[pos] != ',' && s[pos] != '.')) return;
  // Milliseconds, as log4j and Python write them, in one step.
  if (pos + 4 <= s.size() && IsDigit(s[pos + 1]) && IsDigit(s[pos + 2]) && IsDigit(s[pos + 3]) &&
      (pos + 4 == s.size() || !IsDigit(s[pos + 4]))) {
    out->local += ((s[pos + 1] - '0') * 100 + (s[pos + 2] - '0') * 10 + (s[pos + 3] - '0')) * 1000;
    out->length = pos + 4;
    out->precision = 3;
    return;
  }
  size_t digits = 0;
  int64_t value = 0;
  while (pos + 1 + digits < s.size() && digits < max_digits && IsDigit(s[pos + 1 + digits])) {
    value = value * 10 + (s[pos + 1 + digits] - '0');
    ++digits;
  }
  if (digits == 0) return;
  int64_t micros = value;
  for (size_t d = digits; d < 6; ++d) micros *= 10;
  for (size_t d = digits; d > 6; --d) micros /= 10;
  out->local += micros;
  out->length = pos + 1 + digits;
  out->precision = static_cast<uint8_t>(digits > 6 ? 6 : digits);
}

int64_t CivilToMicros(int year, unsigned month, unsigned day, int hour, int minute, int second,
                      int64_t micros) {
  return DaysFromCivilCached(year, month, day) * 86'400'000'000LL +
         (hour * 3600LL + minute * 60LL + second) * 1'000'000LL + micros;
}

namespace log4j_time {

bool ScanOther(std::string_view s, ScannedTime* out, int* fail_column) {
  int second;
  if (cached_minute_micros >= 0 && s.size() >= 19 &&
      std::memcmp(s.data(), cached_minute, 16) == 0 && s[16] == ':' &&
      ReadDigits(s, 17, 2, &second) && second <= 60) {
    out->local = cached_minute_micros + second * 1'000'000LL;
    out->length = 19;
    out->precision = 0;
  } else if (!ScanOutsideCachedMinute(s, out, fail_column, cached_minute, &cached_minute_micros)) {
    return false;
  }
  ScanFraction(s, out, 6);
  return true;
}

}  // namespace log4j_time

bool ScanShortDateTime(std::string_view s, ScannedTime* out, int* fail_column) {
  int year, month, day, hour, minute, second;
  if (!ReadDigits(s, 0, 2, &year)) return *fail_column = 0, false;
  if (s.size() <= 2 || s[2] != '/') return *fail_column = 2, false;
  if (!ReadDigits(s, 3, 2, &month) || month < 1 || month > 12) return *fail_column = 3, false;
  if (s.size() <= 5 || s[5] != '/') return *fail_column = 5, false;
  year += year < 70 ? 2000 : 1900;
  if (!ReadDigits(s, 6, 2, &day) ||
      !(date::year(year) / date::month(month) / date::day(day)).ok()) {
    return *fail_column = 6, false;
  }
  if (s.size() <= 8 || s[8] != ' ') return *fail_column = 8, false;
  if (!ReadDigits(s, 9, 2, &hour) || hour > 23) return *fail_column = 9, false;
  if (s.size() <= 11 || s[11] != ':') return *fail_column = 11, false;
  if (!ReadDigits(s, 12, 2, &minute) || minute > 59) return *fail_column = 12, false;
  if (s.size() <= 14 || s[14] != ':') return *fail_column = 14, false;
  if (!ReadDigits(s, 15, 2, &second) || second > 60) return *fail_column = 15, false;
  out->local = DaysFromCivilCached(year, month, day) * 86'400'000'000LL +
               (hour * 3600LL + minute * 60LL + second) * 1'000'000LL;
  out->length = 17;
  out->precision = 0;
  out->has_offset = false;
  ScanFraction(s, out, 6);
  return true;
}

bool ScanDayMonthNameTime(std::string_view s, ScannedTime* out, int* fail_column) {
  int day, year;
  if (!ReadDigits(s, 0, 2, &day)) return *fail_column = 0, false;
  if (s.size() <= 2 || s[2] != '-') return *fail_column = 2, false;
  unsigned month = MonthFromName(s, 3);
  if (month == 0) return *fail_column = 3, false;
  if (s.size() <= 6 || s[6] != '-') return *fail_column = 6, false;
  if (!ReadDigits(s, 7, 4, &year) ||
      !(date::year(year) / date::month(month) / date::day(day)).ok()) {
    return *fail_column = 7, false;
  }
  if (s.size() <= 11 || s[11] != ' ') return *fail_column = 11, false;
  int64_t seconds;
  if (!ReadClock(s, 12, &seconds)) return *fail_column = 12, false;
  out->local = DaysFromCivilCached(year, month, static_cast<unsigned>(day)) * 86'400'000'000LL +
               seconds * 1'000'000LL;
  out->length = 20;
  out->precision = 0;
  out->has_offset = false;
  ScanFraction(s, out, 6);
  return true;
}

bool ScanSyslogTime(std::string_view s, int year, unsigned month_now, ScannedTime* out,
                    int* fail_column) {
  unsigned month = MonthFromName(s, 0);
  if (month == 0) return *fail_column = 0, false;
  if (s.size() <= 6 || s[3] != ' ') return *fail_column = 3, false;
  int day;
  if (s[4] == ' ' && ReadDigits(s, 5, 1, &day)) {
  } else if (!ReadDigits(s, 4, 2, &day)) {
    return *fail_column = 4, false;
  }
  if (month > month_now) --year;
  // Feb 29 in a year that has none: the leap year before it.
  for (int back = 0; back < 8 && month == 2 && day == 29 && !date::year(year).is_leap(); ++back) {
    --year;
  }
  if (!(date::year(year) / date::month(month) / date::day(static_cast<unsigned>(day))).ok()) {
    return *fail_column = 4, false;
  }
  if (s.size() <= 6 || s[6] != ' ') return *fail_column = 6, false;
  int64_t seconds;
  if (!ReadClock(s, 7, &seconds)) return *fail_column = 7, false;
  out->local = DaysFromCivilCached(year, month, static_cast<unsigned>(day)) * 86'400'000'000LL +
               seconds * 1'000'000LL;
  out->length = 15;
  out->precision = 0;
  out->has_offset = false;
  ScanFraction(s, out, 6);
  return true;
}

bool ScanKibanaTime(std::string_view s, ScannedTime* out, int* fail_column) {
  unsigned month = MonthFromName(s, 0);
  if (month == 0) return *fail_column = 0, false;
  if (s.size() < 25 || s[3] != ' ') return *fail_column = 3, false;
  size_t pos = 4;
  int day;
  if (ReadDigits(s, pos, 2, &day)) {
    pos += 2;
  } else if (ReadDigits(s, pos, 1, &day)) {
    ++pos;
  } else {
    return *fail_column = 4, false;
  }
  int year;
  if (s.substr(pos, 2) != ", " || !ReadDigits(s, pos + 2, 4, &year)) {
    return *fail_column = static_cast<int>(pos), false;
  }
  pos += 6;
  if (s.substr(pos, 3) != " @ ") return *fail_column = static_cast<int>(pos), false;
  pos += 3;
  if (!(date::year(year) / date::month(month) / date::day(static_cast<unsigned>(day))).ok()) {
    return *fail_column = 4, false;
  }
  int64_t seconds;
  if (!ReadClock(s, pos, &seconds)) return *fail_column = static_cast<int>(pos), false;
  out->local = DaysFromCivilCached(year, month, static_cast<unsigned>(day)) * 86'400'000'000LL +
               seconds * 1'000'000LL;
  out->length = pos + 8;
  out->precision = 0;
  out->has_offset = false;
  ScanFraction(s, out, 6);
  return true;
}

bool ScanAnyIsoTime(std::string_view s, ScannedTime* out, int* fail_column) {
  size_t skip = 0;
  bool bracket = !s.empty() && s[0] == '[';
  if (bracket) skip = 1;
  std::string_view rest = s.substr(skip);
  char sep = rest.size() > 4 && rest[4] == '/' ? '/' : '-';
  if (!ScanDateTime(rest, sep, true, out, fail_column)) {
    *fail_column += static_cast<int>(skip);
    return false;
  }
  ScanFraction(rest, out, 9);
  ScanZone(rest, out);
  out->length += skip;
  if (bracket && out->length < s.size() && s[out->length] == ']') ++out->length;
  return true;
}

bool ParseUserTime(std::string_view s, int64_t* utc_micros) {
  ScannedTime t;
  int column = 0;
  if (s.size() == 10) {  // a bare date: midnight
    std::string padded(s);
    padded += " 00:00:00";
    if (!ScanAnyIsoTime(padded, &t, &column)) return false;
    *utc_micros = t.local;
    return true;
  }
  if (!ScanAnyIsoTime(s, &t, &column) || t.length != s.size()) return false;
  *utc_micros = t.has_offset ? t.local - t.offset_us : t.local;
  return true;
}

}  // namespace faultline
