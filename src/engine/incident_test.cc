#include "src/engine/incident.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace faultline {
namespace {

constexpr int64_t kSecond = 1'000'000;
constexpr int64_t kT0 = 1568696652LL * kSecond;

Rule MakeRule(std::string id, Severity severity, int priority, std::string effect = "") {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = severity;
  rule.priority = priority;
  rule.effect = std::move(effect);
  return rule;
}

struct At {
  int64_t instant;
  std::string host;
  int64_t line = 1;
};

Match MakeMatch(const Rule& rule, const std::vector<At>& steps) {
  Match m;
  m.rule = &rule;
  for (size_t i = 0; i < steps.size(); ++i) {
    Evidence e;
    e.name = "step" + std::to_string(i + 1);
    e.instant = steps[i].instant;
    e.host = steps[i].host;
    e.source = steps[i].host + ".log";
    e.line = steps[i].line;
    m.steps.push_back(std::move(e));
  }
  m.first = m.steps.front().instant;
  m.last = m.steps.back().instant;
  return m;
}

TEST_CASE("incident: matches close in time form one incident") {
  Rule a = MakeRule("a", Severity::kWarning, 0);
  Rule b = MakeRule("b", Severity::kWarning, 0);
  std::vector<Match> matches = {
      MakeMatch(a, {{kT0, "zk3"}, {kT0 + 2 * kSecond, "nn1"}}),
      // 58 s after the first match ended.
      MakeMatch(b, {{kT0 + 60 * kSecond, "nn2"}}),
  };
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  const Incident& incident = incidents[0];
  CHECK(incident.first == kT0);
  CHECK(incident.last == kT0 + 60 * kSecond);
  CHECK(incident.matches.size() == 2);
  CHECK(incident.hosts == std::vector<std::string>{"nn1", "nn2", "zk3"});
  CHECK(incident.rule_ids == std::vector<std::string>{"a", "b"});
  CHECK(incident.primary == &matches[0]);
  CHECK(incident.alternatives.empty());  // no shared effect
}

TEST_CASE("incident: matches far apart form two incidents") {
  Rule a = MakeRule("a", Severity::kWarning, 0);
  std::vector<Match> matches = {
      MakeMatch(a, {{kT0, "zk1"}, {kT0 + 2 * kSecond, "zk1"}}),
      MakeMatch(a, {{kT0 + 62 * kSecond + 1, "zk2"}}),  // 60 s and 1 us after the first ended
  };
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 2);
  CHECK(incidents[0].primary == &matches[0]);
  CHECK(incidents[0].first == kT0);
  CHECK(incidents[0].last == kT0 + 2 * kSecond);
  CHECK(incidents[1].primary == &matches[1]);
  CHECK(incidents[1].hosts == std::vector<std::string>{"zk2"});

  // Exactly 60 s after: still one.
  std::vector<Match> touching = {
      MakeMatch(a, {{kT0, "zk1"}, {kT0 + 2 * kSecond, "zk1"}}),
      MakeMatch(a, {{kT0 + 62 * kSecond, "zk2"}}),
  };
  CHECK(BuildIncidents(touching).size() == 1);
}

TEST_CASE("incident: overlapping and chained matches stay together") {
  Rule a = MakeRule("a", Severity::kWarning, 0);
  // Each starts within a minute of the incident's end so far: one incident of 150 s.
  std::vector<Match> matches = {
      MakeMatch(a, {{kT0 + 100 * kSecond, "c"}, {kT0 + 150 * kSecond, "c"}}),
      MakeMatch(a, {{kT0, "a"}, {kT0 + 40 * kSecond, "a"}}),
      MakeMatch(a, {{kT0 + 90 * kSecond, "b"}}),
  };
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].first == kT0);
  CHECK(incidents[0].last == kT0 + 150 * kSecond);
  CHECK(incidents[0].matches.size() == 3);
}

