#include "parsers/date_format.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace faultline {
namespace {

using Field = DateFormat::Field;

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// Reads exactly `n` digits, or 1-2 when n == 0.
bool ReadNumber(std::string_view s, size_t* pos, uint8_t n, int* value) {
  size_t p = *pos, limit = n == 0 ? 2 : n;
  int v = 0;
  size_t count = 0;
  while (count < limit && p < s.size() && IsDigit(s[p])) v = v * 10 + (s[p++] - '0'), ++count;
  if (count == 0 || (n != 0 && count != n)) return false;
  *pos = p;
  *value = v;
  return true;
}

// "Jan" or "January" in any case; the month number 1-12.
bool ReadMonthName(std::string_view s, size_t* pos, int* month) {
  size_t p = *pos;
  if (p + 3 > s.size()) return false;
  char abbr[3] = {Lower(s[p]), Lower(s[p + 1]), Lower(s[p + 2])};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (std::string_view(abbr, 3) == kMonths[i]) {
      p += 3;
      while (p < s.size() && IsLetter(s[p])) ++p;  // the rest of a full name
      *pos = p;
      *month = static_cast<int>(i) + 1;
      return true;
    }
  }
  return false;
}

// Zone abbreviations that name one offset wherever they are written (PostgreSQL's "%m" in a
// server's zone, "2023-06-23 14:01:00.956 EDT"); ambiguous ones ("CST": China or US Central,
// "IST", "BST") stay local time, as unknown names do.
bool AbbreviatedZoneOffset(std::string_view name, int* minutes) {
  struct Abbreviation {
    std::string_view name;
    int minutes;
  };
  static constexpr Abbreviation kZones[] = {
      {"EST", -300}, {"EDT", -240},  {"CDT", -300},  {"MST", -420}, {"MDT", -360}, {"PST", -480},
      {"PDT", -420}, {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"WET", 0},    {"WEST", 60},
      {"CET", 60},   {"CEST", 120},  {"EET", 120},   {"EEST", 180}, {"MSK", 180},  {"JST", 540},
      {"KST", 540},  {"AEST", 600},  {"AEDT", 660},  {"NZST", 720}, {"NZDT", 780},
  };
  for (const Abbreviation& zone : kZones) {
    if (zone.name == name) return *minutes = zone.minutes, true;
  }
  return false;
}

// "Z", "+hh", "+hhmm", "+hh:mm", or a zone name. UTC, GMT and Z give an offset of 0, the
// abbreviations above theirs; another name is read and leaves the time local.
bool ReadZone(std::string_view s, size_t* pos, ScannedTime* out) {
  size_t p = *pos;
  if (p >= s.size()) return false;
  if (s[p] == '+' || s[p] == '-') {
    int sign = s[p] == '-' ? -1 : 1, hours = 0, minutes = 0;
    ++p;
    if (!ReadNumber(s, &p, 2, &hours)) return false;
    if (p < s.size() && s[p] == ':') ++p;
    size_t before = p;
    if (!ReadNumber(s, &p, 2, &minutes)) p = before, minutes = 0;
    out->has_offset = true;
    out->offset_us = sign * (hours * 3600LL + minutes * 60LL) * 1'000'000;
    *pos = p;
    return true;
  }
  size_t end = p;
  while (end < s.size() && IsLetter(s[end])) ++end;
  if (end == p) return false;
  std::string_view name = s.substr(p, end - p);
  if (name == "Z" || name == "UTC" || name == "GMT") {
    out->has_offset = true;
    out->offset_us = 0;
  } else if (int minutes = 0; AbbreviatedZoneOffset(name, &minutes)) {
    out->has_offset = true;
    out->offset_us = minutes * 60'000'000LL;
  }
  *pos = end;
  return true;
}

