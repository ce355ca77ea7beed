// Episodes across scan runs: each run's new and updated incidents join the open episode of
// their rule and root-cause host, or open one; an episode is news when it opens and when it
// escalates (a higher severity, or a host it did not have), and once more when it ends (no
// occurrence for the quiet period, in log time); repeats in between only update its report.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "src/engine/incident.h"
#include "src/scan/state_file.h"

namespace faultline {

struct EpisodeOutcome {
  /// Per incident given (same order): the episode it joined (index into the open episodes
  /// after the run, or into `resolved` when `in_resolved`), and whether it is worth printing
  /// (it opened or escalated its episode; `episode.state` says which).
  struct Joined {
    size_t episode = 0;
    bool in_resolved = false;
    bool print = false;
  };
  std::vector<Joined> joined;
  /// Episodes that ended in this run (no occurrence for the quiet period).
  std::vector<EpisodeState> resolved;
};

/// Applies `incidents` (this run's news, keyed by `keys`) to `open` (the state's open
/// episodes, updated in place), sets each incident's `episode`, and closes episodes whose last
/// occurrence lies a quiet period or more before `now` (per root-cause host, else `now_default`).
EpisodeOutcome TrackEpisodes(std::vector<Incident>* incidents, const std::vector<std::string>& keys,
                             int64_t quiet_period,
                             const std::map<std::string, int64_t>& now_by_host, int64_t now_default,
                             std::vector<EpisodeState>* open);

/// The header of an episode's report files: Markdown lines, and a JSON object.
std::string EpisodeMarkdownHeader(const EpisodeState& e, const std::string& state,
                                  int64_t quiet_period);
std::string EpisodeJsonHeader(const EpisodeState& e, const std::string& state);

}  // namespace faultline
