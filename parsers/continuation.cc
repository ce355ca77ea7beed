#include "parsers/continuation.h"

#include "parsers/scan_util.h"

namespace faultline {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "java.lang.RuntimeException: ...",
// "org.apache.zookeeper.KeeperException$ConnectionLossException",
// "kazoo.exceptions.SessionExpiredError", "ValueError: bad": a dotted or bare identifier that
// names an exception or error, followed by ':' or the end of the line.
bool IsExceptionLine(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && (scan::IsIdentChar(s[end]) || s[end] == '.')) ++end;
  // "org.apache.hadoop.ipc.RemoteException(java.io.IOException): ..." has the cause in brackets.
  if (end == 0 || (end < s.size() && s[end] != ':' && s[end] != '(')) return false;
  std::string_view name = s.substr(0, end);
  return EndsWith(name, "Exception") || EndsWith(name, "Error") || EndsWith(name, "Throwable") ||
         name.find("Exception$") != std::string_view::npos ||
         name.find(".exceptions.") != std::string_view::npos;
}

}  // namespace

bool IsContinuationLine(std::string_view s) {
  if (s.empty()) return true;  // blank lines inside banners and tracebacks
  char first = s[0];
  if (first == ' ' || first == '\t') return true;  // "\tat ...", "  File ...", "    ... 8 more"
  if (first == '/' && StartsWith(s, "/**")) return true;
  if (first == '*' && StartsWith(s, "***")) return true;
  if (StartsWith(s, "at ") || StartsWith(s, "Caused by:") || StartsWith(s, "Suppressed:") ||
      StartsWith(s, "... ") || StartsWith(s, "STARTUP_MSG:") || StartsWith(s, "SHUTDOWN_MSG:") ||
      StartsWith(s, "Traceback (most recent call last):") ||
      StartsWith(s, "During handling of the above exception") ||
      StartsWith(s, "The above exception was the direct cause") || StartsWith(s, "GC pool '") ||
      StartsWith(s, "No GCs detected")) {  // JvmPauseMonitor
    return true;
  }
  return IsExceptionLine(s);
}

}  // namespace faultline
