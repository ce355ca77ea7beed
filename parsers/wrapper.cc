#include "parsers/wrapper.h"

#include <sys/stat.h>

#include <ctime>

#include "parsers/pattern_layout.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

// "host ident[pid]: " or "host ident: " at pos; sets host, ident and inner.
bool ReadHostAndIdent(std::string_view s, size_t pos, Wrapper* out) {
  if (pos >= s.size() || s[pos] != ' ') return false;
  size_t host_begin = pos + 1, host_end = host_begin;
  // A host name has no brackets: "2021-10-20T14:38:51.181-0400 [DEBUG] agent.docker: ..." is
  // HashiCorp's hclog, its level in brackets.
  if (host_begin < s.size() && s[host_begin] == '[') return false;
  while (host_end < s.size() && s[host_end] != ' ' && s[host_end] != ':') ++host_end;
  if (host_end == host_begin || host_end >= s.size() || s[host_end] != ' ') return false;
  // Nor is a level word in capitals a host: "Feb 25 12:52:13.342 TRACE rdkafka::client: msg" is
  // a log line of its own (Rust's tracing), not syslog's.
  Level level;
  std::string_view host = s.substr(host_begin, host_end - host_begin);
  if (host.size() >= 4 && scan::IsUpper(host[0]) && scan::IsUpper(host[1]) &&
      ParseLevel(host, &level)) {
    return false;
  }
  size_t ident_begin = host_end + 1, ident_end = ident_begin;
  if (ident_begin >= s.size() || scan::IsDigit(s[ident_begin])) return false;
  while (ident_end < s.size() && s[ident_end] != ' ' && s[ident_end] != '[' &&
         s[ident_end] != ':') {
    ++ident_end;
  }
  if (ident_end == ident_begin || ident_end >= s.size()) return false;
  size_t pos_after = ident_end;
  if (pos_after + 1 < s.size() && s[pos_after] == ':' && s[pos_after + 1] == ':') return false;
  if (s[pos_after] == '[') {
    size_t close = s.find(']', pos_after);
    if (close == std::string_view::npos || close == pos_after + 1 ||
        scan::ParseSmallInt(s.substr(pos_after + 1, close - pos_after - 1)) < 0) {
      return false;
    }
    pos_after = close + 1;
  }
  if (pos_after >= s.size() || s[pos_after] != ':') return false;
  ++pos_after;
  if (pos_after < s.size() && s[pos_after] == ' ') ++pos_after;
  out->host = s.substr(host_begin, host_end - host_begin);
  out->ident = s.substr(ident_begin, ident_end - ident_begin);
  out->inner = s.substr(pos_after);
  return true;
}

// After a docker-style "...Z" time, "host ident[pid]: " is believed only in full, with a host
// name of plain characters and a pid: a docker line's own text ("\tat org.Foo.bar(Foo.java:1)")
// must not be taken for a host and a program.
bool ReadHostAndProgramWithPid(std::string_view s, size_t pos, Wrapper* out) {
  Wrapper w;
  if (!ReadHostAndIdent(s, pos, &w)) return false;
  for (char c : w.host) {
    if (!scan::IsIdentChar(c) && c != '.' && c != '-') return false;
  }
  std::string_view rest = s.substr(w.ident.data() + w.ident.size() - s.data());
  if (rest.empty() || rest[0] != '[') return false;
  out->host = w.host;
  out->ident = w.ident;
  out->inner = w.inner;
  return true;
}

// Digits at s[*pos], between min and max of them; their value.
bool ReadDigitRun(std::string_view s, size_t* pos, size_t min, size_t max, int* value) {
  size_t p = *pos;
  int v = 0;
  while (p < s.size() && p - *pos < max && scan::IsDigit(s[p])) v = v * 10 + (s[p++] - '0');
  if (p - *pos < min) return false;
  *pos = p;
  *value = v;
  return true;
}