// Seconds since the epoch with an optional fraction ("1712345678.123"); for `millis`,
// milliseconds, or micro- and nanoseconds told by their count of digits (16, 19: Go's UnixNano).
bool ReadEpoch(std::string_view s, size_t* pos, bool millis, ScannedTime* out) {
  size_t p = *pos;
  int64_t v = 0;
  size_t count = 0;
  // At most 12 digits of seconds or 15 of milliseconds (past the year 30000 is no log time, and
  // more would overflow the microseconds); 19 for nanoseconds, which still fit.
  const size_t max_digits = millis ? 19 : 12;
  constexpr int64_t kMaxBeforeDigit = (INT64_MAX - 9) / 10;
  while (p < s.size() && IsDigit(s[p]) && count < max_digits && v <= kMaxBeforeDigit) {
    v = v * 10 + (s[p++] - '0'), ++count;
  }
  if (count < 9) return false;  // before 1973: not a time a log was written at
  if (p < s.size() && IsDigit(s[p])) return false;
  // Scaled only as the unit says: seconds times a million would overflow for the longer counts.
  int64_t micros = millis ? 0 : v * 1'000'000;
  out->precision = 0;
  if (millis) {
    if (count <= 15) {
      micros = v * 1000, out->precision = 3;
    } else if (count == 16) {
      micros = v, out->precision = 6;
    } else if (count == 19) {
      micros = v / 1000, out->precision = 6;
    } else {
      return false;  // 17 or 18 digits: no unit of a clock
    }
  }
  if (!millis && p + 1 < s.size() && s[p] == '.' && IsDigit(s[p + 1])) {
    ++p;
    int64_t scale = 100'000;
    uint8_t digits = 0;
    while (p < s.size() && IsDigit(s[p])) {
      if (scale > 0) micros += (s[p] - '0') * scale, scale /= 10;
      ++p, ++digits;
    }
    out->precision = digits > 6 ? 6 : digits;
  }
  out->local = micros;
  out->has_offset = true;  // an epoch is UTC
  out->offset_us = 0;
  *pos = p;
  return true;
}

}  // namespace

void DateFormat::Add(Field field, uint8_t digits, char literal) {
  parts_.push_back(Part{field, literal, digits});
}

void DateFormat::Finish() {
  has_date_ = has_year_ = false;
  for (const Part& part : parts_) {
    if (part.field == Field::kYear4 || part.field == Field::kYear2) has_year_ = true;
    if (part.field == Field::kDay || part.field == Field::kEpochSeconds ||
        part.field == Field::kEpochMillis) {
      has_date_ = true;
    }
    if (part.field == Field::kEpochSeconds || part.field == Field::kEpochMillis) has_year_ = true;
  }
  auto is = [&](size_t i, Field field, uint8_t digits = 0, char literal = 0) {
    return i < parts_.size() && parts_[i].field == field && parts_[i].digits == digits &&
           parts_[i].literal == literal;
  };
  iso_minute_ = is(0, Field::kYear4) && is(1, Field::kLiteral, 0, '-') && is(2, Field::kMonth, 2) &&
                is(3, Field::kLiteral, 0, '-') && is(4, Field::kDay, 2) &&
                (is(5, Field::kBlank, 0, ' ') || is(5, Field::kLiteral, 0, 'T')) &&
                is(6, Field::kHour24, 2) && is(7, Field::kLiteral, 0, ':') &&
                is(8, Field::kMinute, 2);
}

bool DateFormat::SameAs(const DateFormat& other) const {
  return std::equal(parts_.begin(), parts_.end(), other.parts_.begin(), other.parts_.end(),
                    [](const Part& a, const Part& b) {
                      return a.field == b.field && a.literal == b.literal && a.digits == b.digits;
                    }) &&
         default_year_ == other.default_year_;
}

