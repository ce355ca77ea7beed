// Timestamp scanning shared by the parsers: fixed-position digit reads, no locale, no strptime.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace faultline {

/// Microseconds since 1970-01-01 of a civil date and time (no zone applied).
int64_t CivilToMicros(int year, unsigned month, unsigned day, int hour, int minute, int second,
                      int64_t micros);

/// Result of scanning a timestamp at the start of a string.
struct ScannedTime {
  int64_t local = 0;        ///< wall-clock microseconds since the epoch
  size_t length = 0;        ///< bytes consumed
  uint8_t precision = 0;    ///< fractional digits (0, 3, 6, 9 → clamped to 6)
  bool has_offset = false;  ///< a zone designator followed ("Z", "+02:00", "+0200")
  int64_t offset_us = 0;
};

namespace log4j_time {

// Consecutive lines share their minute: ScanLog4jTime remembers "YYYY-MM-DD HH:MM" and its value
// (-1: none yet), then reads only the seconds and fraction. Per thread; here so that the usual
// line is read inline.
inline thread_local char cached_minute[16];
inline thread_local int64_t cached_minute_micros = -1;

/// Whether the eight bytes at `p` are ":SS,mmm" (',' or '.') and a byte that is no digit: one word
/// tested at once, where a test per byte cost about twenty instructions a line.
inline bool IsSecondsAndMillis(const char* p) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if constexpr (std::endian::native != std::endian::little) {
    return p[0] == ':' && digit(p[1]) && digit(p[2]) && (p[3] == ',' || p[3] == '.') &&
           digit(p[4]) && digit(p[5]) && digit(p[6]) && !digit(p[7]);
  } else {
    uint64_t word;
    std::memcpy(&word, p, 8);
    // Bytes 1, 2, 4, 5 and 6 are digits: 0x30 to 0x39, whose high nibble stays 3 after adding 6.
    constexpr uint64_t kHigh = 0x00F0F0F000F0F000ull, kThree = 0x0030303000303000ull;
    constexpr uint64_t kSix = 0x0006060600060600ull;
    if ((word & kHigh) != kThree || ((word + kSix) & kHigh) != kThree) return false;
    return p[0] == ':' && (p[3] == ',' || p[3] == '.') && !digit(p[7]);
  }
}

/// ScanLog4jTime past its usual line.
bool ScanOther(std::string_view s, ScannedTime* out, int* fail_column);

}  // namespace log4j_time

/// Scans "YYYY-MM-DD HH:MM:SS,mmm" (log4j ISO8601 and Python asctime). Also accepts '.' before
/// the fraction. On failure returns false and sets *fail_column. The usual line, in the minute of
/// the line before with milliseconds, is read here, inline: it is the hottest code in faultline.
inline bool ScanLog4jTime(std::string_view s, ScannedTime* out, int* fail_column) {
  using namespace log4j_time;
  if (cached_minute_micros >= 0 && s.size() >= 24 &&
      std::memcmp(s.data(), cached_minute, 16) == 0 && IsSecondsAndMillis(s.data() + 16)) {
    int second = (s[17] - '0') * 10 + (s[18] - '0');
    if (second <= 60) {
      out->local = cached_minute_micros + second * 1'000'000LL +
                   ((s[20] - '0') * 100 + (s[21] - '0') * 10 + (s[22] - '0')) * 1000;
      out->length = 23;
      out->precision = 3;
      return true;
    }
  }
  return ScanOther(s, out, fail_column);
}

/// Scans "yy/MM/dd HH:mm:ss" (log4j %d{yy/MM/dd HH:mm:ss}, Hadoop's console layout), with an
/// optional ",mmm". Years 00-69 are 2000-2069, 70-99 are 1970-1999.
bool ScanShortDateTime(std::string_view s, ScannedTime* out, int* fail_column);

/// Scans "dd-Mon-yyyy HH:MM:SS" with an optional fraction (Python's datefmt '%d-%b-%Y %H:%M:%S',
/// BIND and Tomcat): "02-Jun-2025 14:18:49.699192". English month abbreviations only.
bool ScanDayMonthNameTime(std::string_view s, ScannedTime* out, int* fail_column);

/// 1-12 for an English month abbreviation at s[pos] ("Jan".."Dec"), else 0.
unsigned MonthFromName(std::string_view s, size_t pos);

/// Scans a syslog time without a year, "Mmm dd HH:MM:SS" with the day padded by a space or a zero
/// and an optional fraction ("May  2 10:11:12", "May 02 10:11:12.123456" from journalctl -o
/// short-precise). The year is `year`, or `year` - 1 when the month is after `month_now` (a
/// December line read in January); Feb 29 of a year without one is the leap year's before it.
bool ScanSyslogTime(std::string_view s, int year, unsigned month_now, ScannedTime* out,
                    int* fail_column);

/// Scans Kibana's default date format, "Mmm d, yyyy @ HH:mm:ss.SSS" ("Apr 29, 2020 @
/// 08:53:06.728"), as a copy of its Discover table shows it (the browser's local time).
bool ScanKibanaTime(std::string_view s, ScannedTime* out, int* fail_column);

/// Scans a wider family for the generic parser: ISO 8601 with 'T' or ' ', optional fraction of
/// 1-9 digits, optional zone designator, optional surrounding '[' ']', and "YYYY/MM/DD".
bool ScanAnyIsoTime(std::string_view s, ScannedTime* out, int* fail_column);

/// Parses a user-supplied time (--from, --to, --around): "2019-09-17 05:04:12[.123]",
/// "2019-09-17T05:04:12Z", "2019-09-17" ... Without a zone designator the time is taken as UTC.
bool ParseUserTime(std::string_view s, int64_t* utc_micros);

/// Reads ",mmm" / ".ffffff" at out->length (after the seconds) into *out, moving out->length past
/// it; nothing if there is none. At most `max_digits` digits are read (beyond six, truncated).
void ScanFraction(std::string_view s, ScannedTime* out, size_t max_digits);

}  // namespace faultline
