#include "parsers/pattern_parser.h"

#include "parsers/builtin_layouts.h"

namespace faultline {

PatternParser::PatternParser(std::string name, std::string origin,
                             std::unique_ptr<CompiledLayout> layout, Component component,
                             std::vector<Sample> samples)
    : name_(std::move(name)),
      origin_(std::move(origin)),
      layout_(std::move(layout)),
      component_(component),
      samples_(std::move(samples)) {
  description_ = std::string(layout_->syntax() == PatternSyntax::kLog4j ? "log4j pattern "
                                                                        : "Python format ") +
                 "'" + layout_->pattern() + "' (" + origin_ + ")";
}

std::unique_ptr<PatternParser> MakePatternParser(std::string_view pattern, PatternSyntax syntax,
                                                 std::string_view datefmt, std::string origin,
                                                 std::string* error) {
  std::unique_ptr<CompiledLayout> layout = CompileLayout(pattern, syntax, datefmt, error);
  if (layout == nullptr) return nullptr;
  auto parser = std::make_unique<PatternParser>("layout", std::move(origin), std::move(layout));
  UseScannerIfKnown(parser.get());
  return parser;
}

void UseScannerIfKnown(PatternParser* parser) {
  ScannerReading reading = ScannerFor(parser->layout());
  if (reading.parser != nullptr) parser->UseScanner(reading.parser, reading.variants);
}

PatternSyntax GuessPatternSyntax(std::string_view pattern) {
  if (pattern.find("%(") != std::string_view::npos) return PatternSyntax::kPython;
  if (pattern.find('%') == std::string_view::npos &&
      (pattern.find("{message}") != std::string_view::npos ||
       pattern.find("$message") != std::string_view::npos ||
       pattern.find("{levelname") != std::string_view::npos)) {
    return PatternSyntax::kPython;
  }
  return PatternSyntax::kLog4j;
}

}  // namespace faultline
