// java.util.Properties files: log4j 1.x (log4j.appender.X.layout.ConversionPattern) and log4j2
// (appender.x.layout.pattern) configurations.
#include <algorithm>
#include <cctype>

#include "parsers/logging_config_internal.h"

namespace faultline::logging_config_internal {
namespace {

constexpr std::string_view kNoPatternDefault = "%m%n";  // PatternLayout's own default

struct LogicalLine {
  std::string text;
  int line = 0;
};

// Natural lines joined where one ends in an odd number of backslashes; the continuation's leading
// blanks are dropped. Comment and blank lines are skipped, but only where a logical line starts:
// a "#" on a continuation line is part of the value.
std::vector<LogicalLine> LogicalLines(std::string_view text) {
  std::vector<LogicalLine> out;
  LogicalLine pending;
  bool continuing = false;
  size_t pos = 0;
  for (int line_no = 1; pos < text.size(); ++line_no) {
    size_t end = text.find_first_of("\r\n", pos);
    std::string_view natural = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos                                           ? text.size()
          : (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? end + 2
                                                                                  : end + 1;
    size_t first = natural.find_first_not_of(" \t\f");
    natural = first == std::string_view::npos ? std::string_view() : natural.substr(first);
    if (!continuing) {
      if (natural.empty() || natural[0] == '#' || natural[0] == '!') continue;
      pending = {std::string(), line_no};
    }
    size_t backslashes = 0;
    while (backslashes < natural.size() && natural[natural.size() - 1 - backslashes] == '\\')
      ++backslashes;
    continuing = backslashes % 2 == 1;
    pending.text.append(continuing ? natural.substr(0, natural.size() - 1) : natural);
    if (!continuing) out.push_back(std::move(pending));
  }
  if (continuing) out.push_back(std::move(pending));
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Java's escapes: \t \n \r \f, \uXXXX, and "\x" for any other x is x itself.
std::string Unescape(std::string_view raw, bool* malformed) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      out.push_back(raw[i]);
      continue;
    }
    char c = raw[++i];
    switch (c) {
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u': {
        unsigned cp = 0;
        int digits = 0;
        for (; digits < 4 && i + 1 < raw.size() && HexValue(raw[i + 1]) >= 0; ++digits)
          cp = cp * 16 + static_cast<unsigned>(HexValue(raw[++i]));
        if (digits < 4) *malformed = true;
        AppendUtf8(&out, cp);
        break;
      }
      default:
        out.push_back(c);
    }
  }
  return out;
}

bool IsKeyTerminator(char c) { return c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f'; }

Property SplitProperty(const LogicalLine& l, bool* malformed) {
  std::string_view s = l.text;
  size_t i = 0;
  for (bool escaped = false; i < s.size(); ++i) {
    if (escaped) {
      escaped = false;
    } else if (s[i] == '\\') {
      escaped = true;
    } else if (IsKeyTerminator(s[i])) {
      break;
    }
  }
  std::string_view key = s.substr(0, i);
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) ++i;
  if (i < s.size() && (s[i] == '=' || s[i] == ':')) {
    ++i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) ++i;
  }
  return {Unescape(key, malformed), Unescape(s.substr(i), malformed), l.line};
}

// An appender's own settings: the key after "<prefix><id>.", lowercased because log4j matches
// bean properties without regard to the first letter's case (File / file) and log4j2 without
// regard to case at all.
using Settings = std::map<std::string, const Property*, std::less<>>;

struct AppenderEntry {
  std::string id;
  const Property* self = nullptr;  ///< "log4j.appender.X=class" (log4j 1 only)
  Settings settings;
};

// Groups "<prefix>ID[.rest]" keys by ID, keeping the order in which IDs first appear.
std::vector<AppenderEntry> GroupAppenders(const std::vector<Property>& props,
                                          std::string_view prefix) {
  std::vector<AppenderEntry> out;
  for (const Property& p : props) {
    if (p.key.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view rest = std::string_view(p.key).substr(prefix.size());
    size_t dot = rest.find('.');
    std::string_view id = rest.substr(0, dot);
    if (id.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& a) { return a.id == id; });
    if (it == out.end()) it = out.insert(out.end(), AppenderEntry{std::string(id), nullptr, {}});
    if (dot == std::string_view::npos) {
      it->self = &p;
    } else {
      it->settings[ToLower(rest.substr(dot + 1))] = &p;  // later lines win, as in Properties
    }
  }
  return out;
}

const Property* Setting(const AppenderEntry& a, std::string_view key) {
  auto it = a.settings.find(key);
  return it == a.settings.end() ? nullptr : it->second;
}

void SetFile(const Property* file, const VarTable& vars, VarRules rules, ConfiguredLayout* out) {
  if (file == nullptr) return;
  out->file_template = std::string(Trim(file->value));
  out->file = std::string(Trim(ResolveVars(out->file_template, vars, rules)));
}