// "h:mm:ss AM" at s[*p] (also "am" when `any_case`): the hour on a 24-hour clock, *p moved past
// the half of the day.
bool ReadTwelveHourClock(std::string_view s, size_t* p, bool any_case, int* hour, int* minute,
                         int* second) {
  size_t q = *p;
  auto expect = [&](char c) { return q < s.size() && s[q++] == c; };
  if (!ReadDigitRun(s, &q, 1, 2, hour) || !expect(':') || !ReadDigitRun(s, &q, 2, 2, minute) ||
      !expect(':') || !ReadDigitRun(s, &q, 2, 2, second) || !expect(' ') || q + 2 > s.size()) {
    return false;
  }
  char half = any_case ? static_cast<char>(s[q] | 0x20) : s[q];
  char m = any_case ? static_cast<char>(s[q + 1] | 0x20) : s[q + 1];
  bool pm = half == (any_case ? 'p' : 'P');
  if ((!pm && half != (any_case ? 'a' : 'A')) || m != (any_case ? 'm' : 'M')) return false;
  if (*hour < 1 || *hour > 12 || *minute > 59 || *second > 60) return false;
  *hour = *hour % 12 + (pm ? 12 : 0);
  *p = q + 2;
  return true;
}

// "M/D/YYYY h:mm:ss AM" at the start of s (a US-style time, as a browser shows it): its local time
// and the position after it.
bool ReadUsTime(std::string_view s, int64_t* local, size_t* end) {
  size_t p = 0;
  int month, day, year, hour, minute, second;
  auto expect = [&](char c) { return p < s.size() && s[p++] == c; };
  if (!ReadDigitRun(s, &p, 1, 2, &month) || !expect('/') || !ReadDigitRun(s, &p, 1, 2, &day) ||
      !expect('/') || !ReadDigitRun(s, &p, 4, 4, &year) || !expect(' ') ||
      !ReadTwelveHourClock(s, &p, false, &hour, &minute, &second)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  *local = CivilToMicros(year, static_cast<unsigned>(month), static_cast<unsigned>(day), hour,
                         minute, second, 0);
  *end = p;
  return true;
}

// "Mon, May 12 2025 10:14:56 am | " at the start of s: a log UI's local time with the weekday and a
// 12-hour clock, then a bar before the line (Rancher 2's log viewer copied as text). Its local time
// and the position of the line.
bool ReadWeekdayBarTime(std::string_view s, int64_t* local, size_t* end) {
  if (s.size() < 28 || s[3] != ',' || s[4] != ' ') return false;
  unsigned month = MonthFromName(s, 5);
  size_t p = 8;
  int day, year, hour, minute, second;
  auto expect = [&](char c) { return p < s.size() && s[p++] == c; };
  if (month == 0 || !expect(' ') || !ReadDigitRun(s, &p, 1, 2, &day) || !expect(' ') ||
      !ReadDigitRun(s, &p, 4, 4, &year) || !expect(' ') ||
      !ReadTwelveHourClock(s, &p, true, &hour, &minute, &second) || s.substr(p, 3) != " | ") {
    return false;
  }
  if (day < 1 || day > 31) return false;
  *local = CivilToMicros(year, month, static_cast<unsigned>(day), hour, minute, second, 0);
  *end = p + 3;
  return true;
}

// A date and time of the fields "YYYY-M-D<between>H:mm:ss" at s[*pos] (month, day and hour of
// `min_digits` to 2 digits); *pos moves past it. False when a field is missing or out of range.
struct Civil {
  int year, month, day, hour, minute, second;
};
bool ReadDashDateTime(std::string_view s, size_t* pos, char between, size_t min_digits, Civil* c) {
  size_t p = *pos;
  auto expect = [&](char ch) { return p < s.size() && s[p++] == ch; };
  if (!ReadDigitRun(s, &p, 4, 4, &c->year) || !expect('-') ||
      !ReadDigitRun(s, &p, min_digits, 2, &c->month) || !expect('-') ||
      !ReadDigitRun(s, &p, min_digits, 2, &c->day) || !expect(between) ||
      !ReadDigitRun(s, &p, min_digits, 2, &c->hour) || !expect(':') ||
      !ReadDigitRun(s, &p, 2, 2, &c->minute) || !expect(':') ||
      !ReadDigitRun(s, &p, 2, 2, &c->second)) {
    return false;
  }
  if (c->month < 1 || c->month > 12 || c->day < 1 || c->day > 31 || c->hour > 23 ||
      c->minute > 59 || c->second > 60) {
    return false;
  }
  *pos = p;
  return true;
}

int64_t CivilMicros(const Civil& c, int64_t micros) {
  return CivilToMicros(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day), c.hour,
                       c.minute, c.second, micros);
}

