// A Parser made of a compiled logging pattern: the built-in layouts that need no hand-written
// scanner, and the layouts users give with --layout or faultline finds in a logging config.
#pragma once

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
  bool ParseHeader(std::string_view line, Header* out, Miss* miss) const override {
    return layout_->Match(line, out, miss);
  }
  std::span<const Sample> Samples() const override { return samples_; }

  const CompiledLayout& layout() const { return *layout_; }
  const std::string& origin() const { return origin_; }

 private:
  std::string name_, origin_, description_;
  std::unique_ptr<CompiledLayout> layout_;
  Component component_;
  std::vector<Sample> samples_;
};

/// Compiles a user's layout; nullptr and *error when the pattern cannot be read.
std::unique_ptr<PatternParser> MakePatternParser(std::string_view pattern, PatternSyntax syntax,
                                                 std::string_view datefmt, std::string origin,
                                                 std::string* error);

/// The syntax a pattern is written in: Python when it has "%(", "{asctime}"-style or "$name"
/// fields and no log4j conversion, else log4j.
PatternSyntax GuessPatternSyntax(std::string_view pattern);

}  // namespace faultline
