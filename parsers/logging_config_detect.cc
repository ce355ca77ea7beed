// Which logging config a file is, if any: by its name, then by its first bytes.
#include <cctype>

#include "parsers/logging_config.h"
#include "parsers/logging_config_internal.h"

namespace faultline {
namespace {

using namespace logging_config_internal;

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Sample copies ship next to the real thing (keystone's logging.conf.sample).
std::string_view StripSampleSuffix(std::string_view name) {
  for (std::string_view s : {".sample", ".example", ".template", ".dist", ".default", ".orig"}) {
    if (EndsWithIgnoreCase(name, s)) return name.substr(0, name.size() - s.size());
  }
  return name;
}

// Names that say "log file": these are never sniffed, so a log that quotes a config
// (or happens to begin with '{') is not mistaken for one.
bool LooksLikeLogName(std::string_view lower) {
  for (std::string_view s :
       {".log", ".out", ".err", ".gz", ".bz2", ".xz", ".zst", ".lz4", ".zip"}) {
    if (lower.size() >= s.size() && lower.substr(lower.size() - s.size()) == s) return true;
  }
  return lower.find(".log.") != std::string_view::npos;
}

bool HasExtension(std::string_view lower, std::initializer_list<std::string_view> exts) {
  for (std::string_view e : exts) {
    if (lower.size() > e.size() && lower.substr(lower.size() - e.size()) == e) return true;
  }
  return false;
}

// Python configs are named for what they configure: logging.conf, log_config.yaml, logging.json.
bool NamedLikePythonLogging(std::string_view lower) {
  for (std::string_view s : {"logging", "log_config", "log-config", "logconfig", "log_conf"}) {
    if (lower.find(s) != std::string_view::npos) return true;
  }
  return false;
}

ConfigKind KindByName(std::string_view lower) {
  bool log4j2 = lower.find("log4j2") != std::string_view::npos;
  bool log4j = lower.find("log4j") != std::string_view::npos;
  if (HasExtension(lower, {".properties"})) {
    if (log4j2) return ConfigKind::kLog4j2Properties;
    return log4j ? ConfigKind::kLog4jProperties : ConfigKind::kNone;
  }
  if (HasExtension(lower, {".xml"})) {
    if (log4j2) return ConfigKind::kLog4j2Xml;
    return lower.find("logback") != std::string_view::npos ? ConfigKind::kLogbackXml
                                                           : ConfigKind::kNone;
  }
  // log4j2.yaml / log4j2.json are log4j2 configs, which are not read here.
  if (log4j || !NamedLikePythonLogging(lower)) return ConfigKind::kNone;
  if (HasExtension(lower, {".conf", ".ini", ".cfg"})) return ConfigKind::kPythonIni;
  if (HasExtension(lower, {".yaml", ".yml"})) return ConfigKind::kPythonDictYaml;
  if (HasExtension(lower, {".json"})) return ConfigKind::kPythonDictJson;
  return ConfigKind::kNone;
}

// What the first lines of a text file say about it.
struct HeadLines {
  std::string_view first;  ///< first line that is neither blank nor a comment
  int log4j = 0;           ///< "log4j.appender.X=", "log4j.rootLogger=" ...
  int log4j_total = 0;     ///< any "log4j.x=" line
  int log4j2 = 0;          ///< "appender.x.type=", "appender.x.layout.pattern=", "rootLogger..."
  bool ini_formatters = false, ini_handlers = false;
  bool yaml_version = false, yaml_sections = false;
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void NoteLine(std::string_view line, HeadLines* h) {
  if (h->first.empty()) h->first = line;
  if (StartsWith(line, "log4j.")) {
    ++h->log4j_total;
    if (StartsWith(line, "log4j.appender.") || StartsWith(line, "log4j.rootLogger") ||
        StartsWith(line, "log4j.rootCategory") || StartsWith(line, "log4j.logger."))
      ++h->log4j;
  }
  if ((StartsWith(line, "appender.") && (line.find(".type") != std::string_view::npos ||
                                         line.find(".layout.pattern") != std::string_view::npos)) ||
      StartsWith(line, "rootLogger") || StartsWith(line, "property."))
    ++h->log4j2;
  if (line == "[formatters]" || StartsWith(line, "[formatter_")) h->ini_formatters = true;
  if (line == "[handlers]" || StartsWith(line, "[handler_")) h->ini_handlers = true;
  if (line == "version: 1" || line == "version: 1.0") h->yaml_version = true;
  if (line == "formatters:" || line == "handlers:") h->yaml_sections = true;
}

HeadLines ScanHead(std::string_view head) {
  HeadLines h;
  size_t pos = 0;
  for (int n = 0; n < 400 && pos < head.size(); ++n) {
    size_t nl = head.find('\n', pos);
    std::string_view line = Trim(head.substr(pos, nl == std::string_view::npos ? nl : nl - pos));
    pos = nl == std::string_view::npos ? head.size() : nl + 1;
    if (line.empty() || line[0] == '#' || line[0] == '!' || line[0] == ';') continue;
    NoteLine(line, &h);
  }
  return h;
}

// "key=value" / "key: value" (YAML: ":" then a blank or the end) / "key value" shapes, tested
// on the first meaningful line so that a log line, which starts with a date, a level, or
// "LEVEL:logger:", is refused.
bool IsKeyLine(std::string_view line, bool yaml) {
  if (line.empty() || !std::isalpha(static_cast<unsigned char>(line[0]))) return false;
  size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) ||
                             std::string_view("._-$").find(line[i]) != std::string_view::npos))
    ++i;
  size_t key_end = i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return false;
  if (yaml) return line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ');
  return line[i] == '=' || line[i] == ':' || i > key_end;
}

// The document element, after the XML declaration, comments and DOCTYPE: "<configuration...".
bool StartsWithConfigurationElement(std::string_view lower) {
  for (;;) {
    lower = Trim(lower);
    std::string_view end_marker = StartsWith(lower, "<!--") ? "-->"
                                  : StartsWith(lower, "<?") ? "?>"
                                  : StartsWith(lower, "<!") ? ">"
                                                            : "";
    if (end_marker.empty()) return StartsWith(lower, "<configuration");
    size_t end = lower.find(end_marker);
    if (end == std::string_view::npos) return false;
    lower.remove_prefix(end + end_marker.size());
  }
}

ConfigKind SniffXml(std::string_view head) {
  std::string lower = ToLower(head.substr(0, 16384));
  if (!StartsWithConfigurationElement(lower)) return ConfigKind::kNone;
  if (lower.find("log4j:configuration") != std::string::npos) return ConfigKind::kNone;
  if (lower.find("<appenders") != std::string::npos ||
      lower.find("<patternlayout") != std::string::npos)
    return ConfigKind::kLog4j2Xml;
  if (lower.find("<appender") != std::string::npos) return ConfigKind::kLogbackXml;
  return ConfigKind::kNone;
}

ConfigKind SniffJson(std::string_view head) {
  if (head.find("\"version\"") == std::string_view::npos) return ConfigKind::kNone;
  size_t f = head.find("\"formatters\"");
  if (f == std::string_view::npos) f = head.find("\"handlers\"");
  if (f == std::string_view::npos) return ConfigKind::kNone;
  size_t colon = head.find_first_not_of(" \t\r\n", head.find('"', f + 1) + 1);
  return colon != std::string_view::npos && head[colon] == ':' ? ConfigKind::kPythonDictJson
                                                               : ConfigKind::kNone;
}

ConfigKind SniffLines(std::string_view head) {
  HeadLines h = ScanHead(head);
  if (h.first.empty()) return ConfigKind::kNone;
  if (h.first.front() == '[' && h.first.back() == ']')
    return h.ini_formatters && h.ini_handlers ? ConfigKind::kPythonIni : ConfigKind::kNone;
  if (h.yaml_version && h.yaml_sections && IsKeyLine(h.first, /*yaml=*/true))
    return ConfigKind::kPythonDictYaml;
  if (!IsKeyLine(h.first, /*yaml=*/false)) return ConfigKind::kNone;
  if (h.log4j > 0 && h.log4j_total >= 2 && h.log4j_total >= h.log4j2)
    return ConfigKind::kLog4jProperties;
  if (h.log4j2 >= 2) return ConfigKind::kLog4j2Properties;
  return ConfigKind::kNone;
}

ConfigKind Sniff(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  std::string_view body = Trim(head);
  if (body.empty()) return ConfigKind::kNone;
  if (body[0] == '<') return SniffXml(body);
  if (body[0] == '{') return SniffJson(body);
  return SniffLines(body);
}

}  // namespace

