#include "src/base/record.h"

#include <doctest/doctest.h>

namespace faultline {
namespace {

TEST_CASE("record: level names in any case, with their short and library-specific forms") {
  struct Row {
    std::string_view word;
    Level level;
  };
  const Row rows[] = {
      {"WARN", Level::kWarn},    {"warning", Level::kWarn}, {"Error", Level::kError},
      {"ERRO", Level::kError},   {"err", Level::kError},    {"CRITICAL", Level::kFatal},
      {"SEVERE", Level::kError}, {"FINE", Level::kDebug},   {"FINEST", Level::kTrace},
      {"INF", Level::kInfo},     {"WRN", Level::kWarn},     {"DBG", Level::kDebug},
      {"VRB", Level::kTrace},    {"FTL", Level::kFatal},
  };
  for (const Row& row : rows) {
    CAPTURE(row.word);
    Level level = Level::kUnknown;
    CHECK(ParseLevel(row.word, &level));
    CHECK(level == row.level);
  }
  Level level;
  CHECK_FALSE(ParseLevel("in", &level));
  CHECK_FALSE(
      ParseLevel("CONFIG", &level));  // java.util.logging's, read where JUL is (parsed_source)
  CHECK_FALSE(ParseLevel("notice me", &level));
}

}  // namespace
}  // namespace faultline
