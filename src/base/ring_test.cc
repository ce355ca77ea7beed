#include "src/base/ring.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace faultline {
namespace {

std::vector<std::string> Items(const Ring<std::string>& ring) {
  return std::vector<std::string>(ring.begin(), ring.end());
}

TEST_CASE("ring: first in, first out across wrap-around and growth, as a deque") {
  Ring<std::string> ring;
  std::deque<std::string> model;
  CHECK(ring.empty());
  // Pushes outnumber pops, so the ring wraps around inside its array and grows while wrapped.
  for (int i = 0; i < 200; ++i) {
    std::string value = "item " + std::to_string(i) + " with text past the small-string size";
    ring.push_back(value);
    model.push_back(value);
    if (i % 3 == 2) {
      ring.pop_front();
      model.pop_front();
    }
    REQUIRE(ring.size() == model.size());
    CHECK(ring.front() == model.front());
    CHECK(ring.back() == model.back());
  }
  CHECK(Items(ring) == std::vector<std::string>(model.begin(), model.end()));
  ring.clear();
  CHECK(ring.empty());
  CHECK(ring.begin() == ring.end());
  ring.push_back("again");
  CHECK(Items(ring) == std::vector<std::string>{"again"});
}

TEST_CASE("ring: erase keeps the order of the rest, also when wrapped") {
  Ring<std::string> ring;
  for (const char* s : {"a", "b", "c", "d"}) ring.push_back(s);
  ring.pop_front();
  ring.pop_front();
  for (const char* s : {"e", "f"}) ring.push_back(s);  // c d e f, wrapped in an array of 4
  auto it = std::find(ring.begin(), ring.end(), "d");
  REQUIRE(it != ring.end());
  ring.erase(it);
  CHECK(Items(ring) == std::vector<std::string>{"c", "e", "f"});
  ring.erase(ring.begin());
  CHECK(Items(ring) == std::vector<std::string>{"e", "f"});
  ring[1] = "g";
  CHECK(ring.back() == "g");
}

}  // namespace
}  // namespace faultline
