#include "src/cli/rule_fixtures.h"

#include <toml++/toml.h>

#include <vector>

#include "src/base/duration.h"
#include "src/base/reporter.h"
#include "src/engine/analysis.h"
#include "src/engine/explain.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> StringList(const toml::table& table, std::string_view key) {
  std::vector<std::string> out;
  if (const toml::array* list = table[key].as_array()) {
    for (const toml::node& item : *list) out.push_back(item.value_or(std::string()));
  }
  return out;
}

// "" if `m` is what expect.toml describes, else why not. `partial`: `missing` must be given and
// equal; in fires/ it is checked only when given.
std::string Differs(const Match& m, const toml::table& expect, bool partial) {
  std::vector<std::string> want_steps = StringList(expect, "steps");
  std::vector<std::string> got;
  for (const Evidence& e : m.steps) got.push_back(e.name);
  if (!want_steps.empty() && got != want_steps) return "matched steps differ from expect.toml";
  if (expect.contains("missing") || partial) {
    std::vector<std::string> want_missing = StringList(expect, "missing");
    if (want_missing != m.missing) {
      std::string list;
      for (const std::string& name : m.missing) list += (list.empty() ? "" : ", ") + name;
      return "missing steps are [" + list + "], not as expect.toml says";
    }
  }
  std::string root = expect["root_cause"].value_or(m.steps.front().name);
  if (root != m.steps.front().name) {
    return "root cause is '" + m.steps.front().name + "', expected '" + root + "'";
  }
  if (const toml::table* deltas = expect["deltas"].as_table()) {
    for (auto&& [key, value] : *deltas) {
      std::string k(key.str());
      size_t gt = k.find('>');
      const Evidence* a = FindEvidence(m, k.substr(0, gt));
      const Evidence* b = gt == std::string::npos ? nullptr : FindEvidence(m, k.substr(gt + 1));
      int64_t want = 0;
      std::string err;
      if (!ParseSignedDuration(value.value_or(std::string()), &want, &err)) {
        return "expect.toml: " + err;
      }
      if (a == nullptr || b == nullptr || b->instant - a->instant != want) {
        return "Δt " + k + " is " +
               (a && b ? FormatDuration(b->instant - a->instant) : std::string("missing")) +
               ", expected " + FormatDuration(want);
      }
    }
  }
  if (const toml::table* captures = expect["captures"].as_table()) {
    for (auto&& [key, value] : *captures) {
      bool found = false;
      for (const Evidence& e : m.steps) {
        auto it = e.captures.find(std::string(key.str()));
        found |= it != e.captures.end() && it->second == value.value_or(std::string());
      }
      if (!found) return "capture " + std::string(key.str()) + " differs";
    }
  }
  return "";
}

bool Run(const Rule& rule, const fs::path& dir, Analysis* out) {
  std::vector<const Rule*> only = {&rule};
  Reporter reporter;
  reporter.set_quiet(true);
  AnalysisRequest request;
  request.paths = {dir.string()};
  return Analyze(request, only, &reporter, out);
}

// A fixture that must fire: some match is as its expect.toml says.
std::string CheckFires(const Rule& rule, const fs::path& dir, bool partial) {
  std::string label = dir.filename().string() + "/";
  Analysis fired;
  if (!Run(rule, dir, &fired)) return "cannot analyse " + dir.string();
  const std::vector<Match>& matches = fired.engine->matches();
  if (matches.empty()) return label + ": the rule did not fire";
  toml::table expect;
  try {
    expect = toml::parse_file((dir / "expect.toml").string());
  } catch (const toml::parse_error& e) {
    return (dir / "expect.toml").string() + ": " + std::string(e.description());
  }
  std::string why;
  for (const Match& m : matches) {
    why = Differs(m, expect, partial);
    if (why.empty()) return "";
  }
  return label + ": " + why;
}

}  // namespace

std::string TestRuleFixtures(const Rule& rule, const fs::path& dir) {
  fs::path fires = dir / rule.id / "fires", quiet = dir / rule.id / "quiet",
           partial = dir / rule.id / "partial";
  if (!fs::is_directory(fires)) return "no fixture " + fires.string();
  if (!fs::is_directory(quiet)) return "no near-miss fixture " + quiet.string();
  if (rule.HasRoles() && !fs::is_directory(partial)) {
    return "no partial-evidence fixture " + partial.string() + " (the rule has roles)";
  }
  if (std::string why = CheckFires(rule, fires, false); !why.empty()) return why;
  if (fs::is_directory(partial)) {
    if (std::string why = CheckFires(rule, partial, true); !why.empty()) return why;
  }
  Analysis calm;
  if (!Run(rule, quiet, &calm)) return "cannot analyse " + quiet.string();
  if (!calm.engine->matches().empty()) {
    const Match& q = calm.engine->matches().front();
    return "quiet/: the rule fired (" + q.steps.front().source + ":" +
           std::to_string(q.steps.front().line) + ")";
  }
  return "";
}

}  // namespace faultline
