#include "src/engine/episodes.h"

#include <doctest/doctest.h>

namespace faultline {
namespace {

constexpr int64_t kMinute = 60'000'000;

struct Fixture {
  Rule storm, other;
  std::vector<Match> matches;
  Fixture() {
    storm.id = "storm";
    other.id = "other";
    matches.reserve(16);
  }
  // An incident of `rule` on `host` from minute `at` for 2 minutes.
  Incident Add(const Rule* rule, const std::string& host, int64_t at,
               Severity severity = Severity::kWarning) {
    Match m;
    m.rule = rule;
    Evidence e;
    e.host = host;
    e.instant = at * kMinute;
    e.header = host + std::to_string(at);
    m.steps = {e};
    m.first = e.instant;
    m.last = e.instant + 2 * kMinute;
    matches.push_back(m);
    Incident inc;
    inc.primary = &matches.back();
    inc.matches = {inc.primary};
    inc.first = m.first;
    inc.last = m.last;
    inc.severity = severity;
    inc.hosts = {host};
    inc.fingerprint = Fingerprint(*inc.primary);
    return inc;
  }
};

TEST_CASE("episodes: repeats less than the quiet period apart are one episode") {
  Fixture f;
  std::vector<Incident> incidents = {
      f.Add(&f.storm, "zk1", 0),
      f.Add(&f.storm, "zk1", 30),
      f.Add(&f.storm, "zk1", 80, Severity::kCritical),  // 48 min after the last ended: joins
      f.Add(&f.storm, "zk1", 200),                      // 118 min later: a new episode
      f.Add(&f.storm, "zk2", 10),                       // another host: its own
      f.Add(&f.other, "zk1", 5),                        // another rule: its own
  };
  std::vector<Episode> episodes = GroupEpisodes(incidents, 60 * kMinute);
  REQUIRE(episodes.size() == 4);
  const Episode& first = episodes[0];
  CHECK(first.key == "storm|zk1");
  CHECK(first.members == std::vector<size_t>{0, 1, 2});
  CHECK(first.worst == 2);  // the critical one
  CHECK(first.first == 0);
  CHECK(first.last == 82 * kMinute);
  std::vector<Incident> summaries = EpisodeSummaries(incidents, 60 * kMinute);
  REQUIRE(summaries.size() == 4);
  CHECK(summaries[0].severity == Severity::kCritical);
  CHECK(summaries[0].episode.count == 3);
  CHECK(summaries[0].episode.times == std::vector<int64_t>{0, 30 * kMinute, 80 * kMinute});
  // A shorter quiet period splits the first episode.
  CHECK(GroupEpisodes(incidents, 40 * kMinute).size() == 5);
}

TEST_CASE("episodes: the worst occurrence is the most severe, then the earliest") {
  Fixture f;
  Incident a = f.Add(&f.storm, "zk1", 0), b = f.Add(&f.storm, "zk1", 10);
  CHECK(WorseOccurrence(a, b));
  CHECK_FALSE(WorseOccurrence(b, a));
  b.severity = Severity::kCritical;
  CHECK(WorseOccurrence(b, a));
  CHECK(EpisodeKey(a) == "storm|zk1");
}

}  // namespace
}  // namespace faultline
