// The evidence roles of the engine (docs/rules.md, "Roles and confidence"): which steps a chain
// may pass over or start at, when a chain holds enough to open an incident, its confidence, and
// the half-matched chains kept for --explain.
#include <algorithm>

#include "src/engine/engine.h"

namespace faultline {
namespace {

constexpr int kMaxHalfMatchesPerRule = 2;

}  // namespace

void Engine::PlanRoles(RuleState& state) {
  const Rule& rule = *state.rule;
  const size_t n = rule.steps.size();
  auto skip_target = [&](size_t k) {  // a step a partial may reach by passing over others
    const Step& step = rule.steps[k];
    return !step.absent && step.count == 1 && state.at_least[k] == 0;
  };
  auto start_target = [&](size_t k) {  // a step a match may start at, those before it missing
    const Step& step = rule.steps[k];
    return !step.absent && state.at_least[k] == 0;
  };
  state.skippable.resize(n);
  state.can_start.resize(n);
  state.reach.resize(n);
  bool all_before_skippable = true;
  for (size_t k = 0; k < n; ++k) {
    state.skippable[k] = rule.steps[k].role != StepRole::kRequired && !rule.steps[k].absent;
    state.can_start[k] = k > 0 && all_before_skippable && start_target(k);
    all_before_skippable = all_before_skippable && state.skippable[k];
  }
  for (size_t j = 1; j < n; ++j) {
    int64_t sum = state.within[j];
    state.reach[j] = sum;
    for (size_t k = j + 1; k < n && state.skippable[k - 1]; ++k) {
      sum += state.within[k];
      if (skip_target(k)) state.reach[j] = std::max(state.reach[j], sum);
    }
  }
}

bool Engine::CanOpen(const Rule& rule, const Partial& p) {
  if (p.next == 0 || p.hits.empty()) return false;
  bool decisive_rule = false, decisive_hit = false;
  for (size_t i = 0; i < rule.steps.size(); ++i) {
    const Step& step = rule.steps[i];
    if (step.absent) continue;
    bool matched = static_cast<int>(i) < p.next && !(p.skipped & (uint64_t{1} << i));
    if (step.role == StepRole::kRequired && !matched) return false;
    if (step.role == StepRole::kDecisive) {
      decisive_rule = true;
      decisive_hit = decisive_hit || matched;
    }
  }
  return !decisive_rule || decisive_hit;
}

bool Engine::CanSkipTo(const RuleState& state, int k, const Candidate& e, int i) const {
  const Step& step = state.rule->steps[k];
  const Partial& p = state.partials[i];
  if (step.count > 1 || state.at_least[k] > 0) return false;
  if (p.next <= 0 || p.next >= k || e.instant < p.last) return false;
  int64_t window = state.within[k];
  for (int s = p.next; s < k; ++s) {
    if (!state.skippable[s]) return false;
    window += state.within[s];
  }
  return e.instant - p.last <= window && KeysMatch(state, k, p, e, /*previous_missing=*/true);
}

int Engine::FindSkipping(const RuleState& state, int k, const Candidate& e) const {
  for (size_t i = 0; i < state.partials.size(); ++i) {
    if (CanSkipTo(state, k, e, static_cast<int>(i))) return static_cast<int>(i);
  }
  return -1;
}

void Engine::NoteHalfMatch(RuleState& state, const Partial& p) {
  if (p.hits.empty()) return;  // a `count` step that never reached its count
  if (state.half_noted >= kMaxHalfMatchesPerRule) return;
  ++state.half_noted;
  NearMiss miss{state.rule, Resolve(p.hits.back()), {}, 0, 0, true, {}};
  for (size_t s = 0; s < state.rule->steps.size(); ++s) {
    bool matched = static_cast<int>(s) < p.next && !(p.skipped & (uint64_t{1} << s));
    if (!matched && !state.rule->steps[s].absent) {
      miss.missing.push_back(state.rule->steps[s].name);
    }
  }
  half_matches_.push_back(std::move(miss));
}

}  // namespace faultline
