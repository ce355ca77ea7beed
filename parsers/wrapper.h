// Wrappers: what a log shipper or terminal puts in front of a log line. The line inside is read
// by the parsers as usual; the wrapper gives its time when the inner line has none, and journald
// gives the host. Kinds:
//   docker          2024-05-02T10:11:12.123456789Z <line>   docker logs -t, kubectl logs
//                                                           --timestamps (RFC 3339, UTC)
//                   {"log":"<line>\n","stream":"stderr","time":"2024-05-02T10:11:12.1Z"}
//                                                           docker's json-file log driver
//   docker-desktop  2024-07-04 19:23:40 <line>              Docker Desktop's "copy" (local time)
//   journald        2024-05-02T10:11:12+0000 host ident[pid]: <line>   journalctl -o short-iso
//   syslog          May 02 10:11:12.123456 host ident[pid]: <line>     journalctl (short,
//                   May  2 10:11:12 host ident[pid]: <line>            short-precise), syslog
//   ui-copy         4/12/2016 12:43:31 PM<line>                 a container UI's "copy" of a
//                                                               log (Rancher; local time, the
//                                                               line glued on or after a blank)
//                   Apr 29, 2020 @ 08:53:06.728\tpod\t<line>     Kibana's Discover table copied
//                                                               as text (local time; columns
//                                                               without blanks before the line)
//   svlogd          2015-11-03_22:43:58.94044 <line>        runit's svlogd -tt (UTC; Mesos and
//                                                           other daemontools-style services)
// Two more are read as kinds above: a CI console's "[2022-01-27T20:20:42.174Z] <line>" (Jenkins'
// timestamper) and an RFC 3339 time before a dated line after a tab or a label ("...Z<TAB><line>",
// "...+00:00 stream-name <line>": a cloud console's copy, aws logs tail) as docker, and a bare time
// of day before a dated line ("11:02:36 <line>", "00:23:08 host ident[pid]: <line>") and a one-word
// label before one ("rabbitmq 2023-06-02 ...") as a ui-copy without a time of its own. A wrapper
// may hold another (a UI's copy of journald-style lines): the inner one, whose time names its zone,
// is the one returned. A syslog time has no year: the caller supplies one (the file's modification
// year, or the current year for standard input), and a month after that date's month is taken as
// the year before (a December line in a log last written in January). docker-desktop is weak: "date
// time " is also how plain layouts begin, so it is only believed when the line inside has a time of
// its own or continues a record (see parsed_source.cc).
#pragma once

#include <cstdint>
#include <string_view>

#include "src/base/record.h"

namespace faultline {

enum class WrapperKind : uint8_t {
  kNone,
  kDocker,
  kDockerDesktop,
  kJournald,
  kSyslog,
  kUiCopy,
  kSvlogd
};
inline constexpr int kWrapperKinds = 7;

/// "docker", "docker-desktop", "journald", "syslog", "ui-copy", "svlogd" ("" for none).
std::string_view WrapperName(WrapperKind kind);

/// The year and month a syslog time without a year is read against.
struct YearHint {
  int year = 1970;
  unsigned month = 12;
  unsigned day = 1;
};

struct Wrapper {
  WrapperKind kind = WrapperKind::kNone;
  int64_t local = kNoInstant;  ///< wall-clock microseconds as written
  bool has_offset = false;     ///< docker and journald name their zone
  int64_t offset_us = 0;
  uint8_t precision = 0;
  std::string_view host;      ///< journald and syslog: the host field
  std::string_view ident;     ///< journald and syslog: the program ("zookeeper", "java")
  std::string_view inner;     ///< the line inside, views into the line given
  bool in_ui_copy = false;    ///< inside a UI's copy (kUiCopy, or a wrapper nested in one)
  bool year_guessed = false;  ///< syslog: the year is the hint's, the line has none

  bool weak() const { return kind == WrapperKind::kDockerDesktop; }
};

/// StripWrapper past its first glance (wrapper.cc).
bool StripWrapperAfterGlance(std::string_view line, const YearHint& year, Wrapper* out);

/// Recognises a wrapper at the start of `line`; false (and *out untouched) when there is none.
/// No allocation; a cheap first-byte test rejects most unwrapped lines.
inline bool StripWrapper(std::string_view line, const YearHint& year, Wrapper* out) {
  // The fixed-width log4j time every line of a ZooKeeper or Hadoop log starts with ("2019-09-17
  // 05:04:12,043 - INFO ...") is refused here, inline: a call per line cost more than the test.
  const char* s = line.data();
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (line.size() >= 20 && digit(s[0]) && s[1] != '/' && s[2] != '/' && s[4] == '-' &&
      s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':' && !digit(s[19]) &&
      s[19] != ' ') {
    return false;
  }
  return StripWrapperAfterGlance(line, year, out);
}

/// The year hint for a file: its modification time's date (standard input and files that cannot
/// be stat'ed: now).
YearHint YearHintForPath(const char* path);

/// journalctl's first line, "-- Logs begin at Mon 2020-01-06 10:00:00 UTC, end at Sat
/// 2020-02-29 12:00:00 UTC. --" (systemd 246 on: "-- Journal begins at ..., ends at ... --"):
/// the date its last entry has, which names the year of the year-less times below it.
bool ReadJournalHeader(std::string_view line, YearHint* out);

}  // namespace faultline