bool DateFormat::Read(std::string_view s, size_t pos, ScannedTime* out, size_t* end) const {
  int year = default_year_, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t fraction_us = 0;
  bool pm = false, twelve = false, epoch = false;
  uint8_t precision = 0;
  ScannedTime t;
  size_t p = pos;
  auto fail = [&] {
    *end = p;
    return false;
  };
  // The minute cache (iso_minute_): the first nine parts are the 16 bytes remembered. Every
  // format with that start reads those bytes alike, so the cache is shared.
  constexpr size_t kMinuteParts = 9, kMinuteBytes = 16;
  thread_local char cached_minute[kMinuteBytes];
  thread_local int64_t cached_minute_micros = 0;
  size_t first = 0;
  bool from_cache = false;
  if (iso_minute_ && pos + kMinuteBytes <= s.size() &&
      std::memcmp(s.data() + pos, cached_minute, kMinuteBytes) == 0) {
    first = kMinuteParts;
    p = pos + kMinuteBytes;
    from_cache = true;
  }
  bool minute_is_16_bytes = false;
  for (size_t i = first; i < parts_.size(); ++i) {
    if (i == kMinuteParts) minute_is_16_bytes = p == pos + kMinuteBytes;
    const Part& part = parts_[i];
    switch (part.field) {
      case Field::kLiteral: {
        // Past the end nothing matches, not even a NUL literal (a datefmt may hold one).
        char c = p < s.size() ? s[p] : '\0';
        bool same = p < s.size() &&
                    (c == part.literal || (part.literal == 'T' && c == ' ') ||
                     (part.literal == ' ' && c == 'T') ||
                     ((part.literal == ',' || part.literal == '.') && (c == ',' || c == '.')));
        if (!same) {
          // A fraction the line leaves out, separator and all.
          if ((part.literal == ',' || part.literal == '.') && i + 1 < parts_.size() &&
              parts_[i + 1].field == Field::kFraction) {
            ++i;
            break;
          }
          return fail();
        }
        ++p;
        break;
      }
      case Field::kBlank:
        if (p < s.size() && s[p] == 'T') {  // ISO 8601's 'T' where the format has a blank
          ++p;
          break;
        }
        if (p >= s.size() || s[p] != ' ') return fail();
        while (p < s.size() && s[p] == ' ') ++p;
        break;
      case Field::kYear4:
        if (!ReadNumber(s, &p, 4, &year)) return fail();
        break;
      case Field::kYear2:
        if (!ReadNumber(s, &p, 2, &year)) return fail();
        year += year < 70 ? 2000 : 1900;
        break;
      case Field::kMonth:
        if (!ReadNumber(s, &p, part.digits, &month) || month < 1 || month > 12) return fail();
        break;
      case Field::kMonthName:
        if (!ReadMonthName(s, &p, &month)) return fail();
        break;
      case Field::kDay:
        if (part.digits == 0 && p < s.size() && s[p] == ' ') ++p;  // %e and "MMM  d" pad
        if (!ReadNumber(s, &p, part.digits, &day) || day < 1 || day > 31) return fail();
        break;
      case Field::kHour24:
      case Field::kHour12:
        if (!ReadNumber(s, &p, part.digits, &hour) || hour > 23) return fail();
        twelve = twelve || part.field == Field::kHour12;
        break;
      case Field::kMinute:
        if (!ReadNumber(s, &p, part.digits, &minute) || minute > 59) return fail();
        break;
      case Field::kSecond:
        if (!ReadNumber(s, &p, part.digits, &second) || second > 60) return fail();
        break;
      case Field::kFraction: {
        size_t start = p;
        int64_t scale = 100'000;
        while (p < s.size() && IsDigit(s[p]) && p - start < 9) {
          fraction_us += (s[p] - '0') * scale;
          scale /= 10;
          ++p;
        }
        if (p == start) return fail();
        precision = static_cast<uint8_t>(p - start > 6 ? 6 : p - start);
        break;
      }
      case Field::kAmPm:
        if (p + 2 > s.size()) return fail();
        if (Lower(s[p]) == 'p')
          pm = true;
        else if (Lower(s[p]) != 'a')
          return fail();
        if (Lower(s[p + 1]) != 'm') return fail();
        p += 2;
        break;
      case Field::kWeekday: {
        size_t start = p;
        while (p < s.size() && IsLetter(s[p])) ++p;
        if (p - start < 3) return fail();
        break;
      }
      case Field::kZone:
        ReadZone(s, &p, &t);  // optional: Spring Boot 2 and 3 differ only by it
        break;
      case Field::kEpochSeconds:
      case Field::kEpochMillis:
        if (!ReadEpoch(s, &p, part.field == Field::kEpochMillis, &t)) return fail();
        epoch = true;
        break;
    }
  }
  if (parts_.size() == kMinuteParts) minute_is_16_bytes = p == pos + kMinuteBytes;
  if (epoch) {
    *out = t;
    *end = p;
    return true;
  }
  if (twelve) {
    if (hour > 12) return fail();
    hour = hour % 12 + (pm ? 12 : 0);
  }
  if (from_cache) {
    out->local = cached_minute_micros + second * 1'000'000LL + fraction_us;
  } else {
    out->local = CivilToMicros(year, static_cast<unsigned>(month), static_cast<unsigned>(day), hour,
                               minute, second, fraction_us);
    if (iso_minute_ && minute_is_16_bytes) {
      std::memcpy(cached_minute, s.data() + pos, kMinuteBytes);
      cached_minute_micros = out->local - second * 1'000'000LL - fraction_us;
    }
  }
  out->precision = precision;
  out->has_offset = t.has_offset;
  out->offset_us = t.offset_us;
  out->length = p - pos;
  *end = p;
  return true;
}