// "YYYY-M-D H:mm:ss" glued to the line it heads ("2017-5-17 15:28:402017-05-17 07:28:40,818 WARN
// ..."): a log UI's time column copied with its line (Graylog's). Believed only when a digit
// follows the seconds at once, which no log line's own time does.
bool ReadGluedDashTime(std::string_view s, int64_t* local, size_t* end) {
  size_t p = 0;
  Civil c;
  if (!ReadDashDateTime(s, &p, ' ', 1, &c) || p >= s.size() || !scan::IsDigit(s[p])) return false;
  *local = CivilMicros(c, 0);
  *end = p;
  return true;
}

// runit's svlogd -tt: "YYYY-MM-DD_HH:MM:SS.xxxxx <line>", UTC, the fraction's digits as many as
// svlogd writes (five).
bool ReadSvlogdTime(std::string_view s, Wrapper* out) {
  size_t p = 0;
  Civil c;
  if (!ReadDashDateTime(s, &p, '_', 2, &c)) return false;
  ScannedTime fraction;  // svlogd writes five digits
  fraction.length = p;
  ScanFraction(s, &fraction, 9);
  p = fraction.length;
  if (p >= s.size() || s[p++] != ' ') return false;
  Wrapper w;
  w.kind = WrapperKind::kSvlogd;
  w.local = CivilMicros(c, fraction.local);
  w.has_offset = true;
  w.precision = fraction.precision;
  w.inner = s.substr(p);
  *out = w;
  return true;
}

// "0 [Warning] ": a number, then a level in brackets. After an RFC 3339 time this is MySQL's
// error log (the thread id, then the level), not a line docker wrapped: no layout starts so.
bool NumberThenBracketedLevel(std::string_view s) {
  size_t p = 0;
  while (p < s.size() && scan::IsDigit(s[p])) ++p;
  if (p == 0 || p + 2 >= s.size() || s[p] != ' ' || s[p + 1] != '[') return false;
  size_t close = s.find(']', p + 2);
  if (close == std::string_view::npos || close > p + 14) return false;
  std::string_view word = s.substr(p + 2, close - p - 2);
  Level level;
  return ParseLevel(word, &level) || ParseServerLevelWord(word, &level);
}

void TakeTime(const ScannedTime& t, Wrapper* out) {
  out->local = t.local;
  out->precision = t.precision;
  out->has_offset = t.has_offset;
  out->offset_us = t.offset_us;
}

// Whether a line's own date starts at s[pos], bracketed or not ("2016-11-09 ...", "[2016-11-09
// ...", "2017/07/04 ..."): four digits of a year and a '-' or '/' after them.
bool DateStartsAt(std::string_view s, size_t pos) {
  if (pos < s.size() && s[pos] == '[') ++pos;
  if (pos + 5 > s.size()) return false;
  for (size_t i = pos; i < pos + 4; ++i) {
    if (!scan::IsDigit(s[i])) return false;
  }
  return s[pos + 4] == '-' || s[pos + 4] == '/';
}

