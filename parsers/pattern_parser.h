// A Parser made of a compiled logging pattern: the built-in layouts that need no hand-written
// scanner, and the layouts users give with --layout or faultline finds in a logging config.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parsers/parser.h"
#include "parsers/pattern_layout.h"

namespace faultline {

class PatternParser : public Parser {
 public:
  /// `name` is how output names the layout ("layout", "spring-boot"); `origin` where the
  /// pattern came from ("--layout", "conf/log4j.properties:12", "built in").
  PatternParser(std::string name, std::string origin, std::unique_ptr<CompiledLayout> layout,
                Component component = Component::kOther, std::vector<Sample> samples = {});

  std::string_view Name() const override { return name_; }
  std::string_view Description() const override { return description_; }
  /// One layout, no variants: `sources` names it by Name() alone.
  std::span<const std::string_view> Variants() const override { return {}; }
  Component DefaultComponent() const override { return component_; }
  /// The layout's hand-written scanner, when the table has one (ScannerFor), else the matcher.
  bool ParseHeader(std::string_view line, Header* out, Miss* miss) const override {
    if (scanner_ != nullptr && scanner_->ParseHeader(line, out, miss) &&
        (scanner_variants_ >> out->variant & 1u)) {
      out->variant = 0;
      return true;
    }
    return layout_->Match(line, out, miss);
  }
  /// Reads with `scanner` first: lines of these `variants` of it are read as the layout reads
  /// them, only faster (the table's tests hold the two to the same fields).
  void UseScanner(const Parser* scanner, uint32_t variants) {
    scanner_ = scanner;
    scanner_variants_ = variants;
  }
  /// The scanner reading this layout's lines, or nullptr.
  const Parser* scanner() const { return scanner_; }
  std::span<const Sample> Samples() const override { return samples_; }

  const CompiledLayout& layout() const { return *layout_; }
  const std::string& origin() const { return origin_; }

 private:
  std::string name_, origin_, description_;
  std::unique_ptr<CompiledLayout> layout_;
  Component component_;
  std::vector<Sample> samples_;
  const Parser* scanner_ = nullptr;
  uint32_t scanner_variants_ = 0;
};

/// A user's layout (--layout, a logging config) that the built-in table reads with a hand-written
/// scanner is read with it (builtin_layouts.h: ScannerFor).
void UseScannerIfKnown(PatternParser* parser);

/// Compiles a user's layout; nullptr and *error when the pattern cannot be read. Uses the
/// layout's scanner when there is one.
std::unique_ptr<PatternParser> MakePatternParser(std::string_view pattern, PatternSyntax syntax,
                                                 std::string_view datefmt, std::string origin,
                                                 std::string* error);

/// The syntax a pattern is written in: Python when it has "%(", "{asctime}"-style or "$name"
/// fields and no log4j conversion, else log4j.
PatternSyntax GuessPatternSyntax(std::string_view pattern);

}  // namespace faultline
