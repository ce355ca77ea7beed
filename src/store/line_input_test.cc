#include "src/store/line_input.h"

#include <doctest/doctest.h>

namespace faultline {
namespace {

TEST_CASE("line input: quote marks of every reply level go, with the one space after them") {
  CHECK(StripQuoteMarks("> 2019-09-17 05:04:12,043 INFO x") == "2019-09-17 05:04:12,043 INFO x");
  CHECK(StripQuoteMarks(">> 2019-09-17 05:04:12,043 INFO x") == "2019-09-17 05:04:12,043 INFO x");
  CHECK(StripQuoteMarks("> > 2019-09-17 INFO x") == "2019-09-17 INFO x");
  CHECK(StripQuoteMarks(">2019-09-17 INFO x") == "2019-09-17 INFO x");
  CHECK(StripQuoteMarks(">") == "");
  CHECK(StripQuoteMarks("> ") == "");
  // A stack frame keeps its own indentation after the mail client's space.
  CHECK(StripQuoteMarks(">         at org.apache.Foo.bar(Foo.java:1)") ==
        "        at org.apache.Foo.bar(Foo.java:1)");
  CHECK(StripQuoteMarks(">\tat org.apache.Foo.bar(Foo.java:1)") ==
        "\tat org.apache.Foo.bar(Foo.java:1)");
  CHECK(StripQuoteMarks("2019-09-17 INFO a > b") == "2019-09-17 INFO a > b");
}

TEST_CASE("line input: spaces go only before a timestamp") {
  CHECK(TrimLeadingSpaces("   2019-09-17 INFO x") == "2019-09-17 INFO x");
  CHECK(TrimLeadingSpaces("    at org.apache.Foo") == "    at org.apache.Foo");
  CHECK(TrimLeadingSpaces("2019") == "2019");
}

}  // namespace
}  // namespace faultline
