#include "parsers/infer_words.h"

#include <algorithm>

#include "parsers/continuation.h"
#include "parsers/date_shapes.h"
#include "parsers/pattern_layout.h"
#include "parsers/scan_util.h"

namespace faultline::infer {

int ReadDate(std::string_view s, size_t pos, size_t* end) {
  ScannedTime t;
  return ReadDateShape(s, pos, &t, end);
}

bool ComponentThenBracket(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size() && (scan::IsUpper(s[end]) || scan::IsDigit(s[end]) || s[end] == '_')) {
    ++end;
  }
  if (end - pos < 2 || !scan::IsUpper(s[pos]) || end >= s.size() || s[end] != ' ') return false;
  size_t next = scan::SkipSpaces(s, end);
  return next < s.size() && s[next] == '[';
}

size_t UptimeGluedAt(std::string_view s, size_t pos) {
  if (pos >= s.size() || s[pos] != '[') return pos;
  size_t end = pos + 1;
  while (end < s.size() && scan::IsDigit(s[end])) ++end;
  if (end == pos + 1 || end + 1 >= s.size() || s[end] != ']' || s[end + 1] != ' ') return pos;
  return end + 1;
}

bool ReadLevelWord(std::string_view s, size_t pos, size_t* end, bool* initial) {
  size_t e = scan::LetterWordEnd(s, pos);
  Level level;
  *initial = false;
  if (e - pos == 1 && std::string_view("TDIWEFNC").find(s[pos]) != std::string_view::npos) {
    size_t next = scan::SkipSpaces(s, e);
    if ((next < s.size() && s[next] == '|') || (next > e && ComponentThenBracket(s, next))) {
      *initial = true;
      *end = e;
      return true;
    }
  }
  // Up to .NET's "Information" (Serilog's and Microsoft.Extensions.Logging's full level names).
  std::string_view word = s.substr(pos, e - pos);
  if (e - pos < 3 || e - pos > 11 ||
      !(ParseLevel(word, &level) || ParseServerLevelWord(word, &level))) {
    return false;
  }
  if (e < s.size() && (scan::IsDigit(s[e]) || s[e] == '_' || s[e] == '.')) return false;
  *end = e;
  // Celery's "INFO/MainProcess"; logrus on a terminal, "INFO[0038] msg".
  return FieldEndsAt(s, e) || (e < s.size() && s[e] == '/') || UptimeGluedAt(s, e) > e;
}

size_t CloseOf(std::string_view s, size_t open) {
  char o = s[open], c = o == '[' ? ']' : o == '(' ? ')' : '>';
  int depth = 0;
  for (size_t i = open; i < s.size() && i < open + 1000; ++i) {
    if (s[i] == '[' || s[i] == '(') ++depth;
    if (s[i] == ']' || s[i] == ')') --depth;
    if (depth == 0) return s[i] == c ? i : std::string_view::npos;
  }
  return std::string_view::npos;
}

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsLoggerName(std::string_view w, bool* dotted) {
  if (w.empty() || w.size() > 160 || scan::IsDigit(w[0]) || w[0] == '.' || w.back() == '.') {
    return false;
  }
  *dotted = false;
  bool letter = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == '.' || (c == ':' && i + 1 < w.size() && w[i + 1] == ':')) {
      *dotted = true;
      if (c == ':') ++i;
      continue;
    }
    if (!scan::IsIdentChar(c)) return false;
    letter = letter || !scan::IsDigit(c);
  }
  return letter;
}

bool IsLoggerWithSuffix(std::string_view w, bool* dotted) {
  size_t open = w.find('(');
  if (open == std::string_view::npos || open == 0 || w.back() != ')') return false;
  return IsLoggerName(w.substr(0, open), dotted) && *dotted;
}

bool NamedFieldAfter(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size() && s[end] != ' ' && s[end] != ':') ++end;
  bool dotted = false;
  return end > pos && IsLoggerName(s.substr(pos, end - pos), &dotted) && dotted &&
         (scan::StartsWithAt(s, scan::SkipSpaces(s, end), "- ") ||
          scan::StartsWithAt(s, end, ": "));
}

