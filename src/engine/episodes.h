// Episodes: repeats of one rule with the same root-cause host, each starting less than a quiet
// period after the one before ended, are one ongoing problem. A report names the episode once,
// with its first and last time, how many occurrences, each one's start, and the chain of its
// worst occurrence (highest severity, then best RankScore, then the earliest).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "src/engine/incident.h"

namespace faultline {

inline constexpr int64_t kDefaultQuietPeriod = 3'600'000'000LL;  // 1 h

struct Episode {
  std::string key;              ///< EpisodeKey of its incidents
  std::vector<size_t> members;  ///< indices into the incidents, in time order
  size_t worst = 0;             ///< index into the incidents
  int64_t first = 0, last = 0;
};

/// "rule|host": the primary's rule and the host of its root cause ("-" when none).
std::string EpisodeKey(const Incident& incident);

/// True when `a` is a worse occurrence than `b`: higher severity, then a higher RankScore of
/// its primary, then earlier.
bool WorseOccurrence(const Incident& a, const Incident& b);

/// Groups `incidents` into episodes (a gap of `quiet_period` or more between one occurrence's
/// end and the next one's start ends an episode). Episodes come in the order of their worst
/// occurrence among `incidents`.
std::vector<Episode> GroupEpisodes(const std::vector<Incident>& incidents, int64_t quiet_period);

/// One incident per episode: its worst occurrence, with `episode` filled in (count, span,
/// every occurrence's start).
std::vector<Incident> EpisodeSummaries(const std::vector<Incident>& incidents,
                                       int64_t quiet_period);

}  // namespace faultline
