// Causal ranking: the match that explains the others leads its incident and lists them as
// consequences; otherwise severity × confidence decides.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "src/engine/incident.h"

namespace faultline {
namespace {

constexpr int64_t kSecond = 1'000'000;
constexpr int64_t kT0 = 1568696652LL * kSecond;

Rule Named(std::string id, Severity severity, std::vector<std::string> explains = {}) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = severity;
  rule.explains = std::move(explains);
  return rule;
}

Match At(const Rule& rule, int64_t instant, std::string host, double confidence = 1.0) {
  Match m;
  m.rule = &rule;
  Evidence e;
  e.name = "step1";
  e.instant = instant;
  e.host = std::move(host);
  e.source = e.host + ".log";
  m.steps.push_back(e);
  m.first = m.last = instant;
  m.confidence = confidence;
  return m;
}

TEST_CASE("ranking: a consequence of equal or higher rank still follows its cause") {
  Rule flapping = Named("kazoo-connection-flapping", Severity::kCritical);
  Rule timeout = Named("zk-txn-timeout", Severity::kWarning, {"kazoo-connection-flapping"});
  // The flapping is seen first and is more severe; the time-out explains it.
  std::vector<Match> matches = {At(flapping, kT0, "monitor"),
                                At(timeout, kT0 + 8 * kSecond, "zk3")};
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].primary->rule == &timeout);
  REQUIRE(incidents[0].consequences.size() == 1);
  CHECK(incidents[0].consequences[0]->rule == &flapping);
  CHECK(incidents[0].alternatives.empty());
}

TEST_CASE("ranking: explains names an effect as well as a rule id") {
  Rule exit_rule = Named("zkfc-exit-alone", Severity::kCritical);
  exit_rule.effect = "zkfc-exit";
  Rule cause = Named("cause", Severity::kWarning, {"zkfc-exit"});
  std::vector<Match> matches = {At(exit_rule, kT0, "nn1"), At(cause, kT0 - kSecond, "zk3")};
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].primary->rule == &cause);
}

TEST_CASE("ranking: without explains, severity times confidence decides") {
  Rule critical = Named("fencing", Severity::kCritical);
  Rule warning = Named("slow", Severity::kWarning);
  // A critical match with half its evidence (0.6 x 3 = 1.8) ranks below a full warning (2).
  std::vector<Match> matches = {At(critical, kT0, "nn1", 0.6), At(warning, kT0 + kSecond, "zk3")};
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].primary->rule == &warning);
  // With 0.75 (2.25 > 2) it leads.
  matches[0].confidence = 0.75;
  incidents = BuildIncidents(matches);
  CHECK(incidents[0].primary->rule == &critical);
  CHECK(RankScore(*incidents[0].primary) == doctest::Approx(2.25));
}

TEST_CASE("ranking: two rules that explain each other fall back to rank") {
  Rule a = Named("a", Severity::kWarning, {"b"});
  Rule b = Named("b", Severity::kCritical, {"a"});
  std::vector<Match> matches = {At(a, kT0, "h"), At(b, kT0 + kSecond, "h")};
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].primary->rule == &b);
}

}  // namespace
}  // namespace faultline
