#include "parsers/scan_util.h"

#include <doctest/doctest.h>

#include <string>

namespace faultline {
namespace {

// What JavaNameEnd answered before it read sixteen bytes at a time (and still does on its tail).
size_t ByteLoopEnd(std::string_view s, size_t pos) {
  while (pos < s.size() && (scan::IsIdentChar(s[pos]) || s[pos] == '.')) ++pos;
  return pos;
}

TEST_CASE("scan: a Java name ends before its first other byte") {
  CHECK(scan::JavaNameEnd("org.apache.hadoop.ha.ActiveStandbyElector: Session connected.", 0) ==
        41);
  CHECK(scan::JavaNameEnd("ha.HealthMonitor (HealthMonitor.java:doHealthChecks(211))", 0) == 16);
  CHECK(scan::JavaNameEnd("kafka.utils.Log4jControllerRegistration$", 6) == 40);
  CHECK(scan::JavaNameEnd("", 0) == 0);
}

TEST_CASE("scan: a Java name's end is the byte loop's, whatever byte stops it and wherever") {
  // The bytes just outside each range the name bytes are tested by ('@' and '[' around the
  // capitals, '`' and '{' around the small letters, '/' and ':' around the digits), other
  // punctuation, NUL and bytes above 0x7f, at every position of a name longer than 32 bytes.
  const std::string name = "org.apache.hadoop.ha.ActiveStandbyElector$Inner_2";
  const int stops[] = {'@', '[', '`', '{', '/', ':', ' ', '(', '-', '\t', 0, 0x80, 0xc3, 0xff};
  for (size_t at = 0; at < name.size(); ++at) {
    for (int stop : stops) {
      std::string s = name;
      s[at] = static_cast<char>(stop);
      for (size_t from : {size_t{0}, size_t{5}}) {
        CHECK(scan::JavaNameEnd(s, from) == ByteLoopEnd(s, from));
      }
    }
  }
  CHECK(scan::JavaNameEnd(name, 0) == name.size());
}

}  // namespace
}  // namespace faultline
