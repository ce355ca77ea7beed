#include "parsers/continuation.h"

#include "parsers/scan_util.h"

namespace faultline {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return scan::StartsWithAt(s, 0, prefix);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "java.lang.RuntimeException: ...",
// "org.apache.zookeeper.KeeperException$ConnectionLossException",
// "kazoo.exceptions.SessionExpiredError", "ValueError: bad": a dotted or bare identifier that
// names an exception or error, followed by ':' or the end of the line.
[[gnu::always_inline]] inline bool IsExceptionLine(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && (scan::IsIdentChar(s[end]) || s[end] == '.')) ++end;
  // "org.apache.hadoop.ipc.RemoteException(java.io.IOException): ..." has the cause in brackets.
  if (end == 0 || (end < s.size() && s[end] != ':' && s[end] != '(')) return false;
  std::string_view name = s.substr(0, end);
  return EndsWith(name, "Exception") || EndsWith(name, "Error") || EndsWith(name, "Throwable") ||
         name.find("Exception$") != std::string_view::npos ||
         name.find(".exceptions.") != std::string_view::npos;
}

// A stack frame that lost its "\tat " when pasted: "org.apache.zookeeper.server.quorum.Learner.
// connectToLeader(Learner.java:123)", also with a module ("java.base/java.lang.Thread.run(
// Thread.java:829)") and logback's packaging data after it (" ~[zookeeper-3.4.6.jar:3.4.6]").
// The method is qualified by at least a class and a package; the brackets hold "File.java:line",
// "File.java", "Unknown Source" or "Native Method".
bool IsBareFrameLine(std::string_view s) {
  size_t pos = 0;
  size_t slash = s.find('/');
  size_t open = s.find('(');
  if (open == std::string_view::npos || open == 0) return false;
  if (slash != std::string_view::npos && slash < open) pos = slash + 1;  // "java.base/"
  size_t end = pos, dots = 0;
  while (end < open && (scan::IsIdentChar(s[end]) || s[end] == '.' || s[end] == '<' ||
                        s[end] == '>' || s[end] == '-')) {
    dots += s[end] == '.';
    ++end;
  }
  if (end != open || dots < 2) return false;
  size_t close = s.find(')', open);
  if (close == std::string_view::npos) return false;
  std::string_view where = s.substr(open + 1, close - open - 1);
  bool located = where == "Unknown Source" || where == "Native Method" ||
                 where.find(".java") != std::string_view::npos ||
                 where.find(".scala") != std::string_view::npos ||
                 where.find(".kt") != std::string_view::npos;
  if (!located) return false;
  std::string_view rest = s.substr(close + 1);
  return rest.empty() || StartsWith(rest, " ~[") || StartsWith(rest, " [");
}

}  // namespace

// Prefixes that make a line the continuation of the record before it. The first character is
// compared before the prefix: most lines are ruled out without a string comparison.
constexpr std::string_view kContinuationPrefixes[] = {"! ",  // Dropwizard's traces: "! at ..."
                                                      "/**",
                                                      "***",
                                                      "at ",
                                                      "... ",
                                                      "Caused by:",
                                                      "Suppressed:",
                                                      "STARTUP_MSG:",
                                                      "SHUTDOWN_MSG:",
                                                      "Traceback (most recent call last):",
                                                      "During handling of the above exception",
                                                      "The above exception was the direct cause",
                                                      "GC pool '",
                                                      "No GCs detected"};  // JvmPauseMonitor

bool IsContinuationLine(std::string_view s) {
  if (s.empty()) return true;                    // blank lines inside banners and tracebacks
  if (s[0] == ' ' || s[0] == '\t') return true;  // "\tat ...", "  File ...", "    ... 8 more"
  for (std::string_view prefix : kContinuationPrefixes) {
    if (s[0] == prefix[0] && StartsWith(s, prefix)) return true;
  }
  return IsExceptionLine(s) || IsBareFrameLine(s);
}

bool IsIndentedText(std::string_view s) {
  size_t start = s.find_first_not_of(' ');
  if (start == 0 || start == std::string_view::npos || s[start] == '\t') return false;
  std::string_view text = s.substr(start);
  // A stack pasted with its tabs turned to blanks ("    at a.B.c(B.java:1)", "    ... 8 more").
  if (StartsWith(text, "at ") || StartsWith(text, "...") || StartsWith(text, "Caused by")) {
    return false;
  }
  return !IsExceptionLine(text);
}

}  // namespace faultline
