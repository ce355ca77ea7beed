#include "src/scan/episode_tracker.h"

#include <doctest/doctest.h>

#include "src/scan/news.h"

namespace faultline {
namespace {

constexpr int64_t kMinute = 60'000'000;
constexpr int64_t kHour = 60 * kMinute;

struct Fixture {
  Rule rule;
  std::vector<Match> matches;
  Fixture() {
    rule.id = "storm";
    matches.reserve(16);
  }
  Incident Add(int64_t minute, std::vector<std::string> hosts = {"zk1"},
               Severity severity = Severity::kWarning, std::string status = "new") {
    Match m;
    m.rule = &rule;
    Evidence e;
    e.host = "zk1";
    e.instant = minute * kMinute;
    e.header = std::to_string(minute);
    m.steps = {e};
    m.first = m.last = e.instant;
    matches.push_back(m);
    Incident inc;
    inc.primary = &matches.back();
    inc.first = inc.last = e.instant;
    inc.severity = severity;
    inc.hosts = std::move(hosts);
    inc.status = std::move(status);
    inc.fingerprint = Fingerprint(*inc.primary);
    return inc;
  }
};

std::vector<std::string> Keys(const std::vector<Incident>& incidents) {
  std::vector<std::string> keys;
  for (const Incident& i : incidents) keys.push_back(i.fingerprint);
  return keys;
}

TEST_CASE("episode_tracker: opens, stays quiet on repeats, escalates, resolves once") {
  Fixture f;
  std::vector<EpisodeState> open;
  // Run 1: two repeats 10 minutes apart: one episode, printed once (opened).
  std::vector<Incident> run1 = {f.Add(0), f.Add(10)};
  EpisodeOutcome o1 =
      TrackEpisodes(&run1, Keys(run1), kHour, {{"zk1", 10 * kMinute}}, 10 * kMinute, &open);
  REQUIRE(open.size() == 1);
  CHECK(o1.joined[0].print);
  CHECK(run1[0].episode.state == "opened");
  CHECK_FALSE(o1.joined[1].print);
  CHECK(run1[1].episode.state == "ongoing");
  CHECK(open[0].count == 2);
  CHECK(open[0].name == ReportName(run1[0].fingerprint));
  CHECK(o1.resolved.empty());

  // Run 2: a repeat on a new host, critical: escalated.
  std::vector<Incident> run2 = {f.Add(30, {"zk1", "zk2"}, Severity::kCritical)};
  EpisodeOutcome o2 =
      TrackEpisodes(&run2, Keys(run2), kHour, {{"zk1", 30 * kMinute}}, 30 * kMinute, &open);
  CHECK(o2.joined[0].print);
  CHECK(run2[0].episode.state == "escalated");
  CHECK(open[0].severity == 2);
  CHECK(open[0].hosts == std::vector<std::string>{"zk1", "zk2"});
  CHECK(open[0].count == 3);

  // Run 3: nothing new, the log time 50 min past the last: still open.
  std::vector<Incident> none;
  EpisodeOutcome o3 = TrackEpisodes(&none, {}, kHour, {{"zk1", 80 * kMinute}}, 0, &open);
  CHECK(o3.resolved.empty());
  CHECK(open.size() == 1);
  // Run 4: an hour without an occurrence: resolved, once.
  EpisodeOutcome o4 = TrackEpisodes(&none, {}, kHour, {{"zk1", 90 * kMinute}}, 0, &open);
  REQUIRE(o4.resolved.size() == 1);
  CHECK(o4.resolved[0].count == 3);
  CHECK(open.empty());
  EpisodeOutcome o5 = TrackEpisodes(&none, {}, kHour, {{"zk1", 200 * kMinute}}, 0, &open);
  CHECK(o5.resolved.empty());
}

TEST_CASE("episode_tracker: a repeat after the quiet period closes the old and opens a new one") {
  Fixture f;
  std::vector<EpisodeState> open;
  std::vector<Incident> run = {f.Add(0), f.Add(100),
                               f.Add(110, {"zk1"}, Severity::kWarning, "updated")};
  EpisodeOutcome o = TrackEpisodes(&run, Keys(run), kHour, {}, 110 * kMinute, &open);
  REQUIRE(o.resolved.size() == 1);
  CHECK(o.joined[0].in_resolved);
  CHECK(o.joined[0].episode == 0);
  CHECK_FALSE(o.joined[1].in_resolved);
  REQUIRE(open.size() == 1);
  CHECK(open[0].count == 1);  // an update of a reported incident is not another occurrence
  CHECK(open[0].first == 100 * kMinute);
  CHECK(
      EpisodeJsonHeader(open[0], "open").starts_with("{\"key\":\"storm|zk1\",\"state\":\"open\""));
}

}  // namespace
}  // namespace faultline
