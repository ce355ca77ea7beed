// Date formats as logging configurations write them, compiled once into a list of fields and read
// without a locale or strptime: Java's SimpleDateFormat letters (log4j, logback, log4j2 `%d{...}`,
// with the named formats ISO8601, ABSOLUTE, DATE, DEFAULT, COMPACT, UNIX, UNIX_MILLIS ...) and
// Python's strftime directives (`datefmt`).
//
//   DateFormat f;  std::string error;
//   CompileJavaDate("yyyy-MM-dd HH:mm:ss,SSS", &f, &error);
//   ScannedTime t;  size_t end;
//   if (f.Read(line, 0, &t, &end)) ...
//
// Reading is lenient where writers differ and the meaning does not: 'T' and ' ' between date and
// time are the same, ',' and '.' before a fraction are the same, a fraction has 1 to 9 digits, and
// a fraction the line leaves out (with its separator) is read as zero.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/timestamp.h"

namespace faultline {

class DateFormat {
 public:
  enum class Field : uint8_t {
    kLiteral,  ///< one character
    kBlank,    ///< one or more spaces
    kYear4,
    kYear2,
    kMonth,      ///< digits
    kMonthName,  ///< "Jan" or "January"
    kDay,
    kHour24,
    kHour12,
    kMinute,
    kSecond,
    kFraction,  ///< 1-9 digits
    kAmPm,
    kWeekday,       ///< a word of letters, ignored
    kZone,          ///< "Z", "+02", "+0200", "+02:00", "UTC", "GMT", "CET" (UTC/GMT/Z, numbers
                    ///< and unambiguous abbreviations give an offset); optional: a line without
                    ///< one stays local time
    kEpochSeconds,  ///< UNIX, %s, %(created)f (with an optional fraction)
    kEpochMillis,   ///< UNIX_MILLIS
  };
  struct Part {
    Field field;
    char literal = 0;    ///< kLiteral
    uint8_t digits = 0;  ///< fixed digit count; 0 = 1 or 2 digits (kMonth, kDay, kHour*)
  };

  /// Reads a time at s[pos]. On success sets *out (local time; offset when a zone was read) and
  /// *end (one past the time). On failure sets *end to the column where reading stopped.
  bool Read(std::string_view s, size_t pos, ScannedTime* out, size_t* end) const;

  bool has_date() const { return has_date_; }
  bool has_year() const { return has_year_; }
  /// The year given to formats without one (syslog-like "MMM dd HH:mm:ss").
  void set_default_year(int year) { default_year_ = year; }
  const std::vector<Part>& parts() const { return parts_; }
  /// Reads what `other` reads: the same fields in the same order.
  bool SameAs(const DateFormat& other) const;
  /// The pattern it was compiled from, as given.
  const std::string& source() const { return source_; }

 private:
  friend bool CompileJavaDate(std::string_view, DateFormat*, std::string*);
  friend bool CompilePythonDate(std::string_view, DateFormat*, std::string*);
  void Add(Field field, uint8_t digits = 0, char literal = 0);
  void Finish();

  std::vector<Part> parts_;
  std::string source_;
  bool has_date_ = false, has_year_ = false;
  /// The format starts "yyyy-MM-dd HH:mm" (or with 'T'): consecutive lines share their minute,
  /// so Read() remembers the last minute's 16 bytes and value and reads only what follows.
  bool iso_minute_ = false;
  int default_year_ = 1970;
};

/// Compiles a SimpleDateFormat pattern or one of log4j's named formats (ISO8601, ABSOLUTE, DATE,
/// DEFAULT, ISO8601_BASIC, ISO8601_OFFSET_DATE_TIME_HH/HHMM/HHCMM, COMPACT, UNIX, UNIX_MILLIS).
/// An empty pattern is log4j's %d default ("yyyy-MM-dd HH:mm:ss,SSS").
bool CompileJavaDate(std::string_view pattern, DateFormat* out, std::string* error);

/// Compiles a Python strftime `datefmt` (%Y %y %m %d %e %H %I %M %S %f %p %b %B %a %A %z %Z %j
/// %F %T %s %%). An empty datefmt is logging's default ("%Y-%m-%d %H:%M:%S", msecs after ',').
bool CompilePythonDate(std::string_view datefmt, DateFormat* out, std::string* error);

}  // namespace faultline
