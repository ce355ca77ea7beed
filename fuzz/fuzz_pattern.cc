// The pattern compiler behind --layout, --datefmt and logging configs (parsers/pattern_compile.cc)
// and the matcher it builds. Input: line 1 is the pattern, line 2 the datefmt (Python) or a
// Java date pattern, the rest are log lines. The pattern is compiled in both syntaxes and the
// one GuessPatternSyntax picks; each layout that compiles reads every line.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "parsers/date_format.h"
#include "parsers/pattern_layout.h"
#include "parsers/pattern_parser.h"

using namespace faultline;

namespace {

void MatchAll(const Parser& parser, const std::vector<std::string_view>& lines) {
  for (size_t i = 2; i < lines.size(); ++i) {
    Header header;
    Miss miss;
    if (parser.ParseHeader(lines[i], &header, &miss)) {
      FUZZ_CHECK(fuzz::Within(header.message, lines[i]));
      FUZZ_CHECK(fuzz::Within(header.logger, lines[i]));
      FUZZ_CHECK(fuzz::Within(header.thread, lines[i]));
    } else {
      FUZZ_CHECK(miss.column >= 0);
      FUZZ_CHECK(static_cast<size_t>(miss.column) <= lines[i].size());
    }
  }
}

void ReadDates(const DateFormat& format, const std::vector<std::string_view>& lines) {
  for (size_t i = 2; i < lines.size(); ++i) {
    ScannedTime time;
    size_t end = 0;
    if (format.Read(lines[i], 0, &time, &end)) FUZZ_CHECK(end <= lines[i].size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string_view> lines = fuzz::SplitLines(fuzz::AsView(data, size), 32);
  if (lines.empty()) return 0;
  std::string_view pattern = lines[0];
  std::string_view datefmt = lines.size() > 1 ? lines[1] : std::string_view();
  for (PatternSyntax syntax :
       {PatternSyntax::kLog4j, PatternSyntax::kPython, GuessPatternSyntax(pattern)}) {
    std::string error;
    std::unique_ptr<PatternParser> parser =
        MakePatternParser(pattern, syntax, datefmt, "--layout", &error);
    if (parser == nullptr) {
      FUZZ_CHECK(!error.empty());
      continue;
    }
    MatchAll(*parser, lines);
  }
  DateFormat java, python;
  std::string error;
  if (CompileJavaDate(datefmt, &java, &error)) ReadDates(java, lines);
  if (CompilePythonDate(datefmt, &python, &error)) ReadDates(python, lines);
  return 0;
}
