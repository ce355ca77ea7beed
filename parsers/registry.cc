#include "parsers/registry.h"

#include <array>

namespace faultline {

std::span<const Parser* const> AllParsers() {
  static const std::array<const Parser*, 7> kParsers = {
      &ZooKeeperLogParser(), &HadoopLogParser(),   &JavaLogParser(),   &LogbackLogParser(),
      &PythonLogParser(),    &TimelessLogParser(), &GenericLogParser()};
  return kParsers;
}

const Parser* FindParser(std::string_view name) {
  for (const Parser* parser : AllParsers()) {
    if (parser->Name() == name) return parser;
  }
  return nullptr;
}

std::string ParserNames() {
  std::string names;
  for (const Parser* parser : AllParsers()) {
    if (!names.empty()) names += ", ";
    names += parser->Name();
  }
  return names;
}

}  // namespace faultline
