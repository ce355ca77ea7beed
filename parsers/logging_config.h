// Logging configuration files read for the layouts they give their appenders, so that faultline
// can learn the line format of the log files those appenders write.
//
//   ConfigKind kind = DetectLoggingConfig(path, first_bytes);
//   if (kind != ConfigKind::kNone) {
//     LoggingConfig config = ReadLoggingConfig(path, whole_text, kind);
//     for (const ConfiguredLayout& layout : config.layouts)
//       if (MatchLogFile(layout, "zookeeper.log.2.gz") != FileMatch::kNo) ...
//   }
//
// Read: log4j 1.x properties, log4j2 properties and XML, logback XML, Python logging fileConfig
// ini files and dictConfig YAML / JSON. Variables defined in the file are resolved; others are
// left as "${name}" and act as wildcards when file names are matched. Nothing here throws: what
// cannot be read is reported in LoggingConfig::problems and the rest is still returned.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/pattern_syntax.h"

namespace faultline {

enum class ConfigKind : uint8_t {
  kNone,
  kLog4jProperties,
  kLog4j2Properties,
  kLog4j2Xml,
  kLogbackXml,
  kPythonIni,
  kPythonDictYaml,
  kPythonDictJson,
};

/// "log4j.properties", "log4j2.properties", "log4j2.xml", "logback.xml", "logging.conf",
/// "dictConfig YAML", "dictConfig JSON"; "" for kNone.
std::string_view ConfigKindName(ConfigKind kind);

/// What a file is, by its name first (log4j.properties, log4j2-test.xml, logback-spring.xml,
/// logging.conf, logging.yaml ...) and then by its first bytes `head` (a few KiB are plenty).
/// kNone for anything else. Cheap, and strict enough not to claim ordinary log files: names that
/// look like logs (*.log, *.log.1, *.gz, *.out) are never sniffed.
ConfigKind DetectLoggingConfig(std::string_view path, std::string_view head);

struct ConfiguredLayout {
  std::string appender;  ///< appender / handler name ("ROLLINGFILE", "RFA", "file")
  /// The file it writes, variables resolved where the config defines them; "" for console /
  /// unknown. Variables the config does not define stay as "${name}".
  std::string file;
  std::string pattern;  ///< the conversion pattern or Python format string, unescaped
  PatternSyntax syntax = PatternSyntax::kLog4j;
  std::string datefmt;  ///< Python datefmt ("" = logging's default)
  std::string origin;   ///< where the pattern was read: "<path>:<line>"
  /// Python formatter style: '%' (printf), '{' (str.format) or '$' (string.Template).
  char python_style = '%';
  /// `file` as written, before variables were resolved ("${zookeeper.log.dir}/${...}"). Launch
  /// scripts usually override the in-file defaults (zkServer.sh sets zookeeper.log.file), so
  /// the matcher falls back to this with every variable as a wildcard.
  std::string file_template;
  /// Where rotated files go: log4j2 filePattern, logback fileNamePattern (%d{...}, %i),
  /// variables resolved; "" when the config names none.
  std::string rolled_file;
};

struct LoggingConfig {
  ConfigKind kind = ConfigKind::kNone;
  std::vector<ConfiguredLayout> layouts;
  std::vector<std::string> problems;  ///< "<path>:<line>: why" for what could not be read
};

/// Reads `text` (the whole file at `path`, which is only used in messages) as a `kind` file.
LoggingConfig ReadLoggingConfig(std::string_view path, std::string_view text, ConfigKind kind);

enum class FileMatch : uint8_t {
  kNo,
  /// Matched only through a variable the config does not fix (${hadoop.log.file}): the log may
  /// come from this appender, or from any other.
  kWildcard,
  /// The file the appender names, or one of its rotations (zookeeper.log.1, server.log.2024-01-01
  /// -13, app-2024-01-01-1.log.gz).
  kExact,
};

/// Whether `log_path` (a log file given to faultline, maybe rotated or compressed) is the file
/// `layout` writes. Base names are compared; directories are ignored.
FileMatch MatchLogFile(const ConfiguredLayout& layout, std::string_view log_path);

}  // namespace faultline
