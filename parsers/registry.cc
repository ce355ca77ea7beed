#include "parsers/registry.h"

#include <vector>

#include "parsers/builtin_layouts.h"

namespace faultline {

std::span<const Parser* const> AllParsers() {
  // The hand-written scanners first, then the compiled built-in layouts, then the fallbacks.
  static const std::vector<const Parser*> kParsers = [] {
    std::vector<const Parser*> parsers = {
        &ZooKeeperLogParser(), &HadoopLogParser(), &JavaLogParser(),   &LogbackLogParser(),
        &PythonLogParser(),    &JsonLogParser(),   &LogfmtLogParser(), &CsvLogParser()};
    for (const Parser* compiled : CompiledLayoutParsers()) parsers.push_back(compiled);
    parsers.push_back(&TimelessLogParser());
    parsers.push_back(&GenericLogParser());
    return parsers;
  }();
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
