// Layout detection: a file's first lines scored against every parser (parsers/detect.h), the
// per-line choice used on standard input, and the wrapper and compose-prefix strippers.
#include <algorithm>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "parsers/detect.h"
#include "parsers/wrapper.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsView(data, size);
  std::vector<std::string_view> lines = fuzz::SplitLines(text, kDetectLines);
  Detection detection = DetectFormat(lines);
  FUZZ_CHECK(detection.lines_examined <= static_cast<int>(lines.size()));
  for (const ParserScore& score : detection.scores) {
    FUZZ_CHECK(score.headers >= 0 && score.headers <= static_cast<int>(lines.size()));
    FUZZ_CHECK(score.first_miss_text.size() <= 200);
  }
  YearHint year;
  year.year = 2024;
  for (std::string_view line : lines) {
    Header header;
    if (const Parser* parser = DetectLine(line, &header)) {
      FUZZ_CHECK(fuzz::Within(header.message, line));
      FUZZ_CHECK(fuzz::Within(header.logger, line));
      FUZZ_CHECK(fuzz::Within(header.thread, line));
      // A compiled layout has no variants: its records are variant 0.
      FUZZ_CHECK(header.variant < std::max<size_t>(1, parser->Variants().size()));
    }
    Wrapper wrapper;
    if (StripWrapper(line, year, &wrapper)) {
      FUZZ_CHECK(fuzz::Within(wrapper.host, line));
      FUZZ_CHECK(fuzz::Within(wrapper.ident, line));
      FUZZ_CHECK(fuzz::Within(wrapper.inner, line));
    }
    std::string_view rest = line, service;
    if (StripComposePrefix(&rest, &service)) {
      FUZZ_CHECK(fuzz::Within(rest, line));
      FUZZ_CHECK(fuzz::Within(service, line));
    }
  }
  return 0;
}
