#include "src/store/learnt_layouts.h"

#include <fstream>
#include <sstream>

#include "parsers/logging_config.h"
#include "parsers/pattern_parser.h"
#include "src/store/source_identity.h"

namespace faultline {
namespace {

// A config larger than this is not a logging config anyone wrote by hand.
constexpr size_t kMaxConfigBytes = 4 << 20;

bool IsHostName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool ReadSmallFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text->resize(kMaxConfigBytes);
  in.read(text->data(), static_cast<std::streamsize>(text->size()));
  text->resize(static_cast<size_t>(in.gcount()));
  return !in.bad();
}

}  // namespace

bool AddUserLayout(std::string_view spec, std::string_view datefmt, OpenOptions* open,
                   std::string* error) {
  std::string host;
  std::string_view pattern = spec;
  // "zk1=%d %p %m%n": a host name before '='; a pattern itself starts with '%', '[' or text
  // that is not a bare name followed by '='.
  if (size_t eq = spec.find('='); eq != std::string_view::npos && IsHostName(spec.substr(0, eq))) {
    host = std::string(spec.substr(0, eq));
    pattern = spec.substr(eq + 1);
  }
  std::string compile_error;
  auto parser =
      MakePatternParser(pattern, GuessPatternSyntax(pattern), datefmt, "--layout", &compile_error);
  if (parser == nullptr) {
    *error = "--layout '" + std::string(pattern) + "': " + compile_error;
    return false;
  }
  LayoutChoice choice;
  choice.parser = std::move(parser);
  choice.host = std::move(host);
  choice.forced = true;
  open->layouts.push_back(std::move(choice));
  return true;
}

std::vector<std::string> LearnLayoutsFromConfigs(std::vector<std::string>* configs,
                                                 OpenOptions* open, Reporter* reporter) {
  std::vector<std::string> read, rest;
  for (const std::string& path : *configs) {
    std::string text;
    if (!ReadSmallFile(path, &text)) {
      rest.push_back(path);  // the config reader reports what it cannot open
      continue;
    }
    ConfigKind kind = DetectLoggingConfig(path, std::string_view(text).substr(0, 8192));
    if (kind == ConfigKind::kNone) {
      rest.push_back(path);
      continue;
    }
    read.push_back(path);
    LoggingConfig config = ReadLoggingConfig(path, text, kind);
    for (const std::string& problem : config.problems) reporter->Warning(problem);
    for (const ConfiguredLayout& layout : config.layouts) {
      std::string error;
      auto compiled = CompileLayout(layout.pattern, layout.syntax, layout.datefmt, &error);
      if (compiled == nullptr) {
        reporter->Warning(layout.origin + ": layout of " + layout.appender + " not read: " + error);
        continue;
      }
      // What the appender's file name says the lines are (zookeeper.log: ZooKeeper's).
      Component component =
          layout.file.empty() ? Component::kOther : IdentifyFromPath(layout.file, "").component;
      LayoutChoice choice;
      auto parser =
          std::make_shared<PatternParser>("layout", layout.origin, std::move(compiled), component);
      UseScannerIfKnown(parser.get());
      choice.parser = std::move(parser);
      choice.configured = layout;
      open->layouts.push_back(std::move(choice));
    }
  }
  *configs = std::move(rest);
  return read;
}

}  // namespace faultline
