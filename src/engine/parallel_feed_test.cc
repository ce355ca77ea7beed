#include "src/engine/parallel_feed.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "src/engine/analysis.h"
#include "src/engine/engine_test_util.h"

namespace faultline {
namespace {

using namespace engine_test;

// A step that counts only on host zk9, which the second source names only mid-stream (as a
// syslog wrapper's host is learnt at the first wrapped line).
const std::string kOnZk9 = kHead + R"toml(
[[steps]]
name = "election"
host = "zk9"
message = 'New election'
)toml";

struct Fed {
  Record record;
  int source;
  std::string host;  ///< the source's host when the record is fed
};

// The seed's two steps several times, elections on both sources (the second learns its host
// halfway), and enough records without hits between them to fill several batches.
std::vector<Fed> Stream() {
  std::vector<Fed> fed;
  int64_t line = 0;
  for (int round = 0; round < 6; ++round) {
    int64_t t = kT0 + round * kMinute;
    std::string host = round < 3 ? "" : "zk9";
    fed.push_back({Rec(t, ++line, Component::kZk, Level::kWarn, kLearner, kTimeoutText), 0, "zk3"});
    for (int i = 0; i < 3000; ++i) {
      fed.push_back(
          {Rec(t + i, ++line, Component::kZk, Level::kInfo, kLearner, "nothing"), 0, "zk3"});
    }
    fed.push_back({Rec(t + 5 * kSecond, ++line, Component::kZk, Level::kInfo, kLearner,
                       "New election. My id = 9"),
                   1, host});
    fed.push_back(
        {Rec(t + 6 * kSecond, ++line, Component::kZkfc, Level::kError, kElector, kStatError), 0,
         "zk3"});
  }
  for (Fed& f : fed) f.record.source = f.source;
  return fed;
}

std::string Summary(const Engine& engine) {
  std::string out;
  for (const Match& m : engine.matches()) {
    out += m.rule->id + "@" + std::to_string(m.first);
    for (const Evidence& e : m.steps) out += " " + e.host + ":" + std::to_string(e.line);
    out += "\n";
  }
  return out + "records " + std::to_string(engine.records_seen());
}

// The stream through a ParallelFeed to `shards` engines with a share of `rules` each, the
// sources' hosts changing as Stream says; the engines after Finish.
std::vector<std::unique_ptr<Engine>> FeedInParallel(Harness& h,
                                                    const std::vector<const Rule*>& rules,
                                                    int shards, const std::vector<Fed>& stream,
                                                    MessageTemplates* templates) {
  SourceInfo live[2] = {kZk3, Source("zk9/zookeeper.log", "", Component::kZk)};
  Engine scanner(rules, h.config());
  std::vector<std::unique_ptr<Engine>> engines;
  std::vector<Engine*> readers;
  for (int i = 0; i < shards; ++i) {
    engines.push_back(
        std::make_unique<Engine>(ShareOf(rules, i, shards), h.config(), /*scans=*/false));
    readers.push_back(engines.back().get());
  }
  ParallelFeed feed(&scanner, readers, {&live[0], &live[1]}, templates);
  for (const Fed& f : stream) {
    live[f.source].host = f.host;
    feed.Feed(f.record, live[f.source]);
  }
  feed.Finish(true);
  return engines;
}

TEST_CASE("parallel_feed.same matches as one engine, hosts learnt mid-stream included") {
  Harness h({kSequence, kOnZk9});
  std::vector<const Rule*> rules = {h.rule(0), h.rule(1)};
  std::vector<Fed> stream = Stream();
  SourceInfo sources[2] = {kZk3, Source("zk9/zookeeper.log", "", Component::kZk)};
  for (const Fed& f : stream) {
    sources[f.source].host = f.host;
    h.Feed(f.record, sources[f.source]);
  }
  h.engine().Finish();
  std::string one = Summary(h.engine());
  CHECK(one.find("rule1@") != std::string::npos);
  CHECK(one.find("rule2@") != std::string::npos);
  CHECK(one.find(" zk9:") != std::string::npos);

  for (int shards : {1, 2, 3}) {
    CAPTURE(shards);
    std::vector<std::unique_ptr<Engine>> engines =
        FeedInParallel(h, rules, shards, stream, nullptr);
    for (int i = 1; i < shards; ++i) engines[0]->Absorb(std::move(*engines[i]));
    CHECK(Summary(*engines[0]) == one);
  }
}

std::string Described(const MessageTemplates& templates) {
  std::string out;
  for (const TemplateStat& t : templates.Summary(100)) {
    out += t.host + "|" + t.text + "|" + t.source + ":" + std::to_string(t.line) + "|" +
           std::to_string(t.count) + "|" + std::to_string(t.first) + "\n";
  }
  return out + "records " + std::to_string(templates.records());
}

TEST_CASE("parallel_feed.the first engine's thread counts the templates as the reader would") {
  Harness h({kSequence, kOnZk9});
  std::vector<const Rule*> rules = {h.rule(0), h.rule(1)};
  std::vector<Fed> stream = Stream();
  // Warnings without an instant (a pasted trace's lines) count too, in their place.
  for (size_t at : {size_t{10}, size_t{5000}, stream.size() - 1}) {
    Fed timeless = stream[at];
    timeless.record.instant = kNoInstant;
    timeless.record.level = Level::kError;
    stream.insert(stream.begin() + static_cast<std::ptrdiff_t>(at), timeless);
  }
  MessageTemplates alone;
  SourceInfo sources[2] = {kZk3, Source("zk9/zookeeper.log", "", Component::kZk)};
  for (const Fed& f : stream) {
    sources[f.source].host = f.host;
    alone.Add(f.record, sources[f.source]);
  }
  std::string expected = Described(alone);
  CHECK(expected.find("zk9|New election") == std::string::npos);  // INFO: not a template
  CHECK(expected.find("zk3|") != std::string::npos);
  CHECK(expected.find("records 15") != std::string::npos);  // 6 rounds of 2, and 3 timeless
  for (int shards : {1, 2}) {
    CAPTURE(shards);
    MessageTemplates counted;
    FeedInParallel(h, rules, shards, stream, &counted);
    CHECK(Described(counted) == expected);
  }
}

}  // namespace
}  // namespace faultline
