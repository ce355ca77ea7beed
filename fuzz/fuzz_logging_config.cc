// The logging-config readers (parsers/logging_config*.cc): log4j 1.x and log4j2 properties,
// log4j2 and logback XML, Python fileConfig ini, dictConfig YAML and JSON. The first byte picks
// the kind (or, past the last kind, asks DetectLoggingConfig); the rest is the file. Each layout
// read is compiled as faultline would and matched against the names of a few log files.
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "parsers/logging_config.h"
#include "parsers/pattern_parser.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const ConfigKind kKinds[] = {
      ConfigKind::kLog4jProperties, ConfigKind::kLog4j2Properties, ConfigKind::kLog4j2Xml,
      ConfigKind::kLogbackXml,      ConfigKind::kPythonIni,        ConfigKind::kPythonDictYaml,
      ConfigKind::kPythonDictJson,
  };
  static const char* const kPaths[] = {"log4j.properties", "log4j2.properties", "log4j2.xml",
                                       "logback.xml",      "logging.conf",      "logging.yaml",
                                       "logging.json",     "conf/zoo-log.cfg"};
  constexpr size_t kCount = sizeof(kKinds) / sizeof(kKinds[0]);
  size_t pick = data[0] % (kCount + 1);
  std::string_view text = fuzz::AsView(data + 1, size - 1);
  std::string path = kPaths[pick];
  ConfigKind kind = pick < kCount ? kKinds[pick] : DetectLoggingConfig(path, text);
  if (kind == ConfigKind::kNone) return 0;
  FUZZ_CHECK(!ConfigKindName(kind).empty());
  LoggingConfig config = ReadLoggingConfig(path, text, kind);
  FUZZ_CHECK(config.kind == kind);
  for (const ConfiguredLayout& layout : config.layouts) {
    std::string error;
    std::unique_ptr<PatternParser> parser =
        MakePatternParser(layout.pattern, layout.syntax, layout.datefmt, layout.origin, &error);
    if (parser == nullptr) FUZZ_CHECK(!error.empty());
    for (const char* log : {"zookeeper.log", "zookeeper.log.2.gz", "app-2024-01-01-1.log.gz",
                            "hadoop-hdfs-zkfc-nn1.log", ""})
      MatchLogFile(layout, log);
  }
  for (const std::string& problem : config.problems) FUZZ_CHECK(!problem.empty());
  return 0;
}
