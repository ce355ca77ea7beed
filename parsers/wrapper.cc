#include "parsers/wrapper.h"

#include <sys/stat.h>

#include <ctime>

#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

// "host ident[pid]: " or "host ident: " at pos; sets host, ident and inner.
bool ReadHostAndIdent(std::string_view s, size_t pos, Wrapper* out) {
  if (pos >= s.size() || s[pos] != ' ') return false;
  size_t host_begin = pos + 1, host_end = host_begin;
  while (host_end < s.size() && s[host_end] != ' ' && s[host_end] != ':') ++host_end;
  if (host_end == host_begin || host_end >= s.size() || s[host_end] != ' ') return false;
  size_t ident_begin = host_end + 1, ident_end = ident_begin;
  if (ident_begin >= s.size() || scan::IsDigit(s[ident_begin])) return false;
  while (ident_end < s.size() && s[ident_end] != ' ' && s[ident_end] != '[' &&
         s[ident_end] != ':') {
    ++ident_end;
  }
  if (ident_end == ident_begin || ident_end >= s.size()) return false;
  size_t pos_after = ident_end;
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

void TakeTime(const ScannedTime& t, Wrapper* out) {
  out->local = t.local;
  out->precision = t.precision;
  out->has_offset = t.has_offset;
  out->offset_us = t.offset_us;
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
  }
  return "";
}

bool StripWrapper(std::string_view s, const YearHint& year, Wrapper* out) {
  if (s.size() < 20) return false;
  ScannedTime t;
  int column = 0;
  if (scan::IsDigit(s[0])) {
    if (s[4] != '-') return false;
    if (s[10] == 'T') {
      // RFC 3339 with a zone: docker / kubectl ("...Z <line>"), or journalctl -o short-iso
      // ("...+0000 host ident[pid]: <line>").
      if (!ScanAnyIsoTime(s, &t, &column) || !t.has_offset || t.length >= s.size() ||
          s[t.length] != ' ') {
        return false;
      }
      Wrapper w;
      TakeTime(t, &w);
      // Docker writes "Z"; journalctl writes a numeric offset ("+0000", "+00:00").
      if (s[t.length - 1] != 'Z' && ReadHostAndIdent(s, t.length, &w)) {
        w.kind = WrapperKind::kJournald;
      } else if (s[19] == ',' || (s[t.length - 1] != 'Z' && s[t.length - 3] != ':')) {
        // Not RFC 3339 (a comma before the fraction, "+0800"): a log4j2 layout's own time
        // ("2022-06-17T13:27:17,331+0800 [main] INFO ..."), not a log shipper's.
        return false;
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
  if (!scan::IsUpper(s[0])) return false;
  if (!ScanSyslogTime(s, year.year, year.month, &t, &column)) return false;
  Wrapper w;
  TakeTime(t, &w);
  if (!ReadHostAndIdent(s, t.length, &w)) return false;
  w.kind = WrapperKind::kSyslog;
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
  return hint;
}

}  // namespace faultline