// A time of day before a dated line: a CI console's or a journal copy's "HH:MM:SS " (Jenkins'
// timestamper without its date, journalctl's short output pasted without month and day), maybe
// with "host ident[pid]: " after it. It names no date, so it gives no time, and it is taken
// only when a date follows: a console's copy of a log, as a UI's is.
bool ReadTimeOfDayPrefix(std::string_view s, Wrapper* out) {
  size_t p = 0;
  int hour, minute, second;
  if (!ReadDigitRun(s, &p, 2, 2, &hour) || s[p++] != ':' || !ReadDigitRun(s, &p, 2, 2, &minute) ||
      s[p++] != ':' || !ReadDigitRun(s, &p, 2, 2, &second) || hour > 23 || minute > 59 ||
      second > 60) {
    return false;
  }
  ScannedTime fraction;
  fraction.length = p;
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) ScanFraction(s, &fraction, 9);
  p = fraction.length;
  if (p >= s.size() || s[p] != ' ') return false;
  Wrapper w;
  w.kind = WrapperKind::kUiCopy;
  w.in_ui_copy = true;
  if (!ReadHostAndIdent(s, p, &w)) w.inner = s.substr(p + 1);
  size_t start = 0;
  while (start < w.inner.size() && w.inner[start] == ' ') ++start;
  if (!DateStartsAt(w.inner, start)) return false;
  w.inner.remove_prefix(start);  // Consul 0.x indents its lines by four blanks
  *out = w;
  return true;
}

// A one-word label before a dated line ("rabbitmq 2023-06-02 09:00:17.674258+00:00 [info] ..."):
// a service's or pod's name that a log viewer or an image's entrypoint put before each line. The
// name has no blanks, is no level word (a level-first layout's "WARN  [2021-...]") and is
// followed by a date at once; it gives no time.
bool ReadLabelBeforeDate(std::string_view s, Wrapper* out) {
  size_t end = 0;
  while (end < s.size() && end <= 40 &&
         (scan::IsIdentChar(s[end]) || s[end] == '-' || s[end] == '.')) {
    ++end;
  }
  if (end < 2 || end >= s.size() || s[end] != ' ' || !DateStartsAt(s, end + 1)) return false;
  Level level;
  std::string_view label = s.substr(0, end);
  if (ParseLevel(label, &level) || ParseServerLevelWord(label, &level)) return false;
  Wrapper w;
  w.kind = WrapperKind::kUiCopy;
  w.in_ui_copy = true;
  w.inner = s.substr(end + 1);
  *out = w;
  return true;
}

// A CI console's bracketed RFC 3339 time before each line (Jenkins' timestamper plugin:
// "[2022-01-27T20:20:42.174Z] <line>"), read as docker's is.
bool ReadBracketedRfc3339(std::string_view s, Wrapper* out) {
  ScannedTime t;
  int column = 0;
  if (s.size() < 24 || s[11] != 'T' || !scan::IsDigit(s[1]) ||
      !ScanAnyIsoTime(s.substr(1), &t, &column) || !t.has_offset || t.length + 2 >= s.size() ||
      s[t.length + 1] != ']' || s[t.length + 2] != ' ') {
    return false;
  }
  Wrapper w;
  TakeTime(t, &w);
  w.kind = WrapperKind::kDocker;
  w.inner = s.substr(t.length + 3);
  *out = w;
  return true;
}

// docker's json-file log driver, as /var/lib/docker/containers/*/*-json.log holds each line and
// users paste it: {"log":"<line>\n","stream":"stderr","time":"2019-02-18T03:22:53.7525Z"}. The
// line inside keeps its JSON escapes (a view cannot undo them; messages keep escapes as written).
bool ReadDockerJsonFile(std::string_view s, Wrapper* out) {
  constexpr std::string_view kLog = "{\"log\":\"", kTime = "\"time\":\"";
  if (!s.starts_with(kLog)) return false;
  size_t close = kLog.size();
  while (close < s.size() && s[close] != '"') close += s[close] == '\\' ? 2 : 1;
  if (close >= s.size()) return false;
  std::string_view inner = s.substr(kLog.size(), close - kLog.size());
  if (inner.ends_with("\\n")) inner.remove_suffix(2);
  if (inner.ends_with("\\r")) inner.remove_suffix(2);
  size_t time = s.find(kTime, close);
  if (time == std::string_view::npos) return false;
  std::string_view value = s.substr(time + kTime.size());
  ScannedTime t;
  int column = 0;
  if (!ScanAnyIsoTime(value, &t, &column) || !t.has_offset || t.length >= value.size() ||
      value[t.length] != '"') {
    return false;
  }
  Wrapper w;
  TakeTime(t, &w);
  w.kind = WrapperKind::kDocker;
  w.inner = inner;
  *out = w;
  return true;
}

