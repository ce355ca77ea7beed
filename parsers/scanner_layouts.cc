// ScannerFor: which hand-written scanner reads a compiled layout's lines as the layout would,
// found by comparing the layout with the table's scanner rows (builtin_layouts.h).
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "parsers/builtin_layouts.h"
#include "parsers/pattern_layout.h"
#include "parsers/registry.h"

namespace faultline {

namespace {

// The hand-written parsers by family name, without the registry (whose table holds the compiled
// layouts: asking it while they are being built would recurse).
const Parser* HandParser(std::string_view family) {
  if (family == "zookeeper") return &ZooKeeperLogParser();
  if (family == "hadoop") return &HadoopLogParser();
  if (family == "java") return &JavaLogParser();
  if (family == "logback") return &LogbackLogParser();
  if (family == "python") return &PythonLogParser();
  if (family == "json") return &JsonLogParser();
  if (family == "logfmt") return &LogfmtLogParser();
  return nullptr;
}

struct CompiledScannerLayout {
  std::unique_ptr<CompiledLayout> layout;
  const Parser* parser;
  int variant;
};

// The table's scanner layouts, compiled once.
const std::vector<CompiledScannerLayout>& ScannerLayouts() {
  static const std::vector<CompiledScannerLayout> layouts = [] {
    std::vector<CompiledScannerLayout> out;
    for (const BuiltinLayout& entry : BuiltinLayouts()) {
      if (entry.parser.empty()) continue;
      std::string_view family = entry.parser.substr(0, entry.parser.find('/'));
      std::string_view variant = entry.parser.substr(
          family.size() + 1 <= entry.parser.size() ? family.size() + 1 : entry.parser.size());
      const Parser* parser = HandParser(family);
      if (parser == nullptr) continue;
      // A variant the table lists under several patterns ("java/kafka": with and without the
      // logger) is a scanner reading more than any one of them: it would read a user's lines
      // into other fields than their pattern says.
      if (std::count_if(BuiltinLayouts().begin(), BuiltinLayouts().end(),
                        [&](const BuiltinLayout& l) { return l.parser == entry.parser; }) != 1) {
        continue;
      }
      auto variants = parser->Variants();
      auto found = std::find(variants.begin(), variants.end(), variant);
      if (found == variants.end()) continue;
      std::string error;
      auto compiled = CompileLayout(entry.pattern, entry.syntax, entry.datefmt, &error);
      if (compiled == nullptr) continue;
      out.push_back({std::move(compiled), parser, static_cast<int>(found - variants.begin())});
    }
    return out;
  }();
  return layouts;
}

}  // namespace

ScannerReading ScannerFor(const CompiledLayout& layout) {
  ScannerReading reading;
  for (const CompiledScannerLayout& known : ScannerLayouts()) {
    if (!known.layout->SameAs(layout)) continue;
    if (reading.parser != nullptr && reading.parser != known.parser) continue;
    reading.parser = known.parser;
    reading.variants |= 1u << known.variant;
  }
  return reading;
}

}  // namespace faultline
