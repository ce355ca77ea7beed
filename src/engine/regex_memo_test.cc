#include "src/engine/regex_memo.h"

#include <doctest/doctest.h>

#include <string>

namespace faultline {
namespace {

TEST_CASE("RegexMemo: answers as RE2 does, whatever was asked before") {
  RE2 learner("LearnerHandler"), follower("\\bFollower\\b"), any(".");
  RegexMemo memo;
  const std::string long_text = std::string(200, 'x') + "LearnerHandler";
  // More texts than slots, asked twice over in two orders, of three patterns: every answer is
  // RE2's own, remembered or not.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 1000; ++i) {
      int k = round == 0 ? i : 999 - i;
      std::string text = (k % 3 == 0 ? "o.a.z.s.q.LearnerHandler" : "Follower") + std::to_string(k);
      for (const RE2* pattern : {&learner, &follower, &any}) {
        CAPTURE(text);
        CHECK(memo.PartialMatch(text, *pattern) == RE2::PartialMatch(text, *pattern));
      }
    }
  }
  CHECK(memo.PartialMatch(long_text, learner));
  CHECK_FALSE(memo.PartialMatch(long_text, follower));
  CHECK(memo.PartialMatch("Follower", follower));
  CHECK_FALSE(memo.PartialMatch("Follower", learner));
  CHECK_FALSE(memo.PartialMatch("", any));
}

}  // namespace
}  // namespace faultline
