// Incidents: matches close in time (overlapping, or within a minute of each other) form one
// incident. Its primary match is the one that explains the others (a rule's `explains`), else the
// one with the best severity × confidence, then highest priority, then best corroborated; matches
// of rules that explain the same effect are listed as ranked alternatives with the reason they
// rank lower, and those the primary explains as its consequences.
#pragma once

#include <string>
#include <vector>

#include "src/engine/engine.h"

namespace faultline {

struct Alternative {
  const Match* match;
  std::string reason;  ///< why it ranks below the primary explanation
};

struct Incident {
  Severity severity = Severity::kInfo;
  int64_t first = kNoInstant, last = kNoInstant;
  const Match* primary = nullptr;
  std::vector<const Match*> matches;  ///< all, primary first
  std::vector<Alternative> alternatives;
  /// Matches that end on the root cause's host at or just before it: they explain what lies behind
  /// it (a slow fsync behind a transaction timeout), best ranked first.
  std::vector<const Match*> deeper;
  /// Matches of rules the primary's rule declares it `explains` (by id or effect): what the root
  /// cause led to, in time order.
  std::vector<const Match*> consequences;
  std::vector<std::string> hosts;
  std::vector<std::string> rule_ids;  ///< rules that fired, primary first
  std::string fingerprint;            ///< see Fingerprint()
  /// Cron mode only: "new", or "updated" when matches joined an incident reported before.
  std::string status;
  /// Set when this incident stands for an episode of repeats (see episodes.h): how many
  /// occurrences, their span and each one's start. count 0: not grouped.
  struct EpisodeView {
    int count = 0;
    int64_t first = 0, last = 0;
    std::vector<int64_t> times;
    std::string state;  ///< scan: "opened", "escalated", "ongoing" or "resolved"; "" in analyze
  } episode;
};

/// "rule|host|2019-09-17T05:04:12.043000Z|1a2b3c4d": the rule, and the host, instant and a digest
/// of the line of the root cause. Stable across runs and log rotation (no file name or line
/// number).
std::string Fingerprint(const Match& primary);

/// The weight an incident or match ranks by: severity (info 1, warning 2, critical 3) times the
/// confidence of the match.
double RankScore(const Match& m);

/// Groups `matches` (which must outlive the result). Within an incident the primary is the match
/// no other one explains, then the best by RankScore, priority and corroboration; incidents come
/// best RankScore of their primary first, then in time order.
std::vector<Incident> BuildIncidents(const std::vector<Match>& matches);

}  // namespace faultline