namespace {

// log4j 1.x, log4j2 and logback names for common formats.
std::string_view NamedJavaFormat(std::string_view name) {
  struct Named {
    std::string_view name, pattern;
  };
  static constexpr Named kNamed[] = {
      {"ISO8601", "yyyy-MM-dd HH:mm:ss,SSS"},  // 'T' and ' ' read alike: log4j2's 'T' too
      {"DEFAULT", "yyyy-MM-dd HH:mm:ss,SSS"},
      {"ISO8601_BASIC", "yyyyMMdd'T'HHmmss,SSS"},
      {"ISO8601_OFFSET_DATE_TIME_HH", "yyyy-MM-dd'T'HH:mm:ss,SSSX"},
      {"ISO8601_OFFSET_DATE_TIME_HHMM", "yyyy-MM-dd'T'HH:mm:ss,SSSXX"},
      {"ISO8601_OFFSET_DATE_TIME_HHCMM", "yyyy-MM-dd'T'HH:mm:ss,SSSXXX"},
      {"ABSOLUTE", "HH:mm:ss,SSS"},
      {"ABSOLUTE_MICROS", "HH:mm:ss,SSSSSS"},
      {"ABSOLUTE_NANOS", "HH:mm:ss,SSSSSSSSS"},
      {"DATE", "dd MMM yyyy HH:mm:ss,SSS"},
      {"COMPACT", "yyyyMMddHHmmssSSS"},
      {"DEFAULT_MICROS", "yyyy-MM-dd HH:mm:ss,SSSSSS"},
      {"DEFAULT_NANOS", "yyyy-MM-dd HH:mm:ss,SSSSSSSSS"},
      {"ISO8601_PERIOD", "yyyy-MM-dd'T'HH:mm:ss.SSS"},
      {"ISO8601_PERIOD_MICROS", "yyyy-MM-dd'T'HH:mm:ss.SSSSSS"},
      {"US_MONTH_DAY_YEAR2_TIME", "dd/MM/yy HH:mm:ss.SSS"},
      {"US_MONTH_DAY_YEAR4_TIME", "dd/MM/yyyy HH:mm:ss.SSS"},
  };
  for (const Named& named : kNamed) {
    if (named.name == name) return named.pattern;
  }
  return {};
}

}  // namespace

