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

const Parser& Json() { return JsonLogParser(); }

std::string_view VariantName(const Header& h) { return Json().Variants()[h.variant]; }

bool Parse(std::string_view line, Header* h, Miss* miss) {
  return Json().ParseHeader(line, h, miss);
}

TEST_CASE("json: variants") {
  CHECK(Json().Name() == "json");
  REQUIRE(Json().Variants().size() == 7);
  CHECK(Json().Variants()[0] == "logstash");
  CHECK(Json().Variants()[1] == "ecs");
  CHECK(Json().Variants()[6] == "other");
}

TEST_CASE("json: logstash-logback-encoder keys and an ISO time with an offset") {
  std::string_view line =
      R"j({"@timestamp":"2019-11-05T10:10:10.123+01:00","@version":"1","message":"Session expired",)j"
      R"j("logger_name":"org.apache.zookeeper.ClientCnxn","thread_name":"main-EventThread",)j"
      R"j("level":"WARN","level_value":30000})j";
  Header h;
  Miss miss;
  REQUIRE(Parse(line, &h, &miss));
  CHECK(VariantName(h) == "logstash");
  CHECK(h.local == CivilToMicros(2019, 11, 5, 10, 10, 10, 123'000));
  CHECK(h.has_offset);
  CHECK(h.utc_offset_us == 3'600'000'000LL);
  CHECK(h.precision == 3);
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "org.apache.zookeeper.ClientCnxn");
  CHECK(h.thread == "main-EventThread");
  CHECK(h.message == "Session expired");
}

TEST_CASE("json: epoch times") {
  Header h;
  Miss miss;
  // zap: seconds with a fraction.
  REQUIRE(Parse(R"j({"level":"info","ts":1533917522.548949,"msg":"stopping"})j", &h, &miss));
  CHECK(h.local == 1533917522LL * 1'000'000 + 548949);
  CHECK(h.precision == 6);
  CHECK(h.has_offset);
  CHECK(h.utc_offset_us == 0);
  CHECK(VariantName(h) == "go");
  // Milliseconds, as a number and as a string (log4j 2.3's "timestamp").
  REQUIRE(Parse(R"j({"timeMillis":1547108632526,"level":"WARN","message":"m"})j", &h, &miss));
  CHECK(h.local == 1547108632526LL * 1000);
  CHECK(h.precision == 3);
  REQUIRE(Parse(R"j({"timestamp":"1376681196470","level":"INFO","message":"m"})j", &h, &miss));
  CHECK(h.local == 1376681196470LL * 1000);
  // Whole seconds.
  REQUIRE(Parse(R"j({"time":1700000000,"msg":"m"})j", &h, &miss));
  CHECK(h.local == 1700000000LL * 1'000'000);
  CHECK(h.precision == 0);
  // Nanoseconds (zerolog with TimeFieldFormat = UnixNano).
  REQUIRE(Parse(R"j({"time":1700000000123456789,"msg":"m"})j", &h, &miss));
  CHECK(h.local == 1700000000123456LL);
  // A small number is a duration, not a time; an exponent or sign is not read.
  REQUIRE(Parse(R"j({"time":12,"msg":"m"})j", &h, &miss));
  CHECK(h.local == kNoInstant);
  REQUIRE(Parse(R"j({"ts":1.7e9,"msg":"m"})j", &h, &miss));
  CHECK(h.local == kNoInstant);
  REQUIRE(Parse(R"j({"ts":-1533917522,"msg":"m"})j", &h, &miss));
  CHECK(h.local == kNoInstant);
}

TEST_CASE("json: MongoDB 4.4's structured log") {
  // public-layouts/mongodb44-json-date-object.log: the time in "t"."$date", the severity a
  // letter, the component the logger, the context the thread.
  std::string_view line =
      R"j({"t":{"$date":"2021-12-30T04:59:47.205+00:00"},"s":"I",  "c":"NETWORK",  "id":22944,   )j"
      R"j("ctx":"conn102","msg":"Connection ended","attr":{"remote":"127.0.0.1:49144"}})j";
  Header h;
  Miss miss;
  REQUIRE(Parse(line, &h, &miss));
  CHECK(h.local == CivilToMicros(2021, 12, 30, 4, 59, 47, 205'000));
  CHECK(h.level == Level::kInfo);
  CHECK(h.logger == "NETWORK");
  CHECK(h.thread == "conn102");
  CHECK(h.message == "Connection ended");
  REQUIRE(
      Parse(R"j({"t":{"$date":"2021-12-30T04:59:47.205+00:00"},"s":"D2","msg":"m"})j", &h, &miss));
  CHECK(h.level == Level::kDebug);
  // A letter that is no severity is no level.
  REQUIRE(Parse(R"j({"s":"Q","msg":"m"})j", &h, &miss));
  CHECK(h.level == Level::kUnknown);
}

TEST_CASE("json: log4j2 instant") {
  Header h;
  Miss miss;
  REQUIRE(Parse(R"j({"instant":{"epochSecond":1617327238,"nanoOfSecond":687123456},)j"
                R"j("thread":"main","level":"ERROR","loggerName":"kafka.server.KafkaServer",)j"
                R"j("message":"Fatal error during KafkaServer startup"})j",
                &h, &miss));
  CHECK(VariantName(h) == "log4j2");
  CHECK(h.local == 1617327238LL * 1'000'000 + 687123);
  CHECK(h.precision == 6);
  CHECK(h.level == Level::kError);
  CHECK(h.thread == "main");
  // A higher-ranked time key wins over the instant wherever it is.
  REQUIRE(Parse(R"j({"instant":{"epochSecond":1617327238,"nanoOfSecond":0},)j"
                R"j("@timestamp":"2021-04-02T01:33:58.687Z","message":"m"})j",
                &h, &miss));
  CHECK(h.local == CivilToMicros(2021, 4, 2, 1, 33, 58, 687'000));
}

TEST_CASE("json: Logstash's v0 event, the fields nested under @fields") {
  Header h;
  Miss miss;
  // From testdata/parsers/public-layouts/logstash-jsonevent-v0-fields.log.
  REQUIRE(Parse(R"j({"@fields":{"timestamp":1354696445564,"level":"INFO","mdc":{},)j"
                R"j("file":"Server.java","class":"org.eclipse.jetty.server.Server",)j"
                R"j("line_number":"268","method":"doStart"},"@message":"jetty-8.1.7.v20120910",)j"
                R"j("@source_host":"vagrant.vm"})j",
                &h, &miss));
  CHECK(h.local == 1354696445564LL * 1000);
  CHECK(h.level == Level::kInfo);
  CHECK(h.logger == "org.eclipse.jetty.server.Server");
  CHECK(h.message == "jetty-8.1.7.v20120910");
  // A top-level key outranks the nested one ("level" over "@fields.level").
  REQUIRE(Parse(R"j({"@fields":{"level":"INFO"},"level":"ERROR","message":"m"})j", &h, &miss));
  CHECK(h.level == Level::kError);
}

TEST_CASE("json: Elasticsearch 7's component is the logger, below the usual logger keys") {
  Header h;
  Miss miss;
  // From testdata/parsers/public-layouts/es7-json-component-logger.log.
  REQUIRE(Parse(R"j({"type": "server", "timestamp": "2021-03-14T11:25:47,351Z", "level": "INFO", )j"
                R"j("component": "o.e.x.s.a.s.FileRolesStore", "cluster.name": "docker-cluster", )j"
                R"j("node.name": "d209b8c0b498", "message": "parsed [0] roles from file" })j",
                &h, &miss));
  CHECK(h.logger == "o.e.x.s.a.s.FileRolesStore");
  CHECK(h.local == CivilToMicros(2021, 3, 14, 11, 25, 47, 351'000));
  REQUIRE(Parse(R"j({"component":"c","logger":"l","message":"m"})j", &h, &miss));
  CHECK(h.logger == "l");
}

TEST_CASE("json: bunyan's and pino's numbered levels") {
  Header h;
  Miss miss;
  // From testdata/parsers/public-layouts/bunyan-json-renovate.log.
  REQUIRE(Parse(R"j({"name":"renovate","hostname":"h","pid":7,"level":20,"msg":"Found npm )j"
                R"j(package files","time":"2023-03-24T14:26:16.243Z","v":0})j",
                &h, &miss));
  CHECK(h.level == Level::kDebug);
  CHECK(h.logger == "renovate");
  REQUIRE(Parse(R"j({"level":60,"time":1745532517537,"msg":"m"})j", &h, &miss));
  CHECK(h.level == Level::kFatal);
  REQUIRE(Parse(R"j({"level":35,"time":1745532517537,"msg":"m"})j", &h, &miss));
  CHECK(h.level == Level::kUnknown);  // not one of the six
}

TEST_CASE("json: Rust tracing's JSON nests the message and the thread's name") {
  Header h;
  Miss miss;
  // From testdata/parsers/public-layouts/rust-tracing-json-spans.log.
  REQUIRE(Parse(R"j({"timestamp":"2025-10-28T19:15:10.821422Z","level":"INFO","fields":)j"
                R"j({"message":"shaving yaks"},"target":"fmt_json::yak_shave","spans":[{"yaks":3,)j"
                R"j("name":"shaving_yaks"}],"thread":{"name":"main","id":1}})j",
                &h, &miss));
  CHECK(h.message == "shaving yaks");
  CHECK(h.logger == "fmt_json::yak_shave");
  CHECK(h.thread == "main");
  CHECK(h.level == Level::kInfo);
}

TEST_CASE("json: python-json-logger and structlog") {
  Header h;
  Miss miss;
  REQUIRE(Parse(R"j({"asctime": "2019-09-17 05:04:03,691", "name": "kazoo.client", )j"
                R"j("levelname": "CRITICAL", "message": "Session expired"})j",
                &h, &miss));
  CHECK(VariantName(h) == "python");
  CHECK(h.local == CivilToMicros(2019, 9, 17, 5, 4, 3, 691'000));
  CHECK_FALSE(h.has_offset);
  CHECK(h.level == Level::kFatal);
  CHECK(h.logger == "kazoo.client");
  REQUIRE(Parse(R"j({"event": "Session expired", "level": "warning"})j", &h, &miss));
  CHECK(VariantName(h) == "structlog");
  CHECK(h.local == kNoInstant);  // no time: inherits as the record assembler decides
  CHECK(h.level == Level::kWarn);
  CHECK(h.message == "Session expired");
}

TEST_CASE("json: key precedence and case") {
  Header h;
  Miss miss;
  // "caller" is a logger only when nothing better is there, whatever the order.
  REQUIRE(
      Parse(R"j({"level":"warn","caller":"zk/conn.go:42","logger":"zk","msg":"m"})j", &h, &miss));
  CHECK(h.logger == "zk");
  REQUIRE(Parse(R"j({"level":"warn","caller":"zk/conn.go:42","msg":"m"})j", &h, &miss));
  CHECK(h.logger == "zk/conn.go:42");
  // "message" outranks "msg"; key names in any case; level values in any case.
  REQUIRE(Parse(R"j({"msg":"second","Level":"Warning","Message":"first"})j", &h, &miss));
  CHECK(h.message == "first");
  CHECK(h.level == Level::kWarn);
  REQUIRE(Parse(R"j({"level":"panic","msg":"m"})j", &h, &miss));
  CHECK(h.level == Level::kFatal);
  // A level that is not a level name, or a number other than bunyan's, is skipped, and the next
  // key may give it.
  REQUIRE(Parse(R"j({"level":3,"severity":"ERROR","msg":"m"})j", &h, &miss));
  CHECK(h.level == Level::kError);
  REQUIRE(Parse(R"j({"level":"DEFAULT","msg":"m"})j", &h, &miss));
  CHECK(h.level == Level::kUnknown);
  // A message that is not a string is not a message.
  REQUIRE(Parse(R"j({"message":{"text":"x"},"level":"INFO"})j", &h, &miss));
  CHECK(h.message.empty());
}

TEST_CASE("json: raw string contents keep their escapes") {
  Header h;
  Miss miss;
  std::string_view line =
      R"j({"level":"ERROR","message":"bad \"path\" {not a brace} [x] \\","logger":"a\u00e9b"})j";
  REQUIRE(Parse(line, &h, &miss));
  CHECK(h.message == R"j(bad \"path\" {not a brace} [x] \\)j");
  CHECK(h.logger == R"j(a\u00e9b)j");
}

TEST_CASE("json: nested values are skipped, braces and quotes inside strings included") {
  Header h;
  Miss miss;
  std::string_view line =
      R"j({"mdc":{"a":"}\"]","b":[1,{"c":"{"}],"level":"FATAL"},"arr":[["]"],{}],)j"
      R"j("level":"INFO","message":"outer"})j";
  REQUIRE(Parse(line, &h, &miss));
  CHECK(h.level == Level::kInfo);  // the nested "level" is not the record's
  CHECK(h.message == "outer");
  // ECS nested objects are entered: log.level, log.logger, process.thread.name.
  REQUIRE(Parse(R"j({"log":{"logger":"x.Y","level":"warn"},"process":{"pid":1,"thread":)j"
                R"j({"name":"main","id":1}},"message":"m"})j",
                &h, &miss));
  CHECK(VariantName(h) == "ecs");
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "x.Y");
  CHECK(h.thread == "main");
  // Deep nesting is skipped without recursion.
  std::string deep = R"j({"level":"INFO","message":"m","x":)j";
  deep += std::string(100000, '[') + std::string(100000, ']') + "}";
  REQUIRE(Parse(deep, &h, &miss));
  CHECK(h.message == "m");
}

TEST_CASE("json: misses") {
  Header h;
  Miss miss;
  CHECK_FALSE(Parse("", &h, &miss));
  CHECK_FALSE(Parse("2024-05-02 10:11:12,123 INFO x", &h, &miss));
  CHECK(miss.column == 0);
  CHECK_FALSE(Parse("[1,2]", &h, &miss));
  CHECK_FALSE(Parse(R"j({"a":1,"b":"c"})j", &h, &miss));
  CHECK(std::string_view(miss.why) == "a JSON object without a time, level or message key");
  CHECK_FALSE(Parse(R"j({"level":"INFO","message":"m"} trailing)j", &h, &miss));
  CHECK(miss.column == 31);
  CHECK_FALSE(Parse(R"j({"level":"INFO" "message":"m"})j", &h, &miss));
  CHECK(miss.column == 16);
  CHECK_FALSE(Parse(R"j({"level":"INFO","message":bogus})j", &h, &miss));
  CHECK_FALSE(Parse(R"j({level:"INFO"})j", &h, &miss));
  CHECK(miss.column == 1);
  // Docker's json-file driver: the line inside "log" is the record, not ours to take.
  CHECK_FALSE(Parse(R"j({"log":"2024-05-02 10:11:12,123 INFO x\n","stream":"stdout",)j"
                    R"j("time":"2024-05-02T10:11:12.123456789Z"})j",
                    &h, &miss));
  CHECK(std::string_view(miss.why).find("Docker") != std::string_view::npos);
}

// Every prefix of every sample and of some hostile lines, each in a buffer of exactly its size
// (so a read past the end is a read past the allocation), must parse or miss inside the line.
TEST_CASE("json: truncated and malformed input stays in bounds") {
  std::vector<std::string> lines;
  for (const Sample& sample : Json().Samples()) lines.emplace_back(sample.line);
  lines.emplace_back(R"j({"message":"ends in a backslash\)j");
  lines.emplace_back(R"j({"message":"\)j");
  lines.emplace_back(R"j({"a":{"b":{"c":{"d":"}}}}"}}}},"level":"info"})j");
  lines.emplace_back(R"j({"instant":{"epochSecond":99999999999999999999,"nanoOfSecond":-1}})j");
  lines.emplace_back(R"j({"ts":123456789012345678901234567890,"msg":"m"})j");
  lines.emplace_back("{\"level\":\"INFO\",\"message\":\"m\"}\r");
  for (const std::string& full : lines) {
    for (size_t n = 0; n <= full.size(); ++n) {
      auto buffer = std::make_unique<char[]>(n == 0 ? 1 : n);
      std::copy(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n), buffer.get());
      std::string_view line(buffer.get(), n);
      Header h;
      Miss miss;
      bool ok = Parse(line, &h, &miss);
      CAPTURE(line);
      if (ok) {
        for (std::string_view field : {h.logger, h.thread, h.message}) {
          if (field.empty()) continue;
          CHECK(field.data() >= line.data());
          CHECK(field.data() + field.size() <= line.data() + line.size());
        }
      } else {
        CHECK(miss.column >= 0);
        CHECK(static_cast<size_t>(miss.column) <= n);
      }
      if (n + 1 < full.size() && full.back() == '}') CHECK_FALSE(ok);  // unterminated
    }
  }
}

TEST_CASE("json: sample lines are never continuation lines") {
  for (const Sample& sample : Json().Samples()) {
    CAPTURE(sample.line);
    CHECK_FALSE(IsContinuationLine(sample.line));
  }
}

}  // namespace
}  // namespace faultline
