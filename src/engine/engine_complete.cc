// Completing a match: its missing steps and confidence, the context gathered around its steps
// (waiting while an `after` window is still open), and the bound on matches kept.
#include <algorithm>

#include "src/engine/engine.h"

namespace faultline {
namespace {

// Matches kept per rule; beyond this they are counted, so memory stays bounded however many
// incidents a long input holds, and one rule that fires all day on a sick ensemble cannot crowd
// out the rare match that explains the outage (Engine::kMaxMatches bounds them all).
constexpr int64_t kMaxMatchesPerRule = 1000;
constexpr size_t kMaxContextInMatch = 12;
// A match some step of which was taken on its message alone (the record's layout did not show
// the component or logger the step names) is less certain than one whose fields agreed.
constexpr double kAssumedFactor = 0.8;
// A chain or threshold matched in a log without time: the order is known, the windows are not.
constexpr double kOrderOnlyFactor = 0.8;

// The candidate of the step a context entry belongs to, or null when that step is not in the
// match. A match holds only the steps seen, so when an earlier step was passed over the
// anchor's index in the rule is not its position there.
const Candidate* AnchorCandidate(const Rule& rule, const std::vector<Candidate>& steps,
                                 const ContextMatcher& context) {
  if (context.anchor < 0 || context.anchor >= static_cast<int>(rule.steps.size())) return nullptr;
  for (const Candidate& c : steps) {
    if (c.matcher == &rule.steps[context.anchor]) return &c;
  }
  return nullptr;
}

}  // namespace

void Engine::Complete(RuleState& state, Partial p, bool absence, bool open_at_end) {
  // Only the per-rule bound applies here; the overall one is applied in Canonicalize(), in an
  // order that does not depend on how the rules were shared among engines.
  if (state.kept >= kMaxMatchesPerRule) {
    ++matches_dropped_;
    return;
  }
  ++state.kept;
  Match match;
  match.rule = state.rule;
  uint64_t matched = 0;
  for (size_t i = 0; i < state.rule->steps.size(); ++i) {
    const Step& step = state.rule->steps[i];
    if (static_cast<int>(i) < p.next && !(p.skipped & (uint64_t{1} << i))) {
      matched |= uint64_t{1} << i;
    } else if (!step.absent) {
      match.missing.push_back(step.name);
    }
  }
  match.confidence = Confidence(*state.rule, matched);
  for (const Candidate& hit : p.hits) {
    if (hit.assumed) {
      match.confidence *= kAssumedFactor;
      break;
    }
  }
  // Without time, a chain or a threshold is matched on line order alone: its windows say nothing.
  bool windowed = state.rule->steps.size() > 1 || state.rule->steps.front().count > 1;
  if (windowed && !p.hits.empty() && p.hits.front().order_only)
    match.confidence *= kOrderOnlyFactor;
  match.absence = absence;
  match.window_open_at_end = open_at_end && absence;
  if (match.window_open_at_end) match.logs_end = watermark_;
  match.ended_waiting = open_at_end && !absence;
  match.first = p.hits.front().instant;
  match.last = p.hits.back().instant;
  if (absence) match.absence_deadline = match.last + state.within.back();
  // Context may follow the last step: wait until the latest `after` window has passed.
  int64_t until = INT64_MIN;
  for (size_t c = 0; c < state.rule->contexts.size(); ++c) {
    const Candidate* anchor = AnchorCandidate(*state.rule, p.hits, state.rule->contexts[c]);
    if (anchor != nullptr && state.after[c] > 0) {
      until = std::max(until, anchor->instant + state.after[c]);
    }
  }
  if (until > watermark_) {
    waiting_.push_back({&state, std::move(match), std::move(p.hits), until});
    next_deadline_ = std::min(next_deadline_, until);
    return;
  }
  Finalize(state, std::move(match), p.hits);
}

void Engine::Finalize(const RuleState& state, Match match, const std::vector<Candidate>& steps) {
  auto is_step_record = [&](const Candidate& e) {
    for (const Candidate& step : steps) {
      if (SameRecord(step, e)) return true;
    }
    return false;
  };
  // The context taken, found first so that the match's list is allocated once.
  std::vector<const Candidate*>& taken_context = context_scratch_;
  taken_context.clear();
  for (size_t c = 0; c < state.rule->contexts.size(); ++c) {
    const ContextMatcher& cm = state.rule->contexts[c];
    const Candidate* found = AnchorCandidate(*state.rule, steps, cm);
    if (found == nullptr) continue;
    const Candidate& anchor = *found;
    size_t taken = 0;
    for (const Candidate& hit : state.context_hits[c]) {
      if (hit.instant < anchor.instant - state.before[c] ||
          hit.instant > anchor.instant + state.after[c] || is_step_record(hit)) {
        continue;
      }
      if (cm.same_host && hit.host() != anchor.host()) continue;
      if (taken++ >= kMaxContextInMatch) continue;
      taken_context.push_back(&hit);
    }
  }
  // In time order; sorted before it is resolved, so that what moves is a pointer.
  std::stable_sort(taken_context.begin(), taken_context.end(),
                   [](const Candidate* a, const Candidate* b) { return a->instant < b->instant; });
  match.context.reserve(taken_context.size());
  for (const Candidate* hit : taken_context) {
    match.context.push_back(Resolve(*hit));
    match.first = std::min(match.first, hit->instant);
    match.last = std::max(match.last, hit->instant);
  }
  match.steps.reserve(steps.size());
  for (const Candidate& c : steps) match.steps.push_back(Resolve(c));
  matches_.push_back(std::move(match));
}

void Engine::FinalizeDue(int64_t now, bool all) {
  for (size_t i = 0; i < waiting_.size();) {
    if (all || now > waiting_[i].until) {
      Waiting w = std::move(waiting_[i]);
      waiting_.erase(waiting_.begin() + static_cast<std::ptrdiff_t>(i));
      Finalize(*w.state, std::move(w.match), w.steps);
    } else {
      next_deadline_ = std::min(next_deadline_, waiting_[i].until);
      ++i;
    }
  }
}

void Engine::Canonicalize() {
  auto by_time_then_rule = [](int64_t a_time, const Rule* a_rule, int64_t b_time,
                              const Rule* b_rule) {
    return a_time != b_time ? a_time < b_time : a_rule->id < b_rule->id;
  };
  std::stable_sort(matches_.begin(), matches_.end(), [&](const Match& a, const Match& b) {
    return by_time_then_rule(a.first, a.rule, b.first, b.rule);
  });
  if (matches_.size() > kMaxMatches) {
    matches_dropped_ += static_cast<int64_t>(matches_.size() - kMaxMatches);
    matches_.resize(kMaxMatches);
  }
  std::stable_sort(near_misses_.begin(), near_misses_.end(),
                   [&](const NearMiss& a, const NearMiss& b) {
                     return by_time_then_rule(a.to.instant, a.rule, b.to.instant, b.rule);
                   });
  if (near_misses_.size() > kMaxNearMisses) near_misses_.resize(kMaxNearMisses);
  std::stable_sort(half_matches_.begin(), half_matches_.end(),
                   [&](const NearMiss& a, const NearMiss& b) {
                     return by_time_then_rule(a.from.instant, a.rule, b.from.instant, b.rule);
                   });
  if (half_matches_.size() > kMaxHalfMatches) half_matches_.resize(kMaxHalfMatches);
}

void Engine::Absorb(Engine&& other) {
  for (Match& m : other.matches_) matches_.push_back(std::move(m));
  for (NearMiss& m : other.near_misses_) near_misses_.push_back(std::move(m));
  for (NearMiss& m : other.half_matches_) half_matches_.push_back(std::move(m));
  matches_dropped_ += other.matches_dropped_;
  other.matches_.clear();
  other.near_misses_.clear();
  other.half_matches_.clear();
  Canonicalize();
}

}  // namespace faultline
