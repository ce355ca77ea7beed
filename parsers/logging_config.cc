// Dispatch to the per-format logging-config readers, and the helpers they share.
#include "parsers/logging_config.h"

#include <algorithm>
#include <cctype>

#include "parsers/logging_config_internal.h"

namespace faultline {
namespace logging_config_internal {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

bool ContainsIgnoreCase(std::string_view s, std::string_view needle) {
  return ToLower(s).find(ToLower(needle)) != std::string::npos;
}

std::string Origin(std::string_view path, int line) {
  return std::string(path) + ":" + std::to_string(line);
}

void AddProblem(LoggingConfig* out, std::string_view path, int line, std::string_view why) {
  out->problems.push_back(Origin(path, line) + ": " + std::string(why));
}

// ---- variables ----

namespace {

// Deep enough for chains like tracelog.dir -> log.dir; shallow enough that a self-reference
// (a=${a}) or a doubling chain stays cheap.
constexpr int kMaxVarDepth = 10;
constexpr size_t kMaxResolvedSize = 1 << 16;

// The index just past the '}' that closes the "${" at `open` (nested "${...}" allowed).
size_t FindVarClose(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (s[i] == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Where ":-" starts in `inner` outside nested "${...}", or npos.
size_t FindDefaultSeparator(std::string_view inner) {
  int depth = 0;
  for (size_t i = 0; i + 1 < inner.size(); ++i) {
    if (inner[i] == '$' && inner[i + 1] == '{') ++depth;
    if (inner[i] == '}' && depth > 0) --depth;
    if (depth == 0 && inner[i] == ':' && inner[i + 1] == '-') return i;
  }
  return std::string_view::npos;
}

void ResolveInto(std::string_view text, const VarTable& vars, VarRules rules, int depth,
                 std::string* out);

// Appends the value of the variable written "${inner}"; false when nothing defines it.
bool ResolveOne(std::string_view inner, const VarTable& vars, VarRules rules, int depth,
                std::string* out) {
  if (depth >= kMaxVarDepth) return false;
  size_t sep = FindDefaultSeparator(inner);
  std::string_view name = inner.substr(0, sep);
  auto it = vars.find(name);
  if (it == vars.end() && rules.log4j2) {
    // log4j2 asks the prefix's lookup first and, when that has nothing, the config's own
    // properties under the bare name.
    size_t colon = name.find(':');
    if (colon != std::string_view::npos) it = vars.find(name.substr(colon + 1));
  }
  if (it != vars.end()) {
    ResolveInto(it->second, vars, rules, depth + 1, out);
    return true;
  }
  if (sep == std::string_view::npos) return false;
  ResolveInto(inner.substr(sep + 2), vars, rules, depth + 1, out);
  return true;
}

void ResolveInto(std::string_view text, const VarTable& vars, VarRules rules, int depth,
                 std::string* out) {
  size_t i = 0;
  while (i < text.size() && out->size() < kMaxResolvedSize) {
    size_t dollar = text.find("${", i);
    if (dollar == std::string_view::npos) break;
    size_t close = FindVarClose(text, dollar);
    if (close == std::string_view::npos) break;
    bool escaped = rules.log4j2 && dollar > i && text[dollar - 1] == '$';
    out->append(text.substr(i, dollar - i - (escaped ? 1 : 0)));
    std::string_view inner = text.substr(dollar + 2, close - dollar - 3);
    if (escaped || !ResolveOne(inner, vars, rules, depth, out)) {
      out->append(text.substr(dollar, close - dollar));
    }
    i = close;
  }
  if (i < text.size()) out->append(text.substr(i));
}

}  // namespace

std::string ResolveVars(std::string_view text, const VarTable& vars, VarRules rules) {
  std::string out;
  ResolveInto(text, vars, rules, 0, &out);
  return out;
}

}  // namespace logging_config_internal

using namespace logging_config_internal;

LoggingConfig ReadLoggingConfig(std::string_view path, std::string_view text, ConfigKind kind) {
  LoggingConfig out;
  out.kind = kind;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  switch (kind) {
    case ConfigKind::kNone:
      break;
    case ConfigKind::kLog4jProperties:
      ReadLog4jProperties(path, text, &out);
      break;
    case ConfigKind::kLog4j2Properties:
      ReadLog4j2Properties(path, text, &out);
      break;
    case ConfigKind::kLog4j2Xml:
      ReadLog4j2Xml(path, text, &out);
      break;
    case ConfigKind::kLogbackXml:
      ReadLogbackXml(path, text, &out);
      break;
    case ConfigKind::kPythonIni:
      ReadPythonIni(path, text, &out);
      break;
    case ConfigKind::kPythonDictYaml:
      ReadPythonDict(path, text, false, &out);
      break;
    case ConfigKind::kPythonDictJson:
      ReadPythonDict(path, text, true, &out);
      break;
  }
  return out;
}

}  // namespace faultline
