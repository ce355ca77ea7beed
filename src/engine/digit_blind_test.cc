#include "src/engine/digit_blind.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <vector>

#include "src/engine/pattern_set.h"

namespace faultline {
namespace {

TEST_CASE("a pattern that treats digits alike is its own digit-blind form") {
  for (const char* p :
       {R"(Connection broken for id (?P<peer>\d+), my id)", R"(session 0x[0-9a-fA-F]+ has expired)",
        R"(took \d{3,}ms)", R"((?P<what2>\S+) [[:digit:]]+ [^\n]*)", R"(\pN+ \p{Nd})"}) {
    INFO(p);
    std::optional<std::string> blind = DigitBlindPattern(p);
    REQUIRE(blind.has_value());
    if (std::string_view(p).find("0x") == std::string_view::npos) CHECK(*blind == p);
  }
  // "0x" names a digit: it becomes \d.
  CHECK(DigitBlindPattern(R"(0x[0-9a-f]+)") == std::optional<std::string>(R"(\dx[0-9a-f]+)"));
}

TEST_CASE("digits a pattern names become any digit, and classes name all digits or none") {
  CHECK(DigitBlindPattern("port 8485") == std::optional<std::string>(R"(port \d\d\d\d)"));
  CHECK(DigitBlindPattern("code [1-3]x") == std::optional<std::string>("code [1-30-9]x"));
  CHECK(DigitBlindPattern("len (?:[0-24-9]\\d{8})") ==
        std::optional<std::string>("len (?:[0-24-90-9]\\d{8})"));
  CHECK(DigitBlindPattern("a{2,5}b{3}") == std::optional<std::string>("a{2,5}b{3}"));
  CHECK(DigitBlindPattern("a{x1}") == std::optional<std::string>(R"(a{x\d})"));  // a literal '{'
  CHECK(DigitBlindPattern("[]1]") == std::optional<std::string>("[]10-9]"));
}

TEST_CASE("normalising writes every ASCII digit as 0 and leaves every other byte") {
  std::string text;
  for (int round = 0; round < 3; ++round) {
    for (int b = 0; b < 256; ++b) text.push_back(static_cast<char>(b));
  }
  text += "sid:12 zxid 0x3f9 caf\xc3\xa9 7";
  std::string normalized;
  NormalizeDigits(text, &normalized);
  REQUIRE(normalized.size() == text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    INFO("byte " << i);
    CHECK(normalized[i] == (digit ? '0' : text[i]));
  }
  NormalizeDigits("a1", &normalized);  // a shorter text after a longer one
  CHECK(normalized == "a0");
}

TEST_CASE("what a digit-blind form cannot say is refused") {
  CHECK_FALSE(DigitBlindPattern(R"(\x31)").has_value());
  CHECK_FALSE(DigitBlindPattern(R"(\Q1.2\E)").has_value());
  CHECK_FALSE(DigitBlindPattern(R"(\101)").has_value());
  CHECK_FALSE(DigitBlindPattern("[^0-4]").has_value());
  CHECK_FALSE(DigitBlindPattern("[a-z").has_value());
  CHECK(DigitBlindPattern("[^a-z]").has_value());  // no digit named: kept as it is
}

TEST_CASE("a digit-blind form matches the text and its normalised form whenever the pattern does") {
  const char* patterns[] = {"port 8485",        "code [1-3]x",   R"(id \d+, my id)",
                            "0x[0-9a-f]+ gone", "[^0-9 ]+9 end", "a{2}1"};
  const char* texts[] = {"port 8485", "port 8486", "code 2x",  "code 7x", "id 42, my id",
                         "0x1f gone", "1x2 gone",  "abc9 end", "aa1",     "aa7"};
  for (const char* p : patterns) {
    std::optional<std::string> blind = DigitBlindPattern(p);
    if (!blind.has_value()) continue;
    RE2 original(p), relaxed(*blind);
    REQUIRE(relaxed.ok());
    for (const char* t : texts) {
      std::string normalized;
      NormalizeDigits(t, &normalized);
      INFO(p << " / " << t);
      if (RE2::PartialMatch(t, original)) {
        CHECK(RE2::PartialMatch(t, relaxed));
        CHECK(RE2::PartialMatch(normalized, relaxed));
      }
      // Blind: the text and its normalised form get the same answer.
      CHECK(RE2::PartialMatch(t, relaxed) == RE2::PartialMatch(normalized, relaxed));
    }
  }
}

TEST_CASE("texts differing only in their digits get each their own answer from a PatternSet") {
  LazyRegex port("port 8485 refused"), any_port(R"(port \d+ refused)"), code("exit code [1-3]$"),
      session(R"(session 0x[0-9a-f]+ expired)");
  const LazyRegex* patterns[] = {&port, &any_port, &code, &session};
  const char* texts[] = {"port 8485 refused",    "port 8486 refused",    "port 8485 refused",
                         "exit code 2",          "exit code 7",          "exit code 3",
                         "session 0x1f expired", "session 1x1f expired", "session 0x2e expired"};
  for (auto backend : {PatternSet::Backend::kRe2, PatternSet::Backend::kHyperscan}) {
    PatternSet set(backend);
    std::string error;
    for (const LazyRegex* p : patterns) REQUIRE(set.Add(*p, &error) >= 0);
    REQUIRE(set.Compile());
    std::vector<int> hits;
    for (int round = 0; round < 3; ++round) {
      for (const char* t : texts) {
        std::vector<int> expected;
        for (int i = 0; i < 4; ++i) {
          if (RE2::PartialMatch(t, patterns[i]->get())) expected.push_back(i);
        }
        set.Match(t, &hits);
        INFO(t << " round " << round);
        CHECK(hits == expected);
      }
    }
  }
}

}  // namespace
}  // namespace faultline