bool IsSourceFile(std::string_view w) {
  for (std::string_view ext :
       {".java", ".scala", ".py", ".go", ".cc", ".cpp", ".c", ".rb", ".js", ".kt", ".rs"}) {
    if (w.size() > ext.size() && w.ends_with(ext)) return true;
  }
  return false;
}

bool LocationAt(std::string_view s, size_t pos) {
  if (pos >= s.size() || s[pos] != '(') return false;
  size_t close = s.find(')', pos);
  if (close == std::string_view::npos) return false;
  std::string_view inside = s.substr(pos + 1, close - pos - 1);
  size_t colon = inside.rfind(':');
  return colon != std::string_view::npos && IsSourceFile(inside.substr(0, colon)) &&
         scan::ParseSmallInt(inside.substr(colon + 1)) >= 0;
}

bool LooksLikeThread(std::string_view w) {
  if (w == "main") return true;
  if (scan::IsDigit(w.back())) return true;
  return w.find_first_of(" (#/@-") != std::string_view::npos ||
         w.find("hread") != std::string_view::npos;
}

bool IsBracketedName(std::string_view w) {
  if (w.empty() || !scan::IsIdentChar(w[0]) || scan::IsDigit(w[0])) return false;
  for (char c : w) {
    if (!scan::IsIdentChar(c) && c != '.' && c != '-' && c != '$') return false;
  }
  return true;
}

bool IsClassName(std::string_view w) {
  bool dotted = false;
  Level level;
  return !w.empty() && scan::IsUpper(w[0]) && IsLoggerName(w, &dotted) && !dotted &&
         (w.find('$') != std::string_view::npos || w.size() > 1) && !ParseLevel(w, &level);
}

bool IsCamelCase(std::string_view w) {
  if (!IsClassName(w)) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (scan::IsUpper(w[i]) && w[i - 1] >= 'a' && w[i - 1] <= 'z') return true;
  }
  return false;
}

std::string_view TrimBoth(std::string_view s) {
  size_t start = scan::SkipSpaces(s, 0);
  return TrimBlanks(s.substr(start));
}

bool BracketNext(std::string_view s, size_t pos) {
  pos = scan::SkipSpaces(s, pos);
  if (pos < s.size() && s[pos] == '-') pos = scan::SkipSpaces(s, pos + 1);
  return pos < s.size() && s[pos] == '[';
}

bool IsMethodName(std::string_view w) {
  if (w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return false;
  for (char c : w) {
    if (!scan::IsIdentChar(c)) return false;
  }
  return true;
}

bool IsLowerWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || scan::IsDigit(c) || c == '_')) return false;
  }
  return true;
}

bool IsUpperLevel(std::string_view w) {
  Level level;
  if (w.size() < 3 || !ParseLevel(w, &level)) return false;
  for (char c : w) {
    if (!scan::IsUpper(c)) return false;
  }
  return true;
}

bool IsUpperName(std::string_view w) {
  if (w.size() < 2 || !scan::IsUpper(w[0])) return false;
  for (char c : w) {
    if (!(scan::IsUpper(c) || scan::IsDigit(c) || c == '_')) return false;
  }
  return true;
}

bool IsNumber(std::string_view w) {
  return !w.empty() && w.find_first_not_of("0123456789") == std::string_view::npos;
}

