#include <doctest/doctest.h>

#include <string_view>

#include "parsers/registry.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

bool Parse(std::string_view line, Header* h) {
  Miss miss;
  return CsvLogParser().ParseHeader(line, h, &miss);
}

TEST_CASE("csv: PostgreSQL's csvlog, the message the quoted cell after the severity") {
  Header h;
  // public-layouts/postgres-csvlog-pam.log (pgaudit/pgaudit_analyze#23)
  REQUIRE(Parse(
      R"c(2023-06-23 14:01:00.956 EDT,,,25987,"10.150.20.18:50840",6495dddc.6583,1,"",2023-06-23 14:01:00 EDT,,0,LOG,00000,"connection received: host=10.150.20.18 port=50840",,,,,,,,,"","not initialized",,0)c",
      &h));
  CHECK(h.level == Level::kInfo);
  CHECK(h.message == "connection received: host=10.150.20.18 port=50840");
  CHECK(h.logger.empty());
  CHECK(h.has_offset);
  CHECK(h.local - h.utc_offset_us == CivilToMicros(2023, 6, 23, 18, 1, 0, 956'000));
}

TEST_CASE("csv: an export without a level, the provider between time and message") {
  Header h;
  REQUIRE(Parse(R"c("10/22/2018 4:14:13 AM","docker","WINOVERLAY: peerAdd: notifying HNS")c", &h));
  CHECK(h.level == Level::kUnknown);
  CHECK(h.logger == "docker");
  CHECK(h.message == "WINOVERLAY: peerAdd: notifying HNS");
  CHECK(h.local == CivilToMicros(2018, 10, 22, 4, 14, 13, 0));
}

TEST_CASE("csv: lines with commas are no rows") {
  Header h;
  // A time with a comma before its milliseconds, commas in the message, no quoted cell.
  CHECK_FALSE(Parse("2020-01-01 10:00:00,123 INFO kazoo.client: a, b, c", &h));
  CHECK_FALSE(Parse("2020-01-01 10:00:00,123,INFO,a message", &h));
  // A header row, a quote left open, text after a closing quote.
  CHECK_FALSE(Parse(R"c("TimeCreated","ProviderName","Message")c", &h));
  CHECK_FALSE(Parse(R"c("10/22/2018 4:14:13 AM","docker","open)c", &h));
  CHECK_FALSE(Parse(R"c("10/22/2018 4:14:13 AM","docker" x,"m")c", &h));
}

}  // namespace
}  // namespace faultline
