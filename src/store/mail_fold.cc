#include "src/store/mail_fold.h"

#include <algorithm>

#include "parsers/scan_util.h"
#include "parsers/timestamp.h"
#include "src/base/record.h"

namespace faultline {
namespace {

using scan::IsDigit;
using scan::IsUpper;

// "2019-09-17", "19/09/17", "17.09.2019", "04:30:01", "081109 203615" (HDFS 0.x), "I0917 " (glog).
bool StartsWithDateOrTime(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (!IsDigit(s[i])) return false;
    }
    return true;
  };
  if (digits(0, 4) && s.size() > 5 && (s[4] == '-' || s[4] == '/') && IsDigit(s[5])) return true;
  if (digits(0, 2) && s.size() > 5 && (s[2] == '-' || s[2] == '/' || s[2] == '.') && digits(3, 2) &&
      (s[5] == s[2])) {
    return true;
  }
  if (digits(0, 2) && s.size() > 7 && s[2] == ':' && digits(3, 2) && s[5] == ':') return true;
  if (digits(0, 6) && s.size() > 7 && s[6] == ' ' && digits(7, 6)) return true;
  if (s.size() > 5 && std::string_view("IWEFD").find(s[0]) != std::string_view::npos &&
      digits(1, 4) && (s[5] == ' ' || s[5] == '\t')) {
    return true;
  }
  return false;
}

// A level name the project knows (ParseLevel), written in capitals as a layout writes it: a
// fragment may well begin with "Fatal error" or "Info:".
bool StartsWithLevel(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && IsUpper(s[end])) ++end;
  if (end < 4 || (end < s.size() && scan::IsIdentChar(s[end]))) return false;
  Level level;
  return ParseLevel(s.substr(0, end), &level);
}

// A syslog time, "Sep 17 04:30:01" (the year does not matter here).
bool StartsWithSyslogTime(std::string_view s) {
  ScannedTime time;
  int column = 0;
  return ScanSyslogTime(s, 2000, 12, &time, &column);
}

std::string_view FirstWord(std::string_view s) { return s.substr(0, s.find(' ')); }

}  // namespace

bool StartsRecordOrTrace(std::string_view line) {
  if (line.empty()) return false;
  std::string_view s = line;
  if (s[0] == '[' || s[0] == '<') {
    s.remove_prefix(1);
    if (!s.empty() && IsDigit(s[0])) return true;  // "[2021-04-02 01:33:58,687]"
  }
  if (StartsWithDateOrTime(s) || StartsWithLevel(s) || StartsWithSyslogTime(s)) return true;
  // A trace's own lines, and a banner's rules (Hadoop's STARTUP_MSG block).
  for (std::string_view own : {"Caused by", "Traceback", "at ", "...", "/*", "****"}) {
    if (line.starts_with(own)) return true;
  }
  std::string_view word = FirstWord(line);
  bool colon = !word.empty() && word.back() == ':';
  if (colon) {
    word.remove_suffix(1);
    // A tag of capitals of its own: Hadoop's "STARTUP_MSG:", "SHUTDOWN_MSG:".
    if (word.size() >= 4 && std::all_of(word.begin(), word.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || c == '_';
        })) {
      return true;
    }
  }
  // "java.net.ConnectException: ...", "KeyError: 'x'"; not a message's "Exception causing ...".
  bool exception =
      word.ends_with("Exception") || word.ends_with("Error") || word.ends_with("Throwable");
  return exception && (colon || word.find('.') != std::string_view::npos);
}

bool ContinuesFolded(std::string_view above, std::string_view next, size_t width) {
  if (next.empty() || above.empty() || next[0] == ' ' || next[0] == '\t') return false;
  if (StartsRecordOrTrace(next)) return false;
  // Folding breaks a line where its next word, with the space after it, no longer fits.
  size_t kept = above.size();
  bool trailing_space = above.back() == ' ' || above.back() == '\t';
  size_t needed = kept + (trailing_space ? 0 : 1) + FirstWord(next).size() + 1;
  return needed > width || kept >= width;
}

void JoinFolded(std::string_view above, std::string_view next, size_t width, std::string* joined) {
  // Folding breaks after a blank, which an archive may have trimmed since; only a line with no
  // blank at all was cut inside a word, at the full width.
  bool after_blank = !above.empty() && (above.back() == ' ' || above.back() == '\t');
  bool inside_word = above.size() >= width && above.find_first_of(" \t") == std::string_view::npos;
  if (!after_blank && !inside_word) joined->push_back(' ');
  joined->append(next);
}

size_t DetectFoldWidth(const std::vector<std::string_view>& lines) {
  size_t width = 0, nonempty = 0;
  for (std::string_view line : lines) {
    width = std::max(width, line.size());
    if (!line.empty()) ++nonempty;
  }
  if (nonempty < 8 || width < 40 || width > 80) return 0;
  size_t fragments = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (ContinuesFolded(lines[i - 1], lines[i], width)) ++fragments;
  }
  return fragments >= 4 && fragments * 4 >= nonempty ? width : 0;
}

std::vector<std::string> UnfoldLines(const std::vector<std::string_view>& lines, size_t width) {
  std::vector<std::string> out;
  std::string_view above;
  for (std::string_view line : lines) {
    if (!out.empty() && ContinuesFolded(above, line, width)) {
      JoinFolded(above, line, width, &out.back());
    } else {
      out.emplace_back(line);
    }
    above = line;
  }
  return out;
}

}  // namespace faultline