TEST_CASE("incident: an absence window extends the incident") {
  Rule a = MakeRule("a", Severity::kWarning, 0);
  std::vector<Match> matches = {MakeMatch(a, {{kT0, "zk1"}}),
                                MakeMatch(a, {{kT0 + 100 * kSecond, "zk1"}})};
  matches[0].absence = true;
  matches[0].absence_deadline = kT0 + 50 * kSecond;
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].last == kT0 + 100 * kSecond);

  matches[0].absence = false;  // without it the second match is 100 s away
  CHECK(BuildIncidents(matches).size() == 2);
}

TEST_CASE("incident: the primary is chosen by severity, then priority") {
  Rule warning_high = MakeRule("warning-high", Severity::kWarning, 90);
  Rule critical_low = MakeRule("critical-low", Severity::kCritical, 10);
  Rule critical_mid = MakeRule("critical-mid", Severity::kCritical, 50);
  Rule info = MakeRule("info", Severity::kInfo, 100);
  std::vector<Match> matches = {
      MakeMatch(warning_high, {{kT0, "zk1"}}),
      MakeMatch(critical_low, {{kT0 + 1 * kSecond, "zk2"}}),
      MakeMatch(info, {{kT0 + 2 * kSecond, "zk3"}}),
      MakeMatch(critical_mid, {{kT0 + 3 * kSecond, "nn1"}}),
  };
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  const Incident& incident = incidents[0];
  CHECK(incident.primary == &matches[3]);
  CHECK(incident.severity == Severity::kCritical);
  REQUIRE(incident.matches.size() == 4);
  CHECK(incident.matches[0] == &matches[3]);
  CHECK(incident.matches[1] == &matches[1]);
  CHECK(incident.matches[2] == &matches[0]);
  CHECK(incident.matches[3] == &matches[2]);
  CHECK(incident.rule_ids ==
        std::vector<std::string>{"critical-mid", "critical-low", "warning-high", "info"});
  CHECK(incident.fingerprint == Fingerprint(matches[3]));
  CHECK(incident.fingerprint.rfind("critical-mid|nn1|", 0) == 0);
  CHECK(incident.fingerprint.find("nn1.log") == std::string::npos);  // survives rotation
}

TEST_CASE("incident: with equal severity and priority, more steps and then earlier win") {
  Rule a = MakeRule("a", Severity::kWarning, 5);
  Rule b = MakeRule("b", Severity::kWarning, 5);
  std::vector<Match> matches = {
      MakeMatch(a, {{kT0, "zk1"}}),
      MakeMatch(b, {{kT0 + 1 * kSecond, "zk1"}, {kT0 + 2 * kSecond, "zk1"}}),
  };
  CHECK(BuildIncidents(matches)[0].primary == &matches[1]);
  std::vector<Match> same_steps = {
      MakeMatch(a, {{kT0 + 1 * kSecond, "zk1"}}),
      MakeMatch(b, {{kT0, "zk1"}}),
  };
  CHECK(BuildIncidents(same_steps)[0].primary == &same_steps[1]);
}

