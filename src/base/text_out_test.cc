#include "src/base/text_out.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace faultline {
namespace {

constexpr int64_t kSecond = 1'000'000;
// 2019-09-17 05:04:12 UTC in microseconds.
constexpr int64_t kT = 1568696652LL * kSecond;

std::string Instant(int64_t micros, int precision, bool iso) {
  std::string out = "<";
  AppendInstant(&out, micros, precision, iso);
  return out;
}

std::string Json(std::string_view text) {
  std::string out;
  AppendJsonString(&out, text);
  return out;
}

TEST_CASE("text_out: AppendInstant") {
  struct Row {
    int64_t micros;
    int precision;
    bool iso;
    std::string_view text;
  };
  const Row rows[] = {
      {kT + 43'000, 3, true, "<2019-09-17T05:04:12.043Z"},
      {kT + 43'000, 3, false, "<2019-09-17 05:04:12.043"},
      {kT + 43'000, 0, true, "<2019-09-17T05:04:12Z"},
      {kT + 43'123, 6, true, "<2019-09-17T05:04:12.043123Z"},
      {kT + 43'999, 3, false, "<2019-09-17 05:04:12.043"},
      {kT + 43'123, 1, false, "<2019-09-17 05:04:12.043"},
      {0, 3, true, "<1970-01-01T00:00:00.000Z"},
      {-1, 6, true, "<1969-12-31T23:59:59.999999Z"},
      {-86'400 * kSecond, 0, false, "<1969-12-31 00:00:00"},
      {-86'400 * kSecond - 1, 6, false, "<1969-12-30 23:59:59.999999"},
      {kT - (5 * 3600 + 4 * 60 + 12) * kSecond - 1, 6, true, "<2019-09-16T23:59:59.999999Z"},
      {1483228800LL * kSecond, 0, true, "<2017-01-01T00:00:00Z"},
      {951782400LL * kSecond, 0, true, "<2000-02-29T00:00:00Z"},
      // Back to a day seen before: the cached date must follow.
      {kT + 43'000, 3, true, "<2019-09-17T05:04:12.043Z"},
      // The same second in both forms in turn, and the second just before the epoch again.
      {kT + 999'999, 6, false, "<2019-09-17 05:04:12.999999"},
      {kT + 500'000, 3, true, "<2019-09-17T05:04:12.500Z"},
      {kT + 1'000'000, 3, false, "<2019-09-17 05:04:13.000"},
      {-2, 6, true, "<1969-12-31T23:59:59.999998Z"},
      {-1'000'000, 3, true, "<1969-12-31T23:59:59.000Z"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.micros);
    CHECK(Instant(row.micros, row.precision, row.iso) == row.text);
  }
}

TEST_CASE("text_out: JSON escaping") {
  struct Row {
    std::string_view in, out;
  };
  const Row rows[] = {
      {"", "\"\""},
      {"plain text", "\"plain text\""},
      {"say \"hi\"", "\"say \\\"hi\\\"\""},
      {"C:\\dir", "\"C:\\\\dir\""},
      {"a\nb\rc\td", "\"a\\nb\\rc\\td\""},
      {std::string_view("\x00\x01\x1f", 3), "\"\\u0000\\u0001\\u001f\""},
      {"\x7f", "\"\x7f\""},
      {"/slash/", "\"/slash/\""},
      {"caf\xC3\xA9", "\"caf\xC3\xA9\""},
      {"\xE2\x82\xAC 5", "\"\xE2\x82\xAC 5\""},
      {"\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    CHECK(Json(row.in) == row.out);
  }
}

// The escaper reads eight bytes at a time where it can: any mix of tokens, at any offset against
// those eight-byte steps, must come out as the tokens' escapes one after the other.
TEST_CASE("text_out: JSON escaping of mixed text, at every alignment") {
  struct Token {
    std::string_view in, out;
  };
  const Token tokens[] = {
      {"a", "a"},
      {"Z", "Z"},
      {" ", " "},
      {"~", "~"},
      {"\"", "\\\""},
      {"\\", "\\\\"},
      {"\n", "\\n"},
      {"\x01", "\\u0001"},
      {"\x1f", "\\u001f"},
      {"\x7f", "\x7f"},
      {"\xC3\xA9", "\xC3\xA9"},
      {"\xE2\x82\xAC", "\xE2\x82\xAC"},
      {"\xff", "\xEF\xBF\xBD"},
      {"\x85", "\xEF\xBF\xBD"},
  };
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525 + 1013904223; };
  for (int round = 0; round < 5000; ++round) {
    std::string in, expected = "\"";
    int length = static_cast<int>(next() >> 27);  // 0..31 tokens
    for (int i = 0; i < length; ++i) {
      // Mostly plain letters, as in a log line, so that eight-byte runs occur.
      const Token& t = next() % 4 != 0 ? tokens[next() % 4] : tokens[next() % std::size(tokens)];
      in += t.in;
      expected += t.out;
    }
    expected += '"';
    CAPTURE(in);
    REQUIRE(Json(in) == expected);
  }
}

TEST_CASE("text_out: invalid UTF-8 becomes U+FFFD") {
  const std::string_view kFffd = "\xEF\xBF\xBD";
  struct Row {
    std::string_view in;
    std::string out;
  };
  const Row rows[] = {
      {"\xff", "\"" + std::string(kFffd) + "\""},
      {"a\x80z", "\"a" + std::string(kFffd) + "z\""},
      // A lead byte without its continuation: only the lead byte is replaced.
      {"\xC3(", "\"" + std::string(kFffd) + "(\""},
      // Overlong encoding of '/'.
      {"\xC0\xAF", "\"" + std::string(kFffd) + std::string(kFffd) + "\""},
      // UTF-16 surrogate.
      {"\xED\xA0\x80", "\"" + std::string(kFffd) + std::string(kFffd) + std::string(kFffd) + "\""},
      // Above U+10FFFF.
      {"\xF4\x90\x80\x80", "\"" + std::string(kFffd) + std::string(kFffd) + std::string(kFffd) +
                               std::string(kFffd) + "\""},
      // Truncated at the end of the string, after a quote that still gets escaped.
      {"\"\xE2\x82", "\"\\\"" + std::string(kFffd) + std::string(kFffd) + "\""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.in);
    std::string json = Json(row.in);
    CHECK(json == row.out);
    CHECK(IsValidUtf8(json));
  }
}

TEST_CASE("text_out: IsValidUtf8") {
  const std::string_view valid[] = {"",
                                    "ascii",
                                    "caf\xC3\xA9",
                                    "\xE2\x82\xAC",
                                    "\xF0\x9F\x98\x80",
                                    "\xF4\x8F\xBF\xBF",
                                    "\xEF\xBF\xBD"};
  for (std::string_view text : valid) {
    CAPTURE(text);
    CHECK(IsValidUtf8(text));
  }
  const std::string_view invalid[] = {"\xff",
                                      "\x80",
                                      "\xC3",
                                      "\xC3(",
                                      "\xC0\xAF",
                                      "\xE0\x80\xAF",
                                      "\xED\xA0\x80",
                                      "\xF4\x90\x80\x80",
                                      "\xF8\x88\x80\x80\x80",
                                      "ok\xE2\x82"};
  for (std::string_view text : invalid) {
    CAPTURE(text);
    CHECK_FALSE(IsValidUtf8(text));
  }
}

TEST_CASE("text_out: appends") {
  std::string out = "x=";
  AppendJsonString(&out, "y");
  AppendInstant(&out, 0, 0, false);
  CHECK(out == "x=\"y\"1970-01-01 00:00:00");
}

}  // namespace
}  // namespace faultline
