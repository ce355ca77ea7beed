// The layouts faultline knows, as the logging patterns that write them: one table that detection
// (through the registry), `faultline sources --layouts`, --help and the tests all read.
// A layout either has a hand-written scanner (`parser` names it; the fastest layouts, read by
// the parsers in this directory) or is read by its compiled pattern (`parser` empty). Either
// way its pattern is compiled in the tests and must read its samples to the fields they list,
// so the table cannot drift from what is parsed.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "parsers/parser.h"
#include "parsers/pattern_syntax.h"

namespace faultline {

class CompiledLayout;

struct BuiltinLayout {
  std::string_view name;     ///< "zookeeper/myid", "spring-boot"
  std::string_view pattern;  ///< the PatternLayout or Python format that writes it
  PatternSyntax syntax;
  std::string_view datefmt;  ///< Python's datefmt ("" = logging's default)
  std::string_view parser;   ///< the hand-written parser that reads it; "" = the compiled pattern
  std::string_view writers;  ///< who writes it
  Component component;       ///< what its lines are when the logger does not say
  std::span<const Sample> samples;
};

std::span<const BuiltinLayout> BuiltinLayouts();

/// A hand-written scanner that reads a compiled layout's lines as the layout would: the table
/// gives it a pattern `SameAs` the layout. `variants` has bit i set for the scanner's Variants()[i]
/// that the pattern writes. No parser when the table has no such scanner.
struct ScannerReading {
  const Parser* parser = nullptr;
  uint32_t variants = 0;
};
ScannerReading ScannerFor(const CompiledLayout& layout);

/// Parsers for the table's compiled layouts (those without a hand-written parser), table order.
std::span<const Parser* const> CompiledLayoutParsers();

}  // namespace faultline
