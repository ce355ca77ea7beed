#include "src/scan/news.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

namespace faultline {
namespace {

constexpr int64_t kSecond = 1'000'000;
constexpr int64_t kT0 = 1568696652LL * kSecond;  // 2019-09-17 05:04:12 UTC

Evidence Step(const std::string& source, int64_t line, int64_t instant) {
  Evidence e;
  e.source = source;
  e.line = line;
  e.instant = instant;
  e.host = "zk1";
  e.header = source + ":" + std::to_string(line);
  return e;
}

Match MakeMatch(const Rule* rule, std::vector<Evidence> steps) {
  Match m;
  m.rule = rule;
  m.steps = std::move(steps);
  m.first = m.steps.front().instant;
  m.last = m.steps.back().instant;
  return m;
}

Incident Of(std::vector<const Match*> matches) {
  Incident i;
  i.matches = matches;
  i.primary = matches.front();
  i.first = matches.front()->first;
  i.last = matches.back()->last;
  i.fingerprint = Fingerprint(*i.primary);
  return i;
}

TEST_CASE("news: a match whose steps all lie in lines read before was decided then") {
  Rule rule;
  rule.id = "storm";
  std::map<std::string, int64_t> decided = {{"a.log", 100}, {"b.log", 50}};
  Match old = MakeMatch(&rule, {Step("a.log", 90, kT0), Step("b.log", 50, kT0 + kSecond)});
  Match half = MakeMatch(&rule, {Step("a.log", 99, kT0), Step("b.log", 51, kT0 + kSecond)});
  Match other = MakeMatch(&rule, {Step("c.log", 1, kT0)});  // a file no earlier run read
  CHECK_FALSE(IsUndecided(old, decided, INT64_MIN));
  CHECK(IsUndecided(half, decided, INT64_MIN));
  CHECK(IsUndecided(other, decided, INT64_MIN));
  // An absence window that closed only after the last run's watermark is news then.
  old.absence = true;
  old.absence_deadline = kT0 + 60 * kSecond;
  CHECK(IsUndecided(old, decided, kT0 + 30 * kSecond));
  CHECK_FALSE(IsUndecided(old, decided, kT0 + 60 * kSecond));
}

TEST_CASE("news: however far apart the inputs' times, a re-read match is not news") {
  // The replay of a log whose records are a day before the others' re-finds its incidents;
  // no memory of fingerprints is needed to know they were decided.
  Rule rule;
  rule.id = "no-leader";
  Match day_before = MakeMatch(&rule, {Step("zk.log", 10, kT0 - 86400 * kSecond)});
  Match today = MakeMatch(&rule, {Step("zkfc.log", 500, kT0)});
  std::vector<Incident> incidents = {Of({&day_before}), Of({&today})};
  News news = SelectNews(incidents, {}, {{"zk.log", 10}, {"zkfc.log", 499}}, INT64_MIN);
  REQUIRE(news.incidents.size() == 1);
  CHECK(news.incidents[0] == 1);
  CHECK(news.status[0] == "new");
  CHECK(news.keys[0] == Fingerprint(today));
  REQUIRE(news.remember.size() == 1);
  CHECK(news.remember[0].fingerprint == Fingerprint(today));
  CHECK(news.remember[0].last_instant == kT0);
}

TEST_CASE("news: an undecided match beside a reported one updates that incident") {
  Rule rule;
  rule.id = "r";
  Match first = MakeMatch(&rule, {Step("a.log", 5, kT0)});
  Match later = MakeMatch(&rule, {Step("a.log", 20, kT0 + 10 * kSecond)});
  std::vector<ReportedIncident> reported = {{Fingerprint(first), kT0, "KEY"}};
  News news = SelectNews({Of({&first, &later})}, reported, {{"a.log", 10}}, INT64_MIN);
  REQUIRE(news.incidents.size() == 1);
  CHECK(news.status[0] == "updated");
  CHECK(news.keys[0] == "KEY");
  // A match reported before is not news again even when its file is read from the start (a
  // rotation that was not recognised).
  News again = SelectNews({Of({&first})}, reported, {}, INT64_MIN);
  CHECK(again.incidents.empty());
}

TEST_CASE("news: the replay starts before any chain that ends in the re-read span") {
  Rule rule;
  rule.id = "r";
  int64_t slowest = kT0 + 3600 * kSecond;
  int64_t span = 600 * kSecond;
  Match inside = MakeMatch(
      &rule, {Step("a", 1, slowest - 900 * kSecond), Step("a", 2, slowest - 300 * kSecond)});
  Match before = MakeMatch(&rule, {Step("a", 1, kT0), Step("a", 2, kT0 + kSecond)});
  CHECK(ReplayFrom(slowest, span, {before}) == slowest - span);
  CHECK(ReplayFrom(slowest, span, {before, inside}) == slowest - 900 * kSecond);
}

TEST_CASE("news: reported matches are kept while a replay can meet them, at most cap") {
  std::vector<ReportedIncident> all = {{"a", 10, "k"}, {"b", 20, "k"}, {"c", 30, "k"}};
  CHECK(KeepReported(all, 20).size() == 2);
  std::vector<ReportedIncident> capped = KeepReported(all, INT64_MIN, 2);
  REQUIRE(capped.size() == 2);
  CHECK(capped[0].fingerprint == "c");
  CHECK(capped[1].fingerprint == "b");
}

TEST_CASE("news: report names come from the incident key") {
  CHECK(ReportName("zk-txn-timeout-zkfc-exit|zk-leader|2019-09-17T05:04:12.043000Z|8a6d8564") ==
        "2019-09-17T05-04-12_zk-txn-timeout-zkfc-exit_zk-leader_8a6d8564");
  CHECK(ReportName("odd key/with slash") == "_incident__odd-key-with-slash");
}

}  // namespace
}  // namespace faultline
