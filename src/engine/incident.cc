#include "src/engine/incident.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "src/base/text_out.h"

namespace faultline {
namespace {

constexpr int64_t kGroupGap = 60'000'000;    // matches further apart are separate incidents
constexpr int64_t kBehindSlack = 1'000'000;  // how close a deeper cause's end is to the root

// True if `a` explains the incident better than `b` (a strict weak order; `explains` is applied
// afterwards, in PickPrimary).
bool Ranks(const Match* a, const Match* b) {
  double sa = RankScore(*a), sb = RankScore(*b);
  if (sa != sb) return sa > sb;
  if (a->rule->priority != b->rule->priority) return a->rule->priority > b->rule->priority;
  if (a->steps.size() != b->steps.size()) return a->steps.size() > b->steps.size();
  return a->first < b->first;
}

std::string Percent(double confidence) {
  return std::to_string(static_cast<int>(confidence * 100 + 0.5)) + "%";
}

std::string RankReason(const Match& primary, const Match& other) {
  if (primary.rule->Explains(*other.rule)) return "it is a consequence of " + primary.rule->id;
  if (other.confidence != primary.confidence && other.rule->severity == primary.rule->severity) {
    return "lower confidence (" + Percent(other.confidence) + " < " + Percent(primary.confidence) +
           "): fewer of its steps are in the logs given";
  }
  if (other.rule->severity != primary.rule->severity) {
    return "lower severity (" + std::string(SeverityName(other.rule->severity)) + " < " +
           std::string(SeverityName(primary.rule->severity)) + ")";
  }
  if (other.rule->priority != primary.rule->priority) {
    return "lower priority (" + std::to_string(other.rule->priority) + " < " +
           std::to_string(primary.rule->priority) +
           "): it explains the same effect with less specific evidence";
  }
  if (other.steps.size() != primary.steps.size()) {
    return "fewer corroborating steps (" + std::to_string(other.steps.size()) + " < " +
           std::to_string(primary.steps.size()) + ")";
  }
  return "same rank; the primary explanation started earlier";
}

// FNV-1a: a short, stable digest of the root-cause line.
uint32_t Fnv1a(std::string_view text) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
  return hash;
}

// Moves to the front the best-ranked match that no other match of the incident explains.
void PickPrimary(std::vector<const Match*>* ranked) {
  for (size_t i = 0; i < ranked->size(); ++i) {
    const Match* candidate = (*ranked)[i];
    bool explained = false;
    for (const Match* other : *ranked) {
      explained |= other != candidate && other->rule != candidate->rule &&
                   other->rule->Explains(*candidate->rule) &&
                   !candidate->rule->Explains(*other->rule);
    }
    if (!explained) {
      std::rotate(ranked->begin(), ranked->begin() + static_cast<std::ptrdiff_t>(i),
                  ranked->begin() + static_cast<std::ptrdiff_t>(i) + 1);
      return;
    }
  }
}

double SeverityWeight(Severity s) {
  return s == Severity::kCritical ? 3 : s == Severity::kWarning ? 2 : 1;
}

}  // namespace

double RankScore(const Match& m) { return SeverityWeight(m.rule->severity) * m.confidence; }

std::string Fingerprint(const Match& primary) {
  // Rule, host, instant and text of the root cause: not the file name or line number, which
  // change when a log is rotated, and not the other hosts, which grow as the incident grows.
  const Evidence& root = primary.steps.front();
  char digest[9];
  std::snprintf(digest, sizeof digest, "%08x", Fnv1a(root.header));
  std::string instant;
  AppendInstant(&instant, root.instant, 6, true);
  return primary.rule->id + "|" + (root.host.empty() ? "-" : root.host) + "|" + instant + "|" +
         digest;
}

std::vector<Incident> BuildIncidents(const std::vector<Match>& matches) {
  std::vector<const Match*> sorted;
  for (const Match& m : matches) sorted.push_back(&m);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Match* a, const Match* b) { return a->first < b->first; });
  std::vector<Incident> incidents;
  for (const Match* m : sorted) {
    int64_t end = std::max(m->last, m->absence ? m->absence_deadline : m->last);
    if (incidents.empty() || m->first > incidents.back().last + kGroupGap) {
      incidents.emplace_back();
      incidents.back().first = m->first;
    }
    Incident& incident = incidents.back();
    incident.matches.push_back(m);
    incident.last = std::max(incident.last, end);
  }
  for (Incident& incident : incidents) {
    std::stable_sort(incident.matches.begin(), incident.matches.end(), Ranks);
    PickPrimary(&incident.matches);
    incident.primary = incident.matches.front();
    incident.severity = incident.primary->rule->severity;
    std::set<std::string> hosts, ids;
    for (const Match* m : incident.matches) {
      for (const Evidence& e : m->steps) {
        if (!e.host.empty()) hosts.insert(e.host);
      }
      if (ids.insert(m->rule->id).second) incident.rule_ids.push_back(m->rule->id);
      if (m != incident.primary && incident.primary->rule->Explains(*m->rule)) {
        incident.consequences.push_back(m);
        continue;
      }
      if (m != incident.primary && !m->rule->effect.empty() &&
          m->rule->effect == incident.primary->rule->effect &&
          m->rule->id != incident.primary->rule->id) {
        incident.alternatives.push_back({m, RankReason(*incident.primary, *m)});
      }
    }
    const Evidence& root = incident.primary->steps.front();
    for (const Match* m : incident.matches) {
      const Evidence& end = m->steps.back();
      // It ends on the root cause's host at, or just before, the root cause.
      if (m != incident.primary && m->steps.size() > 1 && end.host == root.host &&
          end.instant <= root.instant && root.instant - end.instant <= kBehindSlack) {
        incident.deeper.push_back(m);  // already in rank order
      }
    }
    std::stable_sort(incident.consequences.begin(), incident.consequences.end(),
                     [](const Match* a, const Match* b) { return a->first < b->first; });
    incident.hosts.assign(hosts.begin(), hosts.end());
    incident.fingerprint = Fingerprint(*incident.primary);
  }
  std::stable_sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) {
    double sa = RankScore(*a.primary), sb = RankScore(*b.primary);
    if (sa != sb) return sa > sb;
    return a.first < b.first;
  });
  return incidents;
}

}  // namespace faultline
