#include "parsers/date_shapes.h"

#include <iterator>
#include <string>
#include <vector>

#include "parsers/date_format.h"
#include "parsers/scan_util.h"

namespace faultline {
namespace {

constexpr std::string_view kDateShapes[] = {
    "yyyy-MM-dd HH:mm:ss.SSSXXX",    // ISO 8601, with or without a fraction and a zone
    "yyyy-MM-dd HH:mm:ss.SSS Z",     // a zone after a blank (Puppet, Go's time.Time.String)
    "yyyy/MM/dd HH:mm:ss.SSS",       // Go's log package, Pinot
    "yyyy/MM/dd HH:mm:ss.SSS Z",     // the same with a zone after a blank (TiDB's "+00:00")
    "yy/MM/dd HH:mm:ss.SSS",         // Hadoop's console, zkclient's tests
    "yyyy.MM.dd HH:mm:ss.SSS",       // ClickHouse, stunnel
    "MM-dd-yyyy HH:mm:ss.SSS",       // Splunk's own logs; a 13th month fails...
    "dd-MM-yyyy HH:mm:ss.SSS",       // ...and the day-first order reads it (Python's "%d-%m-%Y")
    "dd.MM.yyyy HH:mm:ss.SSS",       // the European order with dots
    "yyyyMMdd HH:mm:ss.SSS",         // the date's digits run together (C++ loggers)
    "dd/MMM/yyyy:HH:mm:ss.SSS Z",    // the Common Log Format's (Jetty's and httpd's requests)
    "dd/MMM/yyyy HH:mm:ss.SSS Z",    // the same with a blank (Django's "%d/%b/%Y %H:%M:%S %z")
    "dd/MMM/yyyy HH:mm:ss.SSS",      // ...and without a zone
    "dd-MMM-yyyy HH:mm:ss.SSS",      // Tomcat's catalina.out
    "dd MMM yyyy HH:mm:ss.SSS",      // log4j's DATE
    "MMM dd, yyyy h:mm:ss a",        // java.util.logging
    "EEE, dd MMM yyyy HH:mm:ss z",   // RFC 1123 (JavaScript's toUTCString)
    "EEE MMM dd HH:mm:ss z yyyy",    // date(1)
    "EEE MMM dd HH:mm:ss.SSS yyyy",  // C's ctime() (Perl's localtime, Druid's supervise), with
                                     // a fraction as Apache httpd writes it
    "M/d/yyyy h:mm:ss a",            // US order with the half of the day (Windows' Event Viewer)
    "MM/dd/yyyy HH:mm:ss.SSS",       // US order (Akka's default logger); a 13th month fails...
    "dd/MM/yyyy HH:mm:ss.SSS",       // ...and the day-first order reads it
    "dd/MM/yy HH:mm:ss:SSS z",       // a millisecond after a colon (Dubbo's samples)
    "yyyy-MM-dd HH:mm:ss:SSS",       // the same in log4j patterns people write by hand
    "MM/dd/yyyy HH:mm:ss:SSS",       // ("%d{yyyy-MM-dd HH:mm:ss:SSS}", "%d{dd/MM/yyyy
    "dd/MM/yyyy HH:mm:ss:SSS",       // HH:mm:ss:SSS}", "%d{yy/MM/dd HH:mm:ss:SSS}")
    "yy/MM/dd HH:mm:ss:SSS",
    "h:mma",                // Go's time.Kitchen, no date (zerolog's console "3:04PM")
    "MMM dd HH:mm:ss.SSS",  // no year: syslog's order (Rust tracing's local time)
    "dd MMM HH:mm:ss.SSS",  // no year: day first (log4j's "%d{dd MMM HH:mm:ss}")
    "UNIX",                 // epoch seconds, a fraction optional (librdkafka)
    "UNIX_MILLIS",          // epoch milliseconds; micro- and nanoseconds (Go's UnixNano)
    "HH:mm:ss.SSS",         // a time of day: last, so that a date wins
};
constexpr int kTimeOfDay = static_cast<int>(std::size(kDateShapes)) - 1;
constexpr int kEpochSeconds = kTimeOfDay - 2, kEpochMillis = kTimeOfDay - 1;
constexpr int kYearlessMonthFirst = kTimeOfDay - 4, kYearlessDayFirst = kTimeOfDay - 3;
constexpr int kKitchen = kTimeOfDay - 5;

// An epoch number is a time only in the years a log can be from (2000 to 2100): a number at the
// start of a line is otherwise a count, an id or a line number.
bool PlausibleEpoch(const ScannedTime& t) {
  constexpr int64_t kYear2000Us = 946'684'800'000'000, kYear2100Us = 4'102'444'800'000'000;
  return t.local >= kYear2000Us && t.local < kYear2100Us;
}

const std::vector<DateFormat>& Compiled() {
  static const std::vector<DateFormat> shapes = [] {
    std::vector<DateFormat> compiled(std::size(kDateShapes));
    std::string error;
    for (size_t i = 0; i < compiled.size(); ++i) {
      CompileJavaDate(kDateShapes[i], &compiled[i], &error);
    }
    return compiled;
  }();
  return shapes;
}

// A zone read after a blank is a zone, not the next field: "+0000", "UTC", "CST", but not the
// level word of "2015-02-09 22:19:15,426 INFO : ..." nor the "I" of Go's "I | ..."; and a read
// that ends with the blank before a missing zone is the shape without it.
bool PlausibleZone(std::string_view read) {
  size_t blank = read.rfind(' ');
  if (blank == std::string_view::npos) return true;
  std::string_view word = read.substr(blank + 1);
  if (word.empty()) return false;
  // java.util.logging's "Jun 27, 2019 10:45:49 AM": the last word is the half of the day.
  if (word == "AM" || word == "PM" || word == "am" || word == "pm") return true;
  if (word[0] == '+' || word[0] == '-' || scan::IsDigit(word[0])) return true;
  // A zone's name or id starts with a capital ("UTC", "CEST", "Europe/Paris"); a lower-case word
  // is the next field (Django's "[%(asctime)s] %(module)s": "08/Feb/2021 00:31:29 settings").
  Level level;
  return word.size() >= 3 && scan::IsUpper(word[0]) && !ParseLevel(word, &level);
}

}  // namespace

bool FieldEndsAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return true;
  char c = s[pos];
  if (c == '(') {  // log4j's milliseconds since start glued to the time: "%d(%r)"
    size_t digits = pos + 1;
    while (digits < s.size() && scan::IsDigit(s[digits])) ++digits;
    return digits > pos + 1 && digits < s.size() && s[digits] == ')';
  }
  return c == ' ' || c == '\t' || c == ']' || c == ')' || c == '>' || c == ':' || c == '|' ||
         c == ';' || c == ',';
}

