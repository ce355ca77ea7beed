#include "src/scan/episode_tracker.h"

#include <algorithm>
#include <numeric>

#include "src/base/duration.h"
#include "src/base/text_out.h"
#include "src/engine/episodes.h"
#include "src/engine/explain.h"
#include "src/scan/news.h"

namespace faultline {
namespace {

constexpr size_t kMaxTimes = 10'000;

std::string HostOf(const std::string& key) { return key.substr(key.rfind('|') + 1); }

void Describe(const EpisodeState& e, const std::string& state, Incident* inc) {
  inc->episode.count = static_cast<int>(e.count);
  inc->episode.first = e.first;
  inc->episode.last = e.last;
  inc->episode.times = e.times;
  inc->episode.state = state;
}

}  // namespace

EpisodeOutcome TrackEpisodes(std::vector<Incident>* incidents, const std::vector<std::string>& keys,
                             int64_t quiet_period,
                             const std::map<std::string, int64_t>& now_by_host, int64_t now_default,
                             std::vector<EpisodeState>* open) {
  EpisodeOutcome out;
  out.joined.resize(incidents->size());
  std::vector<size_t> order(incidents->size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return (*incidents)[a].first < (*incidents)[b].first;
  });
  std::vector<bool> done(incidents->size(), false);
  auto close = [&](size_t k) {
    out.resolved.push_back(std::move((*open)[k]));
    open->erase(open->begin() + static_cast<std::ptrdiff_t>(k));
    for (size_t i = 0; i < out.joined.size(); ++i) {  // indices after k move down
      EpisodeOutcome::Joined& j = out.joined[i];
      if (!done[i] || j.in_resolved) continue;
      if (j.episode > k) {
        --j.episode;
      } else if (j.episode == k) {
        j.in_resolved = true;
        j.episode = out.resolved.size() - 1;
      }
    }
  };
  for (size_t i : order) {
    Incident& inc = (*incidents)[i];
    std::string key = EpisodeKey(inc);
    auto it = std::find_if(open->begin(), open->end(),
                           [&](const EpisodeState& e) { return e.key == key; });
    if (it != open->end() && inc.first - it->last >= quiet_period) {
      close(static_cast<size_t>(it - open->begin()));
      it = open->end();
    }
    int severity = static_cast<int>(inc.severity);
    EpisodeOutcome::Joined& joined = out.joined[i];
    if (it == open->end()) {
      EpisodeState e;
      e.key = key;
      e.name = ReportName(keys[i]);
      e.first = inc.first;
      e.last = inc.last;
      e.count = 1;
      e.severity = severity;
      e.hosts = inc.hosts;
      e.times = {inc.first};
      open->push_back(std::move(e));
      joined.episode = open->size() - 1;
      joined.print = true;
      Describe(open->back(), "opened", &inc);
    } else {
      EpisodeState& e = *it;
      if (inc.status != "updated") {
        ++e.count;
        if (e.times.size() < kMaxTimes) e.times.push_back(inc.first);
      }
      e.first = std::min(e.first, inc.first);
      e.last = std::max(e.last, inc.last);
      bool escalated = severity > e.severity;
      for (const std::string& host : inc.hosts) {
        if (std::find(e.hosts.begin(), e.hosts.end(), host) == e.hosts.end()) {
          e.hosts.push_back(host);
          escalated = true;
        }
      }
      e.severity = std::max(e.severity, severity);
      joined.episode = static_cast<size_t>(it - open->begin());
      joined.print = escalated;
      Describe(e, escalated ? "escalated" : "ongoing", &inc);
    }
    done[i] = true;
  }
  // Episodes with no occurrence for the quiet period (log time, on their host) have ended.
  for (size_t k = 0; k < open->size();) {
    const EpisodeState& e = (*open)[k];
    auto now = now_by_host.find(HostOf(e.key));
    int64_t t = now != now_by_host.end() ? now->second : now_default;
    if (t != INT64_MIN && t - e.last >= quiet_period) {
      close(k);
    } else {
      ++k;
    }
  }
  return out;
}

std::string EpisodeMarkdownHeader(const EpisodeState& e, const std::string& state,
                                  int64_t quiet_period) {
  std::string out = "# Episode: " + e.key + "\n\n";
  out += "- **State:** " +
         (state == "resolved" ? "resolved: no occurrence for " + FormatDuration(quiet_period)
                              : std::string("open")) +
         "\n";
  out += "- **First:** " + InstantString(e.first) + " UTC\n";
  out += "- **Last:** " + InstantString(e.last) + " UTC\n";
  out += "- **Occurrences:** " + std::to_string(e.count) + "\n";
  out += "- **Hosts:** ";
  for (size_t i = 0; i < e.hosts.size(); ++i) out += (i ? ", " : "") + e.hosts[i];
  out += "\n- **Occurrence starts:** ";
  for (size_t i = 0; i < e.times.size(); ++i) out += (i ? ", " : "") + InstantString(e.times[i]);
  out += "\n\n";
  return out;
}

std::string EpisodeJsonHeader(const EpisodeState& e, const std::string& state) {
  std::string out = "{\"key\":";
  AppendJsonString(&out, e.key);
  out += ",\"state\":";
  AppendJsonString(&out, state == "resolved" ? "resolved" : "open");
  out += ",\"severity\":";
  static const char* kNames[] = {"info", "warning", "critical"};
  AppendJsonString(&out, kNames[std::clamp(e.severity, 0, 2)]);
  out += ",\"count\":" + std::to_string(e.count) + ",\"first\":\"";
  AppendInstant(&out, e.first, 3, true);
  out += "\",\"last\":\"";
  AppendInstant(&out, e.last, 3, true);
  out += "\",\"hosts\":[";
  for (size_t i = 0; i < e.hosts.size(); ++i) {
    if (i) out.push_back(',');
    AppendJsonString(&out, e.hosts[i]);
  }
  out += "],\"occurrences\":[";
  for (size_t i = 0; i < e.times.size(); ++i) {
    out += i ? ",\"" : "\"";
    AppendInstant(&out, e.times[i], 3, true);
    out.push_back('"');
  }
  out += "]}";
  return out;
}

}  // namespace faultline