TEST_CASE("incident: an alternative with the same effect says why it ranks lower") {
  Rule primary = MakeRule("txn-timeout", Severity::kCritical, 50, "zkfc-exit");
  Rule lower = MakeRule("session-expired", Severity::kCritical, 10, "zkfc-exit");
  Rule fewer = MakeRule("generic-exit", Severity::kCritical, 50, "zkfc-exit");
  Rule later = MakeRule("late-exit", Severity::kCritical, 50, "zkfc-exit");
  Rule unrelated = MakeRule("fsync", Severity::kWarning, 99, "slow-disk");
  std::vector<Match> matches = {
      MakeMatch(primary, {{kT0, "zk3"}, {kT0 + 1 * kSecond, "nn1"}}),
      MakeMatch(lower, {{kT0 + 2 * kSecond, "nn1"}, {kT0 + 3 * kSecond, "nn1"}}),
      MakeMatch(fewer, {{kT0 + 1 * kSecond, "nn1"}}),
      MakeMatch(later, {{kT0 + 5 * kSecond, "nn1"}, {kT0 + 6 * kSecond, "nn1"}}),
      MakeMatch(unrelated, {{kT0 + 4 * kSecond, "zk3"}}),
      // A second match of the primary's own rule is no alternative.
      MakeMatch(primary, {{kT0 + 7 * kSecond, "zk2"}, {kT0 + 8 * kSecond, "nn2"}}),
  };
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  const Incident& incident = incidents[0];
  CHECK(incident.primary == &matches[0]);
  REQUIRE(incident.alternatives.size() == 3);
  // In rank order: same rank but later, fewer steps, lower priority.
  CHECK(incident.alternatives[0].match == &matches[3]);
  CHECK(incident.alternatives[0].reason == "same rank; the primary explanation started earlier");
  CHECK(incident.alternatives[1].match == &matches[2]);
  CHECK(incident.alternatives[1].reason == "fewer corroborating steps (1 < 2)");
  CHECK(incident.alternatives[2].match == &matches[1]);
  CHECK(incident.alternatives[2].reason ==
        "lower priority (10 < 50): it explains the same effect with less specific evidence");
  CHECK(incident.rule_ids == std::vector<std::string>{"txn-timeout", "late-exit", "generic-exit",
                                                      "session-expired", "fsync"});
}

TEST_CASE("incident: an alternative that loses on severity is not said to lose on priority") {
  Rule critical = MakeRule("critical", Severity::kCritical, 10, "zkfc-exit");
  Rule warning = MakeRule("warning", Severity::kWarning, 60, "zkfc-exit");
  std::vector<Match> matches = {
      MakeMatch(critical, {{kT0, "nn1"}}),
      MakeMatch(warning, {{kT0 + 1 * kSecond, "nn1"}}),
  };
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].primary == &matches[0]);
  REQUIRE(incidents[0].alternatives.size() == 1);
  const std::string& reason = incidents[0].alternatives[0].reason;
  CAPTURE(reason);
  // The alternative has the higher priority; what ranks it lower is its severity.
  CHECK(reason.find("lower priority") == std::string::npos);
  CHECK(reason.find("severity") != std::string::npos);
}

TEST_CASE("incident: the most severe incident comes first, then the earliest") {
  Rule info = MakeRule("info", Severity::kInfo, 0);
  Rule warning = MakeRule("warning", Severity::kWarning, 0);
  Rule critical = MakeRule("critical", Severity::kCritical, 0);
  constexpr int64_t kMinute = 60 * kSecond;
  std::vector<Match> matches = {
      MakeMatch(warning, {{kT0, "a"}}),
      MakeMatch(critical, {{kT0 + 10 * kMinute, "b"}}),
      MakeMatch(info, {{kT0 + 20 * kMinute, "c"}}),
      MakeMatch(critical, {{kT0 + 30 * kMinute, "d"}}),
      // Joins the first incident and makes it critical.
      MakeMatch(critical, {{kT0 + 30 * kSecond, "e"}}),
  };
  std::vector<Incident> incidents = BuildIncidents(matches);
  REQUIRE(incidents.size() == 4);
  CHECK(incidents[0].first == kT0);
  CHECK(incidents[0].severity == Severity::kCritical);
  CHECK(incidents[0].primary == &matches[4]);
  CHECK(incidents[1].first == kT0 + 10 * kMinute);
  CHECK(incidents[1].severity == Severity::kCritical);
  CHECK(incidents[2].first == kT0 + 30 * kMinute);
  CHECK(incidents[2].severity == Severity::kCritical);
  CHECK(incidents[3].first == kT0 + 20 * kMinute);
  CHECK(incidents[3].severity == Severity::kInfo);
  CHECK(BuildIncidents({}).empty());
}

}  // namespace
}  // namespace faultline