// After an RFC 3339 time that ends at s[pos], where a dated line starts: after a tab (a cloud
// console's time column copied as text, CloudWatch's) or after a blank, a label without blanks
// and a blank (the log stream's name, "aws logs tail"). 0 when no dated line follows so: the
// line inside then has a time of its own, and a layout's own "time<TAB>LEVEL" (zap's console
// encoder) is not taken for a wrapper.
size_t TimeColumnBeforeDatedLine(std::string_view s, size_t pos) {
  if (pos + 1 >= s.size()) return 0;
  if (s[pos] == '\t') return DateStartsAt(s, pos + 1) ? pos + 1 : 0;
  if (s[pos] != ' ') return 0;
  size_t label = pos + 1, end = label;
  while (end < s.size() && end - label <= 64 && s[end] != ' ' && s[end] != '\t') ++end;
  if (end == label || end >= s.size() || s[end] != ' ' || DateStartsAt(s, label)) return 0;
  // A level word, bracketed or not, is the line's own first field ("DEBUG 2024-03-17 03:14:10,834
  // [main] ...", a level-first layout in a container), not a label a viewer put before it.
  std::string_view word = s.substr(label, end - label);
  if (word.size() > 2 && word.front() == '[' && word.back() == ']')
    word = word.substr(1, word.size() - 2);
  Level level;
  if (ParseLevel(word, &level)) return 0;
  return DateStartsAt(s, end + 1) ? end + 1 : 0;
}

// A UI's copy `copy` of a line: the wrapper inside it, whose time names its zone, if there is
// one (journald-style lines copied from a UI), else the copy itself; marked as copied either way.
void TakeUiCopy(Wrapper copy, const YearHint& year, Wrapper* out) {
  Wrapper nested;
  if (StripWrapper(copy.inner, year, &nested) && !nested.weak()) copy = nested;
  copy.in_ui_copy = true;
  *out = copy;
}

}  // namespace

std::string_view WrapperName(WrapperKind kind) {
  switch (kind) {
    case WrapperKind::kNone:
      return "";
    case WrapperKind::kDocker:
      return "docker";
    case WrapperKind::kDockerDesktop:
      return "docker-desktop";
    case WrapperKind::kJournald:
      return "journald";
    case WrapperKind::kSyslog:
      return "syslog";
    case WrapperKind::kUiCopy:
      return "ui-copy";
    case WrapperKind::kSvlogd:
      return "svlogd";
  }
  return "";
}

