#include "src/engine/hit_memo.h"

#include <doctest/doctest.h>

#include <string>

namespace faultline {
namespace {

std::vector<int> Found(const HitMemo& memo, std::string_view text) {
  std::vector<int> hits = {-1};
  if (!memo.Find(text, HitMemo::Hash(text), &hits)) return {-1};
  return hits;
}

TEST_CASE("hit memo: a remembered text gives its answer back, a different text does not") {
  HitMemo memo;
  const std::string text = "Cannot open channel to 3 at election address zk3/10.0.0.3:3888";
  CHECK(Found(memo, text) == std::vector<int>{-1});  // nothing remembered yet
  memo.Remember(text, HitMemo::Hash(text), {4, 17});
  CHECK(Found(memo, text) == std::vector<int>{4, 17});
  // The same length, one byte apart (the last one), is another text.
  std::string other = text;
  other.back() = '9';
  CHECK(Found(memo, other) == std::vector<int>{-1});
  CHECK(Found(memo, text.substr(0, text.size() - 1)) == std::vector<int>{-1});
  // An answer with no hits is an answer too.
  memo.Remember(other, HitMemo::Hash(other), {});
  CHECK(Found(memo, other).empty());
}

TEST_CASE("hit memo: a text that shares a slot replaces the one before it") {
  HitMemo memo;
  // Find two texts whose hashes name the same slot.
  std::string a = "text 0", b;
  for (int i = 1; b.empty(); ++i) {
    std::string candidate = "text " + std::to_string(i);
    if (HitMemo::Hash(candidate) % HitMemo::kSlots == HitMemo::Hash(a) % HitMemo::kSlots) {
      b = candidate;
    }
  }
  memo.Remember(a, HitMemo::Hash(a), {1});
  memo.Remember(b, HitMemo::Hash(b), {2});
  CHECK(Found(memo, a) == std::vector<int>{-1});
  CHECK(Found(memo, b) == std::vector<int>{2});
}

TEST_CASE("hit memo: long texts and many hits are not remembered") {
  HitMemo memo;
  std::string long_text(HitMemo::kMaxText + 1, 'x');
  memo.Remember(long_text, HitMemo::Hash(long_text), {1});
  CHECK(Found(memo, long_text) == std::vector<int>{-1});
  std::string text = "many";
  std::vector<int> many(HitMemo::kMaxHits + 1, 3);
  memo.Remember(text, HitMemo::Hash(text), many);
  CHECK(Found(memo, text) == std::vector<int>{-1});
  // Texts up to the limit are, with up to kMaxHits hits.
  std::string limit(HitMemo::kMaxText, 'y');
  std::vector<int> most(HitMemo::kMaxHits, 5);
  memo.Remember(limit, HitMemo::Hash(limit), most);
  CHECK(Found(memo, limit) == most);
}

TEST_CASE("hit memo: the hash reads every byte, the tail too") {
  // Texts that differ in one byte anywhere, in the 8-byte words or the tail, hash apart.
  std::string base(37, 'a');
  uint64_t h = HitMemo::Hash(base);
  for (size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = 'b';
    CHECK(HitMemo::Hash(changed) != h);
  }
  CHECK(HitMemo::Hash("") != HitMemo::Hash(std::string(1, '\0')));
}

}  // namespace
}  // namespace faultline