void ReadLog4jAppender(std::string_view path, const AppenderEntry& a, const VarTable& vars,
                       LoggingConfig* out) {
  const Property* layout = Setting(a, "layout");
  if (layout == nullptr) return;  // NullAppender, metrics counters: nothing is written
  std::string layout_class(Trim(layout->value));
  if (!EndsWithIgnoreCase(layout_class, "PatternLayout")) {
    AddProblem(out, path, layout->line,
               "appender " + a.id + " uses " + layout_class + ", which has no conversion pattern");
    return;
  }
  ConfiguredLayout result;
  result.appender = a.id;
  const Property* pattern = Setting(a, "layout.conversionpattern");
  result.pattern = pattern ? ResolveVars(pattern->value, vars) : std::string(kNoPatternDefault);
  result.origin = Origin(path, (pattern ? pattern : layout)->line);
  SetFile(Setting(a, "file"), vars, {}, &result);
  out->layouts.push_back(std::move(result));
}

// log4j2 appender types that write text through a layout, PatternLayout("%m%n") when none is set.
bool WritesThroughLayout(std::string_view type) {
  for (std::string_view t : {"Console", "File", "RollingFile", "RollingRandomAccessFile",
                             "RandomAccessFile", "MemoryMappedFile"}) {
    if (EqualsIgnoreCase(type, t)) return true;
  }
  return false;
}

void ReadLog4j2Appender(std::string_view path, const AppenderEntry& a, const VarTable& vars,
                        LoggingConfig* out) {
  const Property* type = Setting(a, "type");
  const Property* layout_type = Setting(a, "layout.type");
  const Property* pattern = Setting(a, "layout.pattern");
  if (layout_type == nullptr && pattern == nullptr) {
    if (type == nullptr || !WritesThroughLayout(Trim(type->value))) return;
  } else if (layout_type != nullptr &&
             !EqualsIgnoreCase(Trim(layout_type->value), "PatternLayout")) {
    AddProblem(out, path, layout_type->line,
               "appender " + a.id + " uses " + std::string(Trim(layout_type->value)) +
                   ", which has no pattern");
    return;
  }
  VarRules rules{.log4j2 = true};
  ConfiguredLayout result;
  const Property* name = Setting(a, "name");
  result.appender = name ? std::string(Trim(name->value)) : a.id;
  result.pattern =
      pattern ? ResolveVars(pattern->value, vars, rules) : std::string(kNoPatternDefault);
  const Property* where = pattern ? pattern : layout_type ? layout_type : type;
  result.origin = Origin(path, where->line);
  SetFile(Setting(a, "filename"), vars, rules, &result);
  if (const Property* rolled = Setting(a, "filepattern"))
    result.rolled_file = std::string(Trim(ResolveVars(rolled->value, vars, rules)));
  out->layouts.push_back(std::move(result));
}

// "appenders = a, b": when present, log4j2 builds only the listed appender ids.
std::vector<std::string> ListedIds(const std::vector<Property>& props) {
  std::vector<std::string> ids;
  for (const Property& p : props) {
    if (p.key != "appenders") continue;
    ids.clear();
    for (size_t pos = 0; pos <= p.value.size();) {
      size_t comma = std::min(p.value.find(',', pos), p.value.size());
      std::string_view id = Trim(std::string_view(p.value).substr(pos, comma - pos));
      if (!id.empty()) ids.emplace_back(id);
      pos = comma + 1;
    }
  }
  return ids;
}

}  // namespace

std::vector<Property> ParseJavaProperties(std::string_view path, std::string_view text,
                                          LoggingConfig* out) {
  std::vector<Property> props;
  for (const LogicalLine& l : LogicalLines(text)) {
    bool malformed = false;
    props.push_back(SplitProperty(l, &malformed));
    if (malformed) AddProblem(out, path, l.line, "malformed \\uxxxx escape");
  }
  return props;
}

void ReadLog4jProperties(std::string_view path, std::string_view text, LoggingConfig* out) {
  std::vector<Property> props = ParseJavaProperties(path, text, out);
  // log4j substitutes ${x} from system properties, then from the file itself: only the file's
  // own definitions are known here.
  VarTable vars;
  for (const Property& p : props) vars[p.key] = p.value;
  for (const AppenderEntry& a : GroupAppenders(props, "log4j.appender."))
    ReadLog4jAppender(path, a, vars, out);
  if (out->layouts.empty() && out->problems.empty())
    AddProblem(out, path, 1, "no appender with a PatternLayout");
}

void ReadLog4j2Properties(std::string_view path, std::string_view text, LoggingConfig* out) {
  std::vector<Property> props = ParseJavaProperties(path, text, out);
  VarTable vars;
  for (const Property& p : props) {
    if (p.key.rfind("property.", 0) == 0) vars[p.key.substr(9)] = p.value;
  }
  std::vector<std::string> listed = ListedIds(props);
  for (const AppenderEntry& a : GroupAppenders(props, "appender.")) {
    if (!listed.empty() && std::find(listed.begin(), listed.end(), a.id) == listed.end()) continue;
    ReadLog4j2Appender(path, a, vars, out);
  }
  if (out->layouts.empty() && out->problems.empty())
    AddProblem(out, path, 1, "no appender with a PatternLayout");
}

}  // namespace faultline::logging_config_internal
