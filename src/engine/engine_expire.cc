// The engine's clock: when each rule's partial chains fall due (a heap of rule deadlines), and
// what becomes of a chain whose window closed: a match, an absence, a half match or a near
// miss kept for later. See src/engine/engine.h.
#include <algorithm>
#include <functional>

#include "src/engine/engine.h"

namespace faultline {
namespace {

constexpr size_t kMaxExpiredPerRule = 32;  // expired partials kept per rule for near misses

}  // namespace

void Engine::Schedule(RuleState& state, int64_t deadline) {
  next_deadline_ = std::min(next_deadline_, deadline);
  if (deadline >= state.next_deadline) return;
  state.next_deadline = deadline;
  due_.emplace_back(deadline, static_cast<int>(&state - states_.data()));
  std::push_heap(due_.begin(), due_.end(), std::greater<>());
}

int64_t Engine::Deadline(const RuleState& state, const Partial& p) const {
  if (p.next == 0)
    return p.counted.empty() ? INT64_MIN : p.counted.front().instant + state.within[0];
  return p.last + state.reach[p.next];
}

void Engine::NoteDeadlineMoved(RuleState& state, const Partial& p) const {
  if (!state.by_deadline) return;
  const size_t n = state.partials.size();
  if (p.next >= static_cast<int>(state.rule->steps.size())) return;  // complete: it goes now
  if (&p != &state.partials.back()) {
    state.by_deadline = false;
  } else if (n >= 2 && Deadline(state, p) < Deadline(state, state.partials[n - 2])) {
    state.by_deadline = false;
  }
}

void Engine::Expire(int64_t now, bool at_end) {
  next_deadline_ = INT64_MAX;
  FinalizeDue(now, false);
  if (at_end) {
    due_.clear();
    for (RuleState& state : states_) ExpireRule(state, now, true);
  } else {
    // Only the rules with a partial due: in a busy log most are not, and their partials are many.
    while (!due_.empty() && now > due_.front().first) {
      auto [deadline, index] = due_.front();
      std::pop_heap(due_.begin(), due_.end(), std::greater<>());
      due_.pop_back();
      RuleState& state = states_[index];
      if (state.next_deadline != deadline) continue;  // stale: the rule was looked at since
      ExpireRule(state, now, false);
    }
  }
  if (!due_.empty()) next_deadline_ = std::min(next_deadline_, due_.front().first);
}

void Engine::ExpireRule(RuleState& state, int64_t now, bool at_end) {
  state.next_deadline = INT64_MAX;
  int64_t earliest = INT64_MAX;  // of the partials left: scheduled once, after the walk
  const Rule& rule = *state.rule;
  const int last = static_cast<int>(rule.steps.size()) - 1;
  // The partials left move up over the ones that go, in one pass (erasing each from the middle
  // of the deque moved all behind it, for every one that went). The oldest usually go first:
  // those before the first one kept are dropped from the front at the end, none moved for them.
  // Walked with iterators: indexing a deque costs a division per element.
  size_t leading_gone = 0;
  bool any_kept = false;
  // In deadline order the walk stops at the first partial not due: the rest are not either.
  const bool stop_early = state.by_deadline && !at_end;
  // Whether the partials kept are in deadline order, found on the way.
  bool in_order = true;
  int64_t previous = INT64_MIN;
  auto kept = state.partials.begin();
  for (auto it = state.partials.begin(); it != state.partials.end(); ++it) {
    Partial& p = *it;
    const int64_t due = stop_early ? Deadline(state, p) : 0;
    if (stop_early && now <= due) {
      // Those left, from here on, move up over the ones that went before them.
      earliest = std::min(earliest, due);
      if (any_kept) in_order = false;  // a partial kept before was changed: its deadline moved
      kept =
          any_kept && kept != it ? std::move(it, state.partials.end(), kept) : state.partials.end();
      any_kept = true;
      break;
    }
    if (p.next == 0) {  // a `count` first step: drop occurrences that left the window
      while (!p.counted.empty() && now - p.counted.front().instant > state.within[0]) {
        p.counted.pop_front();
      }
      if (p.counted.empty()) {
        leading_gone += any_kept ? 0 : 1;
        continue;
      }
    }
    // A chain that can open but still waits for skippable steps before an absent last step:
    // once they are overdue (or the input ends) it waits for the absence window instead.
    if (p.next > 0 && p.next < last && rule.steps[last].absent &&
        (at_end || now > Deadline(state, p)) && CanOpen(rule, p)) {
      bool passable = true;
      for (int s = p.next; s < last; ++s) passable = passable && state.skippable[s];
      if (passable) {
        for (int s = p.next; s < last; ++s) p.skipped |= uint64_t{1} << s;
        p.next = last;
      }
    }
    int64_t deadline = Deadline(state, p);
    bool absent_next = p.next > 0 && rule.steps[p.next].absent;
    // At the end of the input a chain that can open does, its later steps not in the logs.
    bool opens_at_end = at_end && p.next > 0 && CanOpen(rule, p);
    if (now > deadline || (at_end && absent_next) || opens_at_end) {
      leading_gone += any_kept ? 0 : 1;
      Partial gone = std::move(p);
      if (absent_next) {
        Complete(state, std::move(gone), true, at_end && now <= deadline);
      } else if (gone.next > 0 && CanOpen(rule, gone)) {
        Complete(state, std::move(gone), false, now <= deadline);
      } else if (gone.next > 0 && !gone.hits.empty()) {
        NoteHalfMatch(state, gone);
        state.expired.push_back(std::move(gone));
        if (state.expired.size() > kMaxExpiredPerRule) state.expired.pop_front();
      }
      continue;
    }
    earliest = std::min(earliest, deadline);
    in_order = in_order && deadline >= previous;
    previous = deadline;
    if (!any_kept) {
      any_kept = true;
      kept = it;
    } else if (kept != it) {
      *kept = std::move(p);
    }
    ++kept;
  }
  if (!any_kept) {
    state.partials.clear();
  } else {
    state.partials.erase(kept, state.partials.end());
    state.partials.erase(state.partials.begin(),
                         state.partials.begin() + static_cast<std::ptrdiff_t>(leading_gone));
  }
  state.by_deadline = in_order;
  if (earliest != INT64_MAX) Schedule(state, earliest);
}

}  // namespace faultline
