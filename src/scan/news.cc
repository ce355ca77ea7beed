#include "src/scan/news.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace faultline {

bool IsUndecided(const Match& m, const std::map<std::string, int64_t>& decided_lines,
                 int64_t previous_watermark) {
  if (m.absence && m.absence_deadline > previous_watermark) return true;
  for (const Evidence& step : m.steps) {
    auto decided = decided_lines.find(step.source);
    if (decided == decided_lines.end() || step.line > decided->second) return true;
  }
  return false;
}

News SelectNews(const std::vector<Incident>& incidents,
                const std::vector<ReportedIncident>& reported,
                const std::map<std::string, int64_t>& decided_lines, int64_t previous_watermark) {
  std::unordered_map<std::string, std::string> incident_of;  // match fingerprint -> incident key
  for (const ReportedIncident& r : reported) incident_of[r.fingerprint] = r.incident;
  News news;
  for (size_t i = 0; i < incidents.size(); ++i) {
    const Incident& incident = incidents[i];
    std::string key;
    std::vector<std::pair<std::string, const Match*>> fresh;  // fingerprint, match
    for (const Match* m : incident.matches) {
      std::string fingerprint = Fingerprint(*m);
      auto known = incident_of.find(fingerprint);
      if (known != incident_of.end()) {
        if (key.empty()) key = known->second;
      } else if (IsUndecided(*m, decided_lines, previous_watermark)) {
        fresh.emplace_back(std::move(fingerprint), m);
      }
    }
    if (fresh.empty()) continue;
    news.status.push_back(key.empty() ? "new" : "updated");
    if (key.empty()) key = incident.fingerprint;
    for (auto& [fingerprint, m] : fresh) {
      news.remember.push_back({fingerprint, m->last, key});
      incident_of[fingerprint] = key;
    }
    news.incidents.push_back(i);
    news.keys.push_back(key);
  }
  return news;
}

int64_t ReplayFrom(int64_t slowest_last_instant, int64_t span, const std::vector<Match>& matches) {
  int64_t from = slowest_last_instant - span;
  int64_t earliest = from;
  for (const Match& m : matches) {
    if (m.last >= from && !m.steps.empty()) earliest = std::min(earliest, m.steps.front().instant);
  }
  return earliest;
}

std::vector<ReportedIncident> KeepReported(std::vector<ReportedIncident> reported, int64_t horizon,
                                           size_t cap) {
  std::erase_if(reported, [&](const ReportedIncident& r) { return r.last_instant < horizon; });
  if (reported.size() > cap) {
    std::stable_sort(reported.begin(), reported.end(),
                     [](const ReportedIncident& a, const ReportedIncident& b) {
                       return a.last_instant > b.last_instant;
                     });
    reported.resize(cap);
  }
  return reported;
}

std::string ReportName(const std::string& key) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t bar = key.find('|', start);
    parts.push_back(key.substr(start, bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (parts.size() != 4) parts = {"incident", "", "", key};
  std::string name = parts[2].substr(0, 19) + "_" + parts[0] + "_" + parts[1] + "_" + parts[3];
  for (char& c : name) {
    bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    if (!plain) c = '-';
  }
  return name;
}

}  // namespace faultline