bool CompileJavaDate(std::string_view pattern, DateFormat* out, std::string* error) {
  *out = DateFormat();
  out->source_ = std::string(pattern);
  if (pattern.empty()) pattern = "yyyy-MM-dd HH:mm:ss,SSS";
  if (pattern == "UNIX") return out->Add(Field::kEpochSeconds), out->Finish(), true;
  if (pattern == "UNIX_MILLIS") return out->Add(Field::kEpochMillis), out->Finish(), true;
  if (std::string_view named = NamedJavaFormat(pattern); !named.empty()) pattern = named;
  for (size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\'') {  // quoted literal text; '' is a quote
      size_t close = pattern.find('\'', i + 1);
      if (close == std::string_view::npos) {
        *error = "unterminated quote in date format '" + std::string(pattern) + "'";
        return false;
      }
      if (close == i + 1) out->Add(Field::kLiteral, 0, '\'');
      if (pattern.substr(i, close + 1 - i) == "'Z'") {
        out->Add(Field::kZone);  // "...SSS'Z'": the writer's clock is UTC (OpenWhisk)
      } else {
        for (size_t k = i + 1; k < close; ++k) out->Add(Field::kLiteral, 0, pattern[k]);
      }
      i = close + 1;
      continue;
    }
    if (!IsLetter(c)) {
      out->Add(c == ' ' ? Field::kBlank : Field::kLiteral, 0, c);
      ++i;
      continue;
    }
    size_t run = i;
    while (run < pattern.size() && pattern[run] == c) ++run;
    auto n = static_cast<uint8_t>(run - i);
    auto fixed = static_cast<uint8_t>(n >= 2 ? 2 : 0);
    switch (c) {
      case 'y':
      case 'u':
      case 'Y':
        out->Add(n == 2 ? Field::kYear2 : Field::kYear4);
        break;
      case 'M':
      case 'L':
        out->Add(n >= 3 ? Field::kMonthName : Field::kMonth, fixed);
        break;
      case 'd':
        out->Add(Field::kDay, fixed);
        break;
      case 'H':
      case 'k':
        out->Add(Field::kHour24, fixed);
        break;
      case 'h':
      case 'K':
        out->Add(Field::kHour12, fixed);
        break;
      case 'm':
        out->Add(Field::kMinute, fixed);
        break;
      case 's':
        out->Add(Field::kSecond, fixed);
        break;
      case 'S':
      case 'n':
        out->Add(Field::kFraction);
        break;
      case 'a':
        out->Add(Field::kAmPm);
        break;
      case 'E':
        out->Add(Field::kWeekday);
        break;
      case 'Z':
      case 'X':
      case 'x':
      case 'z':
      case 'V':
      case 'O':
        out->Add(Field::kZone);
        break;
      default:
        *error = std::string("date format letter '") + c + "' is not supported in '" +
                 std::string(pattern) + "'";
        return false;
    }
    i = run;
  }
  out->Finish();
  return true;
}

bool CompilePythonDate(std::string_view datefmt, DateFormat* out, std::string* error) {
  *out = DateFormat();
  out->source_ = std::string(datefmt);
  bool default_format = datefmt.empty();
  if (default_format) datefmt = "%Y-%m-%d %H:%M:%S";
  for (size_t i = 0; i < datefmt.size(); ++i) {
    char c = datefmt[i];
    if (c != '%') {
      out->Add(c == ' ' ? Field::kBlank : Field::kLiteral, 0, c);
      continue;
    }
    if (++i >= datefmt.size()) {
      *error = "datefmt '" + std::string(datefmt) + "' ends with '%'";
      return false;
    }
    switch (datefmt[i]) {
      case 'Y':
        out->Add(Field::kYear4);
        break;
      case 'y':
        out->Add(Field::kYear2);
        break;
      case 'm':
        out->Add(Field::kMonth, 2);
        break;
      case 'd':
        out->Add(Field::kDay, 2);
        break;
      case 'e':
        out->Add(Field::kDay, 0);
        break;
      case 'H':
        out->Add(Field::kHour24, 2);
        break;
      case 'I':
        out->Add(Field::kHour12, 2);
        break;
      case 'M':
        out->Add(Field::kMinute, 2);
        break;
      case 'S':
        out->Add(Field::kSecond, 2);
        break;
      case 'f':
        out->Add(Field::kFraction);
        break;
      case 'p':
        out->Add(Field::kAmPm);
        break;
      case 'b':
      case 'B':
      case 'h':
        out->Add(Field::kMonthName);
        break;
      case 'a':
      case 'A':
        out->Add(Field::kWeekday);
        break;
      case 'z':
      case 'Z':
        out->Add(Field::kZone);
        break;
      case 's':
        out->Add(Field::kEpochSeconds);
        break;
      case 'F':
        for (Field f :
             {Field::kYear4, Field::kLiteral, Field::kMonth, Field::kLiteral, Field::kDay}) {
          out->Add(f, f == Field::kYear4 ? 0 : 2, '-');
        }
        break;
      case 'T':
        for (Field f :
             {Field::kHour24, Field::kLiteral, Field::kMinute, Field::kLiteral, Field::kSecond}) {
          out->Add(f, 2, ':');
        }
        break;
      case '%':
        out->Add(Field::kLiteral, 0, '%');
        break;
      default:
        *error = std::string("datefmt directive '%") + datefmt[i] + "' is not supported";
        return false;
    }
  }
  if (default_format) {  // logging appends ",msecs" to its default
    out->Add(Field::kLiteral, 0, ',');
    out->Add(Field::kFraction);
  }
  out->Finish();
  return true;
}

}  // namespace faultline
