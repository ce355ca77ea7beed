#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/continuation.h"
#include "parsers/registry.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

const Parser& Logfmt() { return LogfmtLogParser(); }

std::string_view VariantName(const Header& h) { return Logfmt().Variants()[h.variant]; }

bool Parse(std::string_view line, Header* h, Miss* miss) {
  return Logfmt().ParseHeader(line, h, miss);
}

TEST_CASE("logfmt: logrus") {
  Header h;
  Miss miss;
  REQUIRE(Parse(R"j(time="2024-05-02T10:11:12Z" level=warning msg="Connection refused" logger=zk)j",
                &h, &miss));
  CHECK(VariantName(h) == "logrus");
  CHECK(h.local == CivilToMicros(2024, 5, 2, 10, 11, 12, 0));
  CHECK(h.has_offset);
  CHECK(h.utc_offset_us == 0);
  CHECK(h.precision == 0);
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "zk");
  CHECK(h.message == "Connection refused");
}

TEST_CASE("logfmt: slog and go-kit") {
  Header h;
  Miss miss;
  REQUIRE(Parse("time=2022-11-08T15:28:26.000-05:00 level=INFO msg=hello count=3", &h, &miss));
  CHECK(VariantName(h) == "slog");
  CHECK(h.local == CivilToMicros(2022, 11, 8, 15, 28, 26, 0));
  CHECK(h.utc_offset_us == -5 * 3'600'000'000LL);
  CHECK(h.message == "hello");
  REQUIRE(Parse(R"j(level=warn ts=2019-03-14T20:31:07.047662283Z caller=sidecar.go:132 )j"
                R"j(msg="failed to fetch initial external labels" err="request failed")j",
                &h, &miss));
  CHECK(VariantName(h) == "go-kit");
  CHECK(h.local == CivilToMicros(2019, 3, 14, 20, 31, 7, 47662));
  CHECK(h.precision == 6);
  CHECK(h.logger == "sidecar.go:132");
  CHECK(h.message == "failed to fetch initial external labels");
}

TEST_CASE("logfmt: values") {
  Header h;
  Miss miss;
  // Escaped quotes stay as written; an empty message is a message; lvl and message are keys too.
  REQUIRE(Parse(R"j(lvl=error message="a \"quoted\" word" thread=main)j", &h, &miss));
  CHECK(h.message == R"j(a \"quoted\" word)j");
  CHECK(h.thread == "main");
  CHECK(h.local == kNoInstant);
  REQUIRE(Parse(R"j(ts=1533917522.5 msg="")j", &h, &miss));
  CHECK(h.message.empty());
  CHECK(h.local == 1533917522LL * 1'000'000 + 500'000);
  // Extra spaces between pairs.
  REQUIRE(Parse("level=info   msg=started  ", &h, &miss));
  CHECK(h.message == "started");
}

TEST_CASE("logfmt: prose and other layouts are not taken") {
  Header h;
  Miss miss;
  CHECK_FALSE(Parse("", &h, &miss));
  CHECK_FALSE(Parse("2024-05-02 10:11:12,123 INFO key=value msg=x", &h, &miss));
  CHECK_FALSE(Parse("Connecting with sessionTimeout=30000 msg=x level=info", &h, &miss));
  CHECK(miss.column == 0);
  CHECK_FALSE(Parse("level=info msg=x and more", &h, &miss));
  CHECK(miss.column == 17);
  CHECK_FALSE(Parse("zookeeper.connect=zk1:2181", &h, &miss));
  CHECK_FALSE(Parse("level=info status=200", &h, &miss));  // no message
  CHECK(std::string_view(miss.why) == "key=value pairs without a msg or message key");
  CHECK_FALSE(Parse("msg=hello count=3", &h, &miss));  // no time or level
  CHECK_FALSE(Parse("at=info method=GET path=/ status=200", &h, &miss));
  CHECK_FALSE(Parse(R"j(level=info msg="unterminated)j", &h, &miss));
  CHECK_FALSE(Parse(R"j(level=info msg="a"b)j", &h, &miss));
  CHECK_FALSE(Parse("{\"level\":\"info\",\"msg\":\"m\"}", &h, &miss));
}

TEST_CASE("logfmt: truncated input stays in bounds") {
  std::vector<std::string> lines;
  for (const Sample& sample : Logfmt().Samples()) lines.emplace_back(sample.line);
  lines.emplace_back(R"j(level=info msg="ends in a backslash\)j");
  lines.emplace_back(R"j(level=info msg="\)j");
  lines.emplace_back(R"j(level=info msg=")j");
  for (const std::string& full : lines) {
    for (size_t n = 0; n <= full.size(); ++n) {
      auto buffer = std::make_unique<char[]>(n == 0 ? 1 : n);
      std::copy(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n), buffer.get());
      std::string_view line(buffer.get(), n);
      Header h;
      Miss miss;
      CAPTURE(line);
      if (Parse(line, &h, &miss)) {
        for (std::string_view field : {h.logger, h.thread, h.message}) {
          if (field.empty()) continue;
          CHECK(field.data() >= line.data());
          CHECK(field.data() + field.size() <= line.data() + line.size());
        }
      } else {
        CHECK(static_cast<size_t>(miss.column) <= n);
      }
    }
  }
}

TEST_CASE("logfmt: sample lines are never continuation lines") {
  for (const Sample& sample : Logfmt().Samples()) {
    CAPTURE(sample.line);
    CHECK_FALSE(IsContinuationLine(sample.line));
  }
}

}  // namespace
}  // namespace faultline