int ReadDateShape(std::string_view s, size_t pos, ScannedTime* out, size_t* end) {
  // Every shape starts with a digit or a capital (a month or a weekday name).
  if (pos >= s.size() || !(scan::IsDigit(s[pos]) || scan::IsUpper(s[pos]))) return -1;
  int best = -1;
  size_t best_end = pos;
  const std::vector<DateFormat>& shapes = Compiled();
  for (size_t i = 0; i < shapes.size(); ++i) {
    ScannedTime t;
    size_t e = pos;
    bool epoch = static_cast<int>(i) == kEpochSeconds || static_cast<int>(i) == kEpochMillis;
    if (!shapes[i].Read(s, pos, &t, &e) || e <= best_end || !FieldEndsAt(s, e)) continue;
    // A zone left empty inside the time's bracket ("[08/Feb/2021 00:31:29 ]": Python's "%z" of a
    // naive time) is the shape without it, the blank before the bracket read with it.
    bool empty_zone = s[e - 1] == ' ' && e < s.size() && s[e] == ']';
    if (epoch ? PlausibleEpoch(t) : (PlausibleZone(s.substr(pos, e - pos)) || empty_zone)) {
      best = static_cast<int>(i);
      best_end = e;
      *out = t;
    }
  }
  // A time of day without its fraction only before a level ("[10:00:00 INF] Starting"); a
  // kitchen clock ("3:04PM INF msg") too.
  if ((best == kTimeOfDay && best_end - pos < 10) || best == kKitchen) {
    // The level may stand after the time's bracket, glued to it or in a bracket of its own
    // ("[03:14:07] INFO", "[03:14:07]DEBUG", "[03:14:07][INFO ]").
    size_t word = s.size();
    if (best_end < s.size() && s[best_end] == ' ') {
      word = best_end + 1;
    } else if (best_end + 1 < s.size() && s[best_end] == ']') {
      word = s[best_end + 1] == ' ' || s[best_end + 1] == '[' ? best_end + 2 : best_end + 1;
    }
    size_t word_end = scan::LetterWordEnd(s, word);
    Level level;
    if (word_end - word < 3 || !ParseLevel(s.substr(word, word_end - word), &level)) return -1;
  }
  *end = best_end;
  return best;
}

std::string_view DateShapeFormat(int index) { return kDateShapes[index]; }

bool DateShapeHasYear(int index) {
  return index != kTimeOfDay && index != kKitchen && index != kYearlessMonthFirst &&
         index != kYearlessDayFirst;
}

}  // namespace faultline
