#include "parsers/registry.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

#include "parsers/builtin_layouts.h"
#include "parsers/detect.h"
#include "parsers/pattern_parser.h"

namespace faultline {
namespace {

TEST_CASE("registry: parser order and names") {
  auto parsers = AllParsers();
  auto compiled = CompiledLayoutParsers();
  REQUIRE(!compiled.empty());
  REQUIRE(parsers.size() == 10 + compiled.size());
  CHECK(parsers[0] == &ZooKeeperLogParser());
  CHECK(parsers[1] == &HadoopLogParser());
  CHECK(parsers[2] == &JavaLogParser());
  CHECK(parsers[3] == &LogbackLogParser());
  CHECK(parsers[4] == &PythonLogParser());
  CHECK(parsers[5] == &JsonLogParser());
  CHECK(parsers[6] == &LogfmtLogParser());
  CHECK(parsers[7] == &CsvLogParser());
  for (size_t i = 0; i < compiled.size(); ++i) CHECK(parsers[8 + i] == compiled[i]);
  CHECK(parsers[parsers.size() - 2] == &TimelessLogParser());
  CHECK(parsers.back() == &GenericLogParser());
  CHECK(parsers[0]->Name() == "zookeeper");
  CHECK(parsers[1]->Name() == "hadoop");
  CHECK(parsers[2]->Name() == "java");
  CHECK(parsers[3]->Name() == "logback");
  CHECK(parsers[4]->Name() == "python");
  CHECK(parsers[5]->Name() == "json");
  CHECK(parsers[6]->Name() == "logfmt");
  CHECK(parsers[7]->Name() == "csv");
  CHECK(parsers[8]->Name() == "spring-boot");
  CHECK(ParserNames().starts_with(
      "zookeeper, hadoop, java, logback, python, json, logfmt, csv, spring-boot, "));
  CHECK(ParserNames().ends_with(", timeless, generic"));
  std::set<std::string_view> names;
  for (const Parser* parser : parsers) CHECK(names.insert(parser->Name()).second);
}

TEST_CASE("registry: FindParser") {
  for (const Parser* parser : AllParsers()) {
    CAPTURE(parser->Name());
    CHECK(FindParser(parser->Name()) == parser);
  }
  CHECK(FindParser("") == nullptr);
  CHECK(FindParser("Zookeeper") == nullptr);
  CHECK(FindParser("log4j") == nullptr);
}

TEST_CASE("registry: default components") {
  CHECK(ZooKeeperLogParser().DefaultComponent() == Component::kZk);
  CHECK(HadoopLogParser().DefaultComponent() == Component::kOther);
  CHECK(JavaLogParser().DefaultComponent() == Component::kOther);
  CHECK(LogbackLogParser().DefaultComponent() == Component::kOther);
  CHECK(PythonLogParser().DefaultComponent() == Component::kMonitor);
  CHECK(JsonLogParser().DefaultComponent() == Component::kOther);
  CHECK(LogfmtLogParser().DefaultComponent() == Component::kOther);
  CHECK(TimelessLogParser().DefaultComponent() == Component::kOther);
  CHECK(GenericLogParser().DefaultComponent() == Component::kOther);
}

// THE sample-table test: every sample a parser declares parses into exactly the declared fields.
TEST_CASE("registry: every sample parses as declared") {
  int samples = 0;
  for (const Parser* parser : AllParsers()) {
    CAPTURE(parser->Name());
    CHECK(!parser->Samples().empty());
    CHECK(!parser->Description().empty());
    for (const Sample& sample : parser->Samples()) {
      ++samples;
      CAPTURE(sample.line);
      Header h;
      Miss miss;
      bool ok = parser->ParseHeader(sample.line, &h, &miss);
      CAPTURE(miss.column);
      CAPTURE(miss.why);
      REQUIRE(ok);
      if (parser->Variants().empty()) {
        CHECK(sample.variant.empty());
      } else {
        REQUIRE(h.variant < parser->Variants().size());
        CHECK(parser->Variants()[h.variant] == sample.variant);
      }
      CHECK(LevelName(h.level) == LevelName(sample.level));
      CHECK(h.logger == sample.logger);
      CHECK(h.thread == sample.thread);
      CHECK(h.myid == sample.myid);
      CHECK(h.message == sample.message);
      // Views must point into the line, not elsewhere.
      for (std::string_view field : {h.logger, h.thread, h.message}) {
        if (field.empty()) continue;
        CHECK(field.data() >= sample.line.data());
        CHECK(field.data() + field.size() <= sample.line.data() + sample.line.size());
      }
      const auto* pattern = dynamic_cast<const PatternParser*>(parser);
      if (sample.variant == "bare" || parser == &TimelessLogParser() ||
          (pattern != nullptr && !pattern->layout().has_time())) {
        CHECK(h.local == kNoInstant);
      } else {
        CHECK(h.local != kNoInstant);
      }
    }
  }
  CHECK(samples >= 39 + static_cast<int>(CompiledLayoutParsers().size()));
}

TEST_CASE("registry: every variant has a sample") {
  for (const Parser* parser : AllParsers()) {
    CAPTURE(parser->Name());
    std::set<std::string_view> covered;
    for (const Sample& sample : parser->Samples()) covered.insert(sample.variant);
    if (parser->Variants().empty()) {  // a compiled layout: one layout, no variant names
      CHECK(covered == std::set<std::string_view>{""});
      continue;
    }
    for (std::string_view variant : parser->Variants()) {
      CAPTURE(variant);
      CHECK(covered.count(variant) == 1);
    }
    CHECK(covered.size() == parser->Variants().size());
  }
}

// A sample of one specific parser must not be claimed by an earlier parser in the table.
TEST_CASE("registry: samples detect as their own parser") {
  for (const Parser* parser : AllParsers()) {
    CAPTURE(parser->Name());
    for (const Sample& sample : parser->Samples()) {
      CAPTURE(sample.line);
      Header h;
      const Parser* detected = DetectLine(sample.line, &h);
      if (parser == &GenericLogParser() || parser == &TimelessLogParser()) {
        CHECK(detected == nullptr);
      } else {
        REQUIRE(detected != nullptr);
        CHECK(detected->Name() == parser->Name());
      }
    }
  }
}

}  // namespace
}  // namespace faultline
