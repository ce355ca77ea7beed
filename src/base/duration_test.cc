#include "src/base/duration.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace faultline {
namespace {

TEST_CASE("duration: units") {
  struct Row {
    std::string_view text;
    int64_t micros;
  };
  const Row rows[] = {
      {"500ms", 500'000},
      {"30s", 30'000'000},
      {"5m", 300'000'000},
      {"2h", 7'200'000'000},
      {"1d", 86'400'000'000},
      {"250us", 250},
      {"1.5s", 1'500'000},
      {"0.25ms", 250},
      {"1.5h", 5'400'000'000},
      {"7", 7'000'000},
      {"0.5", 500'000},
      {".5s", 500'000},
      {"2.s", 2'000'000},
      {"0", 0},
      {"0ms", 0},
      {"0.1s", 100'000},
      {"0.000001s", 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    int64_t micros = -1;
    std::string err;
    REQUIRE(ParseDuration(row.text, &micros, &err));
    CHECK(micros == row.micros);
    CHECK(err == "");
  }
}

TEST_CASE("duration: errors") {
  struct Row {
    std::string_view text, err;
  };
  const Row rows[] = {
      {"", "empty duration"},
      {"abc", "bad duration 'abc': expected a number then a unit (500ms, 30s, 5m, 2h)"},
      {"ms", "bad duration 'ms': expected a number then a unit (500ms, 30s, 5m, 2h)"},
      {".s", "bad duration '.s': expected a number then a unit (500ms, 30s, 5m, 2h)"},
      {"-5s", "bad duration '-5s': expected a number then a unit (500ms, 30s, 5m, 2h)"},
      {"5x", "bad duration '5x': unknown unit 'x' (use us, ms, s, m, h or d)"},
      {"5 s", "bad duration '5 s': unknown unit ' s' (use us, ms, s, m, h or d)"},
      {"5S", "bad duration '5S': unknown unit 'S' (use us, ms, s, m, h or d)"},
      {"2m30s", "bad duration '2m30s': unknown unit 'm30s' (use us, ms, s, m, h or d)"},
      {"1e3s", "bad duration '1e3s': unknown unit 'e3s' (use us, ms, s, m, h or d)"},
      {"999999999999d", "duration '999999999999d' is too large"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    int64_t micros = 42;
    std::string err;
    CHECK_FALSE(ParseDuration(row.text, &micros, &err));
    CHECK(err == row.err);
    CHECK(micros == 42);
  }
}

TEST_CASE("duration: signed") {
  struct Row {
    std::string_view text;
    int64_t micros;
  };
  const Row rows[] = {
      {"+2s", 2'000'000}, {"-350ms", -350'000}, {"2s", 2'000'000}, {"-1.5s", -1'500'000},
      {"+0", 0},          {"-0ms", 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    int64_t micros = -1;
    std::string err;
    REQUIRE(ParseSignedDuration(row.text, &micros, &err));
    CHECK(micros == row.micros);
  }
  struct Bad {
    std::string_view text, err;
  };
  const Bad bad[] = {
      {"", "empty duration"},
      {"-", "empty duration"},
      {"--5s", "bad duration '-5s': expected a number then a unit (500ms, 30s, 5m, 2h)"},
      {"+5q", "bad duration '5q': unknown unit 'q' (use us, ms, s, m, h or d)"},
  };
  for (const Bad& row : bad) {
    CAPTURE(row.text);
    int64_t micros = 0;
    std::string err;
    CHECK_FALSE(ParseSignedDuration(row.text, &micros, &err));
    CHECK(err == row.err);
  }
}

TEST_CASE("duration: FormatDuration") {
  struct Row {
    int64_t micros;
    std::string_view text;
  };
  const Row rows[] = {
      {0, "0s"},
      {1, "1us"},
      {250, "250us"},
      {1'500, "1500us"},
      {250'000, "250ms"},
      {999'000, "999ms"},
      {1'000'000, "1s"},
      {1'500'000, "1.5s"},
      {1'250'000, "1.25s"},
      {1'001'000, "1.001s"},
      {1'000'001, "1000001us"},
      {30'000'000, "30s"},
      {59'500'000, "59.5s"},
      {61'500'000, "61500ms"},
      {90'000'000, "90s"},
      {300'000'000, "5m"},
      {5'400'000'000, "90m"},
      {7'200'000'000, "2h"},
      {86'400'000'000, "24h"},
      {-350'000, "-350ms"},
      {-1'500'000, "-1.5s"},
      {-7'200'000'000, "-2h"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.micros);
    CHECK(FormatDuration(row.micros) == row.text);
    // Whatever it prints must read back as the same duration.
    int64_t back = 0;
    std::string err;
    CHECK(ParseSignedDuration(FormatDuration(row.micros), &back, &err));
    CHECK(back == row.micros);
  }
}

}  // namespace
}  // namespace faultline
