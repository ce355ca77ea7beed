#include "src/store/merge.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/registry.h"
#include "src/store/test_lines.h"

namespace faultline {
namespace {

std::string Zk(std::string_view t, std::string_view m) { return testing::ZkLine(t, m); }
std::string Hadoop(std::string_view t, std::string_view m) { return testing::HadoopLine(t, m); }
using testing::VectorInput;

// Several in-memory sources and the infos they count into.
struct Sources {
  std::vector<std::unique_ptr<SourceInfo>> infos;
  std::vector<std::unique_ptr<ParsedSource>> sources;

  void Add(std::vector<std::string> lines, const Parser* parser) {
    infos.push_back(std::make_unique<SourceInfo>());
    sources.push_back(std::make_unique<ParsedSource>(
        std::make_unique<VectorInput>(std::move(lines)), parser, infos.back().get(),
        static_cast<int32_t>(sources.size()), SourceClock(nullptr, 0), WindowSettings{}));
  }
};

// (source, line, message) of every merged record, in output order.
struct Out {
  int32_t source;
  int64_t line;
  std::string message;
  bool operator==(const Out&) const = default;
};

std::vector<Out> MergeAll(const Sources& s) {
  Merger merger(s.sources);
  std::vector<Out> out;
  int64_t previous = kNoInstant;
  while (const Record* r = merger.Next()) {
    CHECK(r->instant >= previous);
    previous = r->instant;
    out.push_back({r->source, r->line, std::string(r->View(r->message))});
  }
  CHECK(merger.Next() == nullptr);
  return out;
}

TEST_CASE("merge: nothing to merge") {
  Sources s;
  Merger merger(s.sources);
  CHECK(merger.Next() == nullptr);
}

TEST_CASE("merge: empty sources are skipped") {
  Sources s;
  s.Add({}, &ZooKeeperLogParser());
  s.Add({Zk("10:00:00,000", "only")}, &ZooKeeperLogParser());
  s.Add({}, &HadoopLogParser());
  CHECK(MergeAll(s) == std::vector<Out>{{1, 1, "only"}});
}

TEST_CASE("merge: interleaves by instant") {
  Sources s;
  s.Add({Zk("10:00:00,100", "zk a"), Zk("10:00:00,300", "zk b"), Zk("10:00:00,500", "zk c")},
        &ZooKeeperLogParser());
  s.Add(
      {Hadoop("10:00:00,000", "h a"), Hadoop("10:00:00,400", "h b"), Hadoop("10:00:01,000", "h c")},
      &HadoopLogParser());
  s.Add({"2019-09-17 10:00:00,200 - kazoo.client - WARNING - py a"}, &PythonLogParser());
  std::vector<Out> expected = {{1, 1, "h a"}, {0, 1, "zk a"}, {2, 1, "py a"}, {0, 2, "zk b"},
                               {1, 2, "h b"}, {0, 3, "zk c"}, {1, 3, "h c"}};
  CHECK(MergeAll(s) == expected);
}

TEST_CASE("merge: ties go by source, then line") {
  Sources s;
  s.Add({Zk("10:00:00,000", "s0 l1"), Zk("10:00:00,000", "s0 l2"), Zk("10:00:01,000", "s0 l3")},
        &ZooKeeperLogParser());
  s.Add({Zk("10:00:00,000", "s1 l1"), Zk("10:00:01,000", "s1 l2")}, &ZooKeeperLogParser());
  s.Add({Zk("10:00:00,000", "s2 l1")}, &ZooKeeperLogParser());
  std::vector<Out> expected = {{0, 1, "s0 l1"}, {0, 2, "s0 l2"}, {1, 1, "s1 l1"},
                               {2, 1, "s2 l1"}, {0, 3, "s0 l3"}, {1, 2, "s1 l2"}};
  CHECK(MergeAll(s) == expected);
}

TEST_CASE("merge: the same on every run") {
  auto build = [] {
    Sources s;
    for (int source = 0; source < 5; ++source) {
      std::vector<std::string> lines;
      for (int i = 0; i < 50; ++i) {
        int millis = (i * 37 + source * 11) % 1000 / 100 * 100;  // many equal instants
        char time[32];
        std::snprintf(time, sizeof time, "10:00:%02d,%03d", i / 10, millis);
        lines.push_back(Zk(time, std::to_string(source) + ":" + std::to_string(i)));
      }
      s.Add(std::move(lines), &ZooKeeperLogParser());
    }
    return s;
  };
  Sources first = build(), second = build();
  std::vector<Out> a = MergeAll(first), b = MergeAll(second);
  CHECK(a.size() == 250);
  CHECK(a == b);
}

// A record before its source's first time takes that time (parsed_source) and merges there; an
// unparsed line keeps its place after the record it follows.
TEST_CASE("merge: records before the first time merge at it, unparsed ones in place") {
  Sources s;
  s.Add({Zk("10:00:01,000", "zk"), "not a log line", Zk("10:00:02,000", "zk 2")},
        &ZooKeeperLogParser());
  s.Add({"INFO:kazoo.client:before any time", "2019-09-17 10:00:01,500 - kazoo.client - INFO - py"},
        &PythonLogParser());
  std::vector<Out> expected = {{0, 1, "zk"},
                               {0, 2, "not a log line"},
                               {1, 1, "before any time"},
                               {1, 2, "py"},
                               {0, 3, "zk 2"}};
  CHECK(MergeAll(s) == expected);
}

TEST_CASE("merge: sources reordered inside, merged across") {
  Sources s;
  s.Add({Zk("10:00:01,000", "a1"), Zk("10:00:00,500", "a0"), Zk("10:00:03,000", "a3")},
        &ZooKeeperLogParser());
  s.Add({Zk("10:00:00,700", "b0"), Zk("10:00:02,000", "b2")}, &ZooKeeperLogParser());
  std::vector<Out> expected = {
      {0, 2, "a0"}, {1, 1, "b0"}, {0, 1, "a1"}, {1, 2, "b2"}, {0, 3, "a3"}};
  CHECK(MergeAll(s) == expected);
  CHECK(s.infos[0]->out_of_order == 1);
  CHECK(s.infos[1]->out_of_order == 0);
}

}  // namespace
}  // namespace faultline
