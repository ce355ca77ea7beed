// Every parser on every line: the hand-written scanners (parsers/registry.cc) and the compiled
// patterns of the built-in layout table (parsers/builtin_layouts.cc). A header's fields must be
// views into the line it came from, and its variant one the parser names.
#include <algorithm>
#include <string_view>

#include "fuzz/fuzz_util.h"
#include "parsers/builtin_layouts.h"
#include "parsers/registry.h"

using namespace faultline;

namespace {

void ParseWith(const Parser& parser, std::string_view line) {
  Header header;
  Miss miss;
  if (parser.ParseHeader(line, &header, &miss)) {
    FUZZ_CHECK(fuzz::Within(header.message, line));
    FUZZ_CHECK(fuzz::Within(header.logger, line));
    FUZZ_CHECK(fuzz::Within(header.thread, line));
    // A compiled layout has no variants: its records are variant 0.
    FUZZ_CHECK(header.variant < std::max<size_t>(1, parser.Variants().size()));
  } else {
    FUZZ_CHECK(miss.why != nullptr);
    FUZZ_CHECK(miss.column >= 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  for (std::string_view line : fuzz::SplitLines(fuzz::AsView(data, size), 64)) {
    for (const Parser* parser : AllParsers()) ParseWith(*parser, line);
    for (const Parser* parser : CompiledLayoutParsers()) ParseWith(*parser, line);
  }
  return 0;
}
