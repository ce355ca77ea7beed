#include "src/engine/episodes.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace faultline {

std::string EpisodeKey(const Incident& incident) {
  const Evidence& root = incident.primary->steps.front();
  return incident.primary->rule->id + "|" + (root.host.empty() ? "-" : root.host);
}

bool WorseOccurrence(const Incident& a, const Incident& b) {
  if (a.severity != b.severity) return a.severity > b.severity;
  double ra = RankScore(*a.primary), rb = RankScore(*b.primary);
  if (ra != rb) return ra > rb;
  return a.first < b.first;
}

std::vector<Episode> GroupEpisodes(const std::vector<Incident>& incidents, int64_t quiet_period) {
  std::vector<size_t> order(incidents.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return incidents[a].first < incidents[b].first; });
  std::vector<Episode> episodes;
  std::map<std::string, size_t> open;  // key -> its latest episode
  for (size_t i : order) {
    const Incident& inc = incidents[i];
    std::string key = EpisodeKey(inc);
    auto it = open.find(key);
    if (it != open.end() && inc.first - episodes[it->second].last < quiet_period) {
      Episode& e = episodes[it->second];
      e.members.push_back(i);
      e.last = std::max(e.last, inc.last);
      if (WorseOccurrence(inc, incidents[e.worst])) e.worst = i;
      continue;
    }
    Episode e;
    e.key = key;
    e.members = {i};
    e.worst = i;
    e.first = inc.first;
    e.last = inc.last;
    open[key] = episodes.size();
    episodes.push_back(std::move(e));
  }
  // In the order the incidents were ranked: by where each episode's worst occurrence stands.
  std::stable_sort(episodes.begin(), episodes.end(),
                   [](const Episode& a, const Episode& b) { return a.worst < b.worst; });
  return episodes;
}

std::vector<Incident> EpisodeSummaries(const std::vector<Incident>& incidents,
                                       int64_t quiet_period) {
  std::vector<Incident> out;
  for (const Episode& e : GroupEpisodes(incidents, quiet_period)) {
    Incident worst = incidents[e.worst];
    worst.episode.count = static_cast<int>(e.members.size());
    worst.episode.first = e.first;
    worst.episode.last = e.last;
    for (size_t i : e.members) worst.episode.times.push_back(incidents[i].first);
    out.push_back(std::move(worst));
  }
  return out;
}

}  // namespace faultline