bool StripWrapperAfterGlance(std::string_view s, const YearHint& year, Wrapper* out) {
  if (s.size() < 20) return false;
  ScannedTime t;
  int column = 0;
  if (scan::IsDigit(s[0])) {
    if (s[1] == '/' || s[2] == '/') {  // "4/12/2016 12:43:31 PM": a UI's copy
      Wrapper w;
      size_t end = 0;
      if (!ReadUsTime(s, &w.local, &end)) return false;
      // "... AM - name - INFO - msg": a separator after the time makes it the line's own (a
      // Python datefmt of "%m/%d/%Y %I:%M:%S %p"), not a UI's column glued before a line.
      if (end + 2 < s.size() && s[end] == ' ' && s[end + 2] == ' ' &&
          (s[end + 1] == '-' || s[end + 1] == '|' || s[end + 1] == ':')) {
        return false;
      }
      w.kind = WrapperKind::kUiCopy;
      w.inner = s.substr(end < s.size() && s[end] == ' ' ? end + 1 : end);
      TakeUiCopy(w, year, out);
      return true;
    }
    if (s[2] == ':') return ReadTimeOfDayPrefix(s, out);
    if (s[4] != '-') return false;
    // A UI's time glued to its line. The common fixed-width time ("2019-09-17 05:04:12,043 ...")
    // does not come here: StripWrapper refuses it at a glance (wrapper.h).
    bool fixed_width = s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':';
    if (!fixed_width || scan::IsDigit(s[19])) {
      Wrapper w;
      size_t end = 0;
      if (ReadGluedDashTime(s, &w.local, &end)) {
        w.kind = WrapperKind::kUiCopy;
        w.inner = s.substr(end);
        TakeUiCopy(w, year, out);
        return true;
      }
    }
    if (s[10] == '_') return ReadSvlogdTime(s, out);
    if (s[10] == 'T') {
      // RFC 3339 with a zone: docker / kubectl ("...Z <line>"), or journalctl -o short-iso
      // ("...+0000 host ident[pid]: <line>").
      if (!ScanAnyIsoTime(s, &t, &column) || !t.has_offset || t.length >= s.size()) return false;
      Wrapper w;
      TakeTime(t, &w);
      if (size_t inner = TimeColumnBeforeDatedLine(s, t.length); inner != 0) {
        w.kind = WrapperKind::kDocker;
        w.inner = s.substr(inner);
        *out = w;
        return true;
      }
      if (s[t.length] != ' ') return false;
      // Docker writes "Z"; journalctl writes a numeric offset ("+0000", "+00:00"). A program
      // that writes "time host ident[pid]: " itself (confd) is read as journald too.
      if ((s[t.length - 1] != 'Z' && ReadHostAndIdent(s, t.length, &w)) ||
          (s[t.length - 1] == 'Z' && ReadHostAndProgramWithPid(s, t.length, &w))) {
        w.kind = WrapperKind::kJournald;
      } else if (s[19] == ',' || (s[t.length - 1] != 'Z' && s[t.length - 3] != ':')) {
        // Not RFC 3339 (a comma before the fraction, "+0800"): a log4j2 layout's own time
        // ("2022-06-17T13:27:17,331+0800 [main] INFO ..."), not a log shipper's.
        return false;
      } else if (NumberThenBracketedLevel(s.substr(t.length + 1))) {
        return false;  // MySQL's own "2019-05-20T05:32:23.652839Z 0 [Warning] msg"
      } else {
        w.kind = WrapperKind::kDocker;
        w.inner = s.substr(t.length + 1);
        // The CRI format containerd and CRI-O write under /var/log/containers adds the stream and
        // a full/partial tag: "...Z stdout F <line>". (A partial line's rest is the next line.)
        for (std::string_view stream : {"stdout ", "stderr "}) {
          if (w.inner.size() >= 9 && w.inner.starts_with(stream) &&
              (w.inner[7] == 'F' || w.inner[7] == 'P') && w.inner[8] == ' ') {
            w.inner.remove_prefix(9);
          }
        }
      }
      *out = w;
      return true;
    }
    // Docker Desktop: "YYYY-MM-DD HH:MM:SS " exactly, then the line.
    if (s[10] != ' ' || s[19] != ' ') return false;
    if (!ScanAnyIsoTime(s.substr(0, 19), &t, &column) || t.length != 19) return false;
    Wrapper w;
    TakeTime(t, &w);
    w.kind = WrapperKind::kDockerDesktop;
    w.inner = s.substr(20);
    if (w.inner.empty()) return false;
    *out = w;
    return true;
  }
  if (s[0] == '[') return ReadBracketedRfc3339(s, out);
  if (s[0] == '{') return ReadDockerJsonFile(s, out);
  if (!scan::IsUpper(s[0])) return s[0] >= 'a' && s[0] <= 'z' && ReadLabelBeforeDate(s, out);
  size_t column_end = 0;
  if (Wrapper w; s[3] == ',' && ReadWeekdayBarTime(s, &w.local, &column_end)) {
    w.kind = WrapperKind::kUiCopy;
    w.inner = s.substr(column_end);
    TakeUiCopy(w, year, out);
    return true;
  }
  if (s[3] == ' ' && (s[5] == ',' || s[6] == ',')) {
    // Kibana's Discover table copied as text: "Apr 29, 2020 @ 08:53:06.728<TAB>" (the browser's
    // local time), the columns the user chose (a pod or host name) each ended by a tab, then the
    // line. A column is skipped only when a tab follows it and it has no blank.
    if (!ScanKibanaTime(s, &t, &column) || t.length >= s.size()) return false;
    if (s[t.length] == ' ') {
      // The same table copied with blanks and " | " between its columns ("Oct 20, 2023 @
      // 17:40:51.333 learn | 2023-10-20 17:40:51,325 | INFO | ..."): the columns end at the
      // first " | " that a dated line follows.
      size_t bar = s.find(" | ", t.length);
      if (bar == std::string_view::npos || bar > t.length + 64 || !DateStartsAt(s, bar + 3)) {
        return false;
      }
      Wrapper w;
      TakeTime(t, &w);
      w.kind = WrapperKind::kUiCopy;
      w.inner = s.substr(bar + 3);
      TakeUiCopy(w, year, out);
      return true;
    }
    if (s[t.length] != '\t') return false;
    Wrapper w;
    TakeTime(t, &w);
    w.kind = WrapperKind::kUiCopy;
    size_t pos = t.length + 1;
    for (size_t tab; (tab = s.find('\t', pos)) != std::string_view::npos && tab > pos;) {
      if (s.substr(pos, tab - pos).find(' ') != std::string_view::npos) break;
      pos = tab + 1;
    }
    w.inner = s.substr(pos);
    TakeUiCopy(w, year, out);
    return true;
  }
  if (!ScanSyslogTime(s, year.year, year.month, &t, &column)) return false;
  Wrapper w;
  TakeTime(t, &w);
  if (!ReadHostAndIdent(s, t.length, &w)) return false;
  w.kind = WrapperKind::kSyslog;
  w.year_guessed = true;
  *out = w;
  return true;
}