bool HasNoLetter(std::string_view w) {
  for (char c : w) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

namespace {

// A class ("o.a.f.n.Provider$Watcher", its simple name capitalised) and a method of it (lower-case
// first, or a constructor), as a location writes them.
bool IsClassAndMethod(std::string_view cls, std::string_view method) {
  if (cls.empty() || method.empty()) return false;
  if (method != "<init>" && method != "<clinit>") {
    if (!(method[0] >= 'a' && method[0] <= 'z') && method[0] != '_') return false;
    for (char c : method) {
      if (!scan::IsIdentChar(c)) return false;
    }
  }
  size_t last = cls.rfind('.');
  size_t simple = last == std::string_view::npos ? 0 : last + 1;
  bool dotted = false;
  return IsLoggerName(cls, &dotted) && simple < cls.size() && scan::IsUpper(cls[simple]);
}

}  // namespace

bool IsClassDotMethod(std::string_view w) {
  size_t dot = w.rfind('.');
  if (dot == std::string_view::npos) return false;
  return IsClassAndMethod(w.substr(0, dot), w.substr(dot + 1));
}

bool IsClassHashMethod(std::string_view w) {
  size_t hash = w.find('#');
  if (hash == std::string_view::npos) return false;
  return IsClassAndMethod(w.substr(0, hash), w.substr(hash + 1));
}

size_t ThreadIdKeyLength(std::string_view w) {
  size_t eq = w.find('=');
  if (eq == std::string_view::npos || eq + 1 >= w.size() || !IsNumber(w.substr(eq + 1))) return 0;
  std::string_view key = w.substr(0, eq);
  for (std::string_view name : {"id", "tid", "thread", "threadId", "thread_id"}) {
    if (key == name) return eq;
  }
  return 0;
}

bool IsClassMethodLine(std::string_view w, bool* parens) {
  size_t colon = w.rfind(':');
  if (colon == std::string_view::npos || scan::ParseSmallInt(w.substr(colon + 1)) < 0) {
    return false;
  }
  std::string_view head = w.substr(0, colon);
  *parens = head.ends_with("()");
  if (*parens) head.remove_suffix(2);
  return !IsSourceFile(head) && IsClassDotMethod(head);  // "(ZkServer.java:155)" is a file
}

bool IsFullLocation(std::string_view w) {
  size_t open = w.find('(');
  if (open == std::string_view::npos || w.size() < open + 3 || w.back() != ')') return false;
  std::string_view inner = w.substr(open + 1, w.size() - open - 2);
  size_t colon = inner.rfind(':');
  return colon != std::string_view::npos && IsSourceFile(inner.substr(0, colon)) &&
         scan::ParseSmallInt(inner.substr(colon + 1)) >= 0 && IsClassDotMethod(w.substr(0, open));
}

size_t NamedBracketsEnd(std::string_view s, size_t pos, std::string* key) {
  std::string text;
  int count = 0;
  size_t end = std::string_view::npos;
  for (size_t p = pos;;) {
    size_t open = p;
    while (open < s.size() && scan::IsUpper(s[open])) ++open;
    if (open - p < 2 || open >= s.size() || s[open] != '[') break;
    size_t close = CloseOf(s, open);
    if (close == std::string_view::npos) break;
    std::string name(s.substr(p, open - p));
    text += (count > 0 ? " " : "") + name + "[%X{" + name + "}]";
    ++count;
    end = close + 1;
    if (end >= s.size() || s[end] != ' ') break;
    p = end + 1;
  }
  if (count < 2) return std::string_view::npos;
  *key = std::move(text);
  return end;
}

bool IsQualifiedClassName(std::string_view w) {
  bool dotted = false;
  size_t dot = w.rfind('.');
  return IsLoggerName(w, &dotted) && dotted && dot + 1 < w.size() && scan::IsUpper(w[dot + 1]);
}

bool IsHexThreadId(std::string_view w) {
  if (w.size() < 6 || w[0] != '0' || (w[1] != 'x' && w[1] != 'X')) return false;
  for (char c : w.substr(2)) {
    if (!(scan::IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

bool IsTagSet(std::string_view w) {
  if (w.find(',') == std::string_view::npos || w.front() == ',' || w.back() == ',') return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    bool lower = (c >= 'a' && c <= 'z') || scan::IsDigit(c) || c == '_';
    if (!lower && !(c == ',' && w[i - 1] != ',')) return false;
  }
  return true;
}

bool IsSlashName(std::string_view w) {
  if (w.find('/') == std::string_view::npos || w.front() == '/' || w.back() == '/' ||
      w.find("//") != std::string_view::npos || !scan::IsIdentChar(w[0]) || scan::IsDigit(w[0])) {
    return false;
  }
  for (char c : w) {
    if (!scan::IsIdentChar(c) && c != '/' && c != '.' && c != '-') return false;
  }
  return true;
}

size_t NamePidOnHostEnd(std::string_view s, size_t pos, char close) {
  size_t slash = pos;
  while (slash < s.size() && (scan::IsIdentChar(s[slash]) || s[slash] == '.' || s[slash] == '-')) {
    ++slash;
  }
  if (slash == pos || scan::IsDigit(s[pos]) || slash >= s.size() || s[slash] != '/') {
    return std::string_view::npos;
  }
  size_t digits = slash + 1;
  while (digits < s.size() && scan::IsDigit(s[digits])) ++digits;
  if (digits == slash + 1 || !scan::StartsWithAt(s, digits, " on ")) return std::string_view::npos;
  size_t host = digits + 4, host_end = host;
  while (host_end < s.size() && s[host_end] != ' ' && s[host_end] != close) ++host_end;
  if (host_end == host || host_end >= s.size() || s[host_end] != close) {
    return std::string_view::npos;
  }
  return host_end;
}

size_t PipeCellEnd(std::string_view s, size_t pos) {
  size_t bar = s.find(" |", pos);
  if (bar == std::string_view::npos || bar - pos > 40) return std::string_view::npos;
  std::string_view cell = TrimBlanks(s.substr(pos, bar - pos));
  size_t blank = cell.find(' ');
  std::string_view name = cell.substr(0, blank);
  if (!IsBracketedName(name)) return std::string_view::npos;
  if (blank != std::string_view::npos && !IsNumber(cell.substr(blank + 1))) {
    return std::string_view::npos;
  }
  // A dotted logger in the next cell makes this one the thread ("main | org.x.Broker | msg"):
  // PipeCellsSuffix reads those cells over the whole file.
  size_t next = bar + 2 < s.size() && s[bar + 2] == ' ' ? bar + 3 : std::string_view::npos;
  size_t next_bar = next == std::string_view::npos ? next : s.find(" |", next);
  bool dotted = false;
  if (next_bar != std::string_view::npos &&
      IsLoggerName(TrimBlanks(s.substr(next, next_bar - next)), &dotted) && dotted) {
    return std::string_view::npos;
  }
  return pos + cell.size();
}

bool IsErlangPid(std::string_view w) {
  if (w.size() < 7 || w.front() != '<' || w.back() != '>') return false;
  int dots = 0;
  for (char c : w.substr(1, w.size() - 2)) {
    if (c == '.') {
      ++dots;
    } else if (!scan::IsDigit(c)) {
      return false;
    }
  }
  return dots == 2;
}

bool IsNameColonLevel(std::string_view w) {
  size_t colon = w.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view word = w.substr(colon + 1);
  Level level;
  return word.size() >= 3 && (ParseLevel(word, &level) || ParseServerLevelWord(word, &level)) &&
         IsBracketedName(w.substr(0, colon));
}

bool IsColonName(std::string_view w) {
  size_t last = w.rfind(':');
  if (last == std::string_view::npos || !IsBracketedName(w.substr(0, w.find(':'))) ||
      IsNumber(w.substr(last + 1))) {
    return false;
  }
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == ':' && (i + 1 == w.size() || w[i + 1] == ':')) return false;
    if (c != ':' && !scan::IsIdentChar(c) && c != '.' && c != '-') return false;
  }
  return true;
}

bool IsKeyedThreadName(std::string_view w) {
  size_t eq = w.find('=');
  if (eq == std::string_view::npos || w.find(' ') != std::string_view::npos) return false;
  bool dotted = false;
  return IsLoggerName(w.substr(0, eq), &dotted) && dotted;
}

size_t ThreadBeforeContext(std::string_view w) {
  if (w.size() < 4 || (w.back() != ')' && w.back() != '}')) return 0;
  char open = w.back() == ')' ? '(' : '{';
  size_t at = w.rfind(std::string{' ', open});
  if (at == std::string_view::npos || at == 0) return 0;
  std::string_view thread = w.substr(0, at);
  if (thread.find_first_of(" =") != std::string_view::npos) return 0;
  return w.substr(at).find('=') != std::string_view::npos ? at : 0;
}

bool IsLoggerWithLine(std::string_view w) {
  size_t open = w.rfind('(');
  if (open == std::string_view::npos || open == 0 || w.back() != ')') return false;
  bool dotted = false;
  return IsNumber(w.substr(open + 1, w.size() - open - 2)) &&
         IsLoggerName(w.substr(0, open), &dotted) && dotted;
}

}  // namespace faultline::infer