std::string_view ConfigKindName(ConfigKind kind) {
  switch (kind) {
    case ConfigKind::kNone:
      return "";
    case ConfigKind::kLog4jProperties:
      return "log4j.properties";
    case ConfigKind::kLog4j2Properties:
      return "log4j2.properties";
    case ConfigKind::kLog4j2Xml:
      return "log4j2.xml";
    case ConfigKind::kLogbackXml:
      return "logback.xml";
    case ConfigKind::kPythonIni:
      return "logging.conf";
    case ConfigKind::kPythonDictYaml:
      return "dictConfig YAML";
    case ConfigKind::kPythonDictJson:
      return "dictConfig JSON";
  }
  return "";
}

ConfigKind DetectLoggingConfig(std::string_view path, std::string_view head) {
  std::string lower = ToLower(StripSampleSuffix(BaseName(path)));
  ConfigKind by_name = KindByName(lower);
  if (by_name == ConfigKind::kLog4jProperties || by_name == ConfigKind::kLog4j2Properties) {
    // Projects keep the old name after moving to log4j2 syntax; the content settles it.
    ConfigKind by_content = SniffLines(head);
    if (by_content == ConfigKind::kLog4jProperties || by_content == ConfigKind::kLog4j2Properties)
      return by_content;
  }
  if (by_name != ConfigKind::kNone) return by_name;
  if (LooksLikeLogName(lower)) return ConfigKind::kNone;
  return Sniff(head);
}

}  // namespace faultline