YearHint YearHintForPath(const char* path) {
  std::time_t when = std::time(nullptr);
  struct stat st;
  if (path != nullptr && std::string_view(path) != "-" && ::stat(path, &st) == 0) {
    when = st.st_mtime;
  }
  std::tm tm{};
  gmtime_r(&when, &tm);
  YearHint hint;
  hint.year = tm.tm_year + 1900;
  hint.month = static_cast<unsigned>(tm.tm_mon + 1);
  hint.day = static_cast<unsigned>(tm.tm_mday);
  return hint;
}

bool ReadJournalHeader(std::string_view line, YearHint* out) {
  if (!line.starts_with("-- Logs begin at ") && !line.starts_with("-- Journal begins at ")) {
    return false;
  }
  size_t end = line.find(", end at ");
  if (end == std::string_view::npos) end = line.find(", ends at ");
  if (end == std::string_view::npos) return false;
  // "Sat 2020-02-29 12:00:00 UTC": the weekday, then the date.
  size_t pos = line.find(' ', line.find(" at ", end) + 4);
  if (pos == std::string_view::npos) return false;
  ++pos;
  int year, month, day;
  auto expect = [&](char c) { return pos < line.size() && line[pos++] == c; };
  if (!ReadDigitRun(line, &pos, 4, 4, &year) || !expect('-') ||
      !ReadDigitRun(line, &pos, 2, 2, &month) || !expect('-') ||
      !ReadDigitRun(line, &pos, 2, 2, &day) || month < 1 || month > 12 || day < 1 || day > 31) {
    return false;
  }
  out->year = year;
  out->month = static_cast<unsigned>(month);
  out->day = static_cast<unsigned>(day);
  return true;
}

}  // namespace faultline
