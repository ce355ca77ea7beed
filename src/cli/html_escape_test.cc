#include "src/cli/html_escape.h"

#include <doctest/doctest.h>

namespace faultline {
namespace {

TEST_CASE("html escape: markup in a log line stays text") {
  CHECK(HtmlEscape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(HtmlEscape("a & b") == "a &amp; b");
  CHECK(HtmlEscape("&amp;") == "&amp;amp;");
}

TEST_CASE("html escape: quotes cannot end an attribute") {
  CHECK(HtmlEscape("x\" onmouseover=\"alert(1)") == "x&quot; onmouseover=&quot;alert(1)");
  CHECK(HtmlEscape("x' onclick='y") == "x&#39; onclick=&#39;y");
}

TEST_CASE("html escape: invalid UTF-8 and control characters become U+FFFD") {
  CHECK(HtmlEscape(std::string("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(HtmlEscape("\x1b[31mred") == "\xEF\xBF\xBD[31mred");
  CHECK(HtmlEscape("\xC3(") == "\xEF\xBF\xBD(");                // truncated sequence
  CHECK(HtmlEscape("\xC0\xBC") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '<'
  CHECK(HtmlEscape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(HtmlEscape("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);      // > U+10FFFF
}

TEST_CASE("html escape: valid UTF-8, tabs and newlines pass through") {
  CHECK(HtmlEscape("Δt × syncLimit ✓ \xF0\x9F\x94\xA5") == "Δt × syncLimit ✓ \xF0\x9F\x94\xA5");
  CHECK(HtmlEscape("at a.b(C.java:1)\n\tat d") == "at a.b(C.java:1)\n\tat d");
}

}  // namespace
}  // namespace faultline
