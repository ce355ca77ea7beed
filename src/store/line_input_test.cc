#include "src/store/line_input.h"

#include <doctest/doctest.h>

namespace faultline {
namespace {

TEST_CASE("line input: spaces go only before a timestamp") {
  CHECK(TrimLeadingSpaces("   2019-09-17 INFO x") == "2019-09-17 INFO x");
  CHECK(TrimLeadingSpaces("    at org.apache.Foo") == "    at org.apache.Foo");
  CHECK(TrimLeadingSpaces("2019") == "2019");
}

}  // namespace
}  // namespace faultline
