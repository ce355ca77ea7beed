// Small inline helpers shared by the hand-written parsers.
#pragma once

#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "parsers/parser.h"
#include "src/base/record.h"

namespace faultline::scan {

constexpr bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || IsUpper(c) || IsDigit(c) || c == '_' || c == '$';
}

// Rust tracing-subscriber's spans between the level and the event's target ("conn{id=7}:poll:
// a::b: msg"): the position of the ": " that ends them, or npos. A span is a name with its fields
// in braces or none, spans joined by ':' ("a::b" is a path, no spans); the target after them
// holds no blank and, unless a span has fields, a "::" ("INFO vector: Healthcheck: Passed" has no
// span: "vector" is the target).
inline size_t TracingSpansEnd(std::string_view s, size_t pos) {
  size_t p = pos;
  bool fields = false;
  while (true) {
    size_t name = p;
    while (p < s.size() && (IsIdentChar(s[p]) || s[p] == '-')) ++p;
    if (p == name) return std::string_view::npos;
    if (p < s.size() && s[p] == '{') {
      int depth = 0;
      size_t q = p;
      for (; q < s.size(); ++q) {
        if (s[q] == '{') ++depth;
        if (s[q] == '}' && --depth == 0) break;
      }
      if (q >= s.size()) return std::string_view::npos;
      p = q + 1;
      fields = true;
    }
    if (p >= s.size() || s[p] != ':') return std::string_view::npos;
    if (p + 1 < s.size() && s[p + 1] == ' ') break;
    ++p;
  }
  size_t target = p + 2, end = target;
  while (end < s.size() && s[end] != ' ' &&
         !(s[end] == ':' && end + 1 < s.size() && s[end + 1] == ' ')) {
    ++end;
  }
  if (end == target || end + 1 >= s.size() || s[end] != ':') return std::string_view::npos;
  if (!fields && s.substr(target, end - target).find("::") == std::string_view::npos) {
    return std::string_view::npos;
  }
  return p;
}

inline size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

// A byte loop, not memcmp: the prefixes are a few bytes and a library call costs more.
inline bool StartsWithAt(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() < pos + prefix.size()) return false;
  const char* at = s.data() + pos;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (at[i] != prefix[i]) return false;
  }
  return true;
}

/// Reads an upper-case word at pos (a level name); returns its end.
inline size_t UpperWordEnd(std::string_view s, size_t pos) {
  while (pos < s.size() && IsUpper(s[pos])) ++pos;
  return pos;
}

/// Reads a word of ASCII letters at pos (a level name in either case); returns its end.
inline size_t LetterWordEnd(std::string_view s, size_t pos) {
  while (pos < s.size() && ((s[pos] >= 'a' && s[pos] <= 'z') || IsUpper(s[pos]))) ++pos;
  return pos;
}

/// log4j's six level names, exactly as %p writes them.
inline bool Log4jLevel(std::string_view word, Level* level) {
  switch (word.size()) {
    case 4:
      if (word == "INFO") return *level = Level::kInfo, true;
      if (word == "WARN") return *level = Level::kWarn, true;
      return false;
    case 5:
      if (word == "DEBUG") return *level = Level::kDebug, true;
      if (word == "ERROR") return *level = Level::kError, true;
      if (word == "FATAL") return *level = Level::kFatal, true;
      if (word == "TRACE") return *level = Level::kTrace, true;
      return false;
    default:
      return false;
  }
}

/// Python logging's level names as %(levelname)s writes them, or in lower case as loguru,
/// structlog and custom level names do ("warning"); NOTICE is read as INFO.
inline bool PythonLevel(std::string_view word, Level* level) {
  if (word == "DEBUG" || word == "debug") return *level = Level::kDebug, true;
  if (word == "INFO" || word == "info") return *level = Level::kInfo, true;
  if (word == "WARNING" || word == "warning") return *level = Level::kWarn, true;
  // A custom level between INFO and WARNING (ASAB, syslog-minded programs).
  if (word == "NOTICE" || word == "notice") return *level = Level::kInfo, true;
  if (word == "ERROR" || word == "error") return *level = Level::kError, true;
  if (word == "CRITICAL" || word == "critical") return *level = Level::kFatal, true;
  return false;
}

/// Any common level name, all upper or all lower case: log4j's six, Python's WARNING and
/// CRITICAL ("info", "warning", "WARNING"; not "Info"). For the layouts outside ZooKeeper and
/// Hadoop, whose writers are less uniform.
inline bool AnyLevel(std::string_view word, Level* level) {
  if (word.size() < 4 || word.size() > 8) return false;
  char upper[8];
  bool lower = word[0] >= 'a' && word[0] <= 'z';
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (lower ? !(c >= 'a' && c <= 'z') : !IsUpper(c)) return false;
    upper[i] = lower ? static_cast<char>(c - 'a' + 'A') : c;
  }
  std::string_view w(upper, word.size());
  if (Log4jLevel(w, level)) return true;
  if (w == "WARNING") return *level = Level::kWarn, true;
  if (w == "CRITICAL") return *level = Level::kFatal, true;
  return false;
}

/// A Java logger or class name as %c writes it: identifiers and dots ("o.a.z.ClientCnxn",
/// "kafka.utils.Log4jControllerRegistration$"). Returns its end. Sixteen bytes at a time where
/// SSE2 is there: Hadoop's full logger names ("org.apache.hadoop.ha.ActiveStandbyElector") made
/// the byte loop about a fifth of reading a ZKFC log.
inline size_t JavaNameEnd(std::string_view s, size_t pos) {
#if defined(__SSE2__)
  // Signed byte compares: bytes from 0x80 up are negative, so in no range, as in IsIdentChar.
  auto in_range = [](__m128i v, char low, char high) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(low - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(high + 1))));
  };
  auto is = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  while (pos + 16 <= s.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos));
    __m128i name = _mm_or_si128(_mm_or_si128(in_range(v, 'a', 'z'), in_range(v, 'A', 'Z')),
                                _mm_or_si128(in_range(v, '0', '9'), is(v, '_')));
    name = _mm_or_si128(name, _mm_or_si128(is(v, '$'), is(v, '.')));
    unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(name)) & 0xffffu;
    if (other != 0) return pos + static_cast<size_t>(__builtin_ctz(other));
    pos += 16;
  }
#endif
  while (pos < s.size() && (IsIdentChar(s[pos]) || s[pos] == '.')) ++pos;
  return pos;
}

/// Parses a non-negative decimal; -1 if `text` is empty or not all digits.
inline int ParseSmallInt(std::string_view text) {
  if (text.empty() || text.size() > 9) return -1;
  int value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

/// The level named by one of the first three words of `s` ("ERROR something", "[WARN] ..."),
/// in any case; kUnknown if none is.
inline Level LevelFromWords(std::string_view s) {
  auto separator = [](char c) { return c == ' ' || c == '[' || c == ']' || c == ':' || c == '|'; };
  size_t pos = 0;
  for (int word = 0; word < 3 && pos < s.size(); ++word) {
    while (pos < s.size() && separator(s[pos])) ++pos;
    size_t end = pos;
    while (end < s.size() && !separator(s[end])) ++end;
    Level level;
    if (end - pos >= 4 && end - pos <= 8 && ParseLevel(s.substr(pos, end - pos), &level)) {
      return level;
    }
    pos = end;
  }
  return Level::kUnknown;
}

/// Records why a line is not a header; always returns false so callers can `return Fail(...)`.
inline bool Fail(Miss* miss, size_t column, const char* why) {
  miss->column = static_cast<int>(column);
  miss->why = why;
  return false;
}

}  // namespace faultline::scan
