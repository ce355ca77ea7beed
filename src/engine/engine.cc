#include "src/engine/engine.h"

#include <algorithm>
#include <cstdlib>

namespace faultline {
namespace {

constexpr size_t kMaxPartialsPerRule = 1024;
constexpr size_t kMaxRecentPerStep = 256;      // records kept per `at_least` step
constexpr size_t kMaxSameInstantPerStep = 64;  // unclaimed records of one instant, per step
constexpr size_t kMaxContextHits = 256;
constexpr int64_t kMaxContextReplay = 5 * 60'000'000LL;  // context look-back cron mode re-reads

int64_t EvalWindow(const Expr* expr, const ConfigValues& config, std::string* err) {
  if (expr == nullptr) return 0;
  int64_t micros = 0;
  if (!EvalDuration(*expr, config, &micros, err)) return 0;
  return micros;
}

}  // namespace

std::vector<Engine::Key> Engine::ResolveKeys(const std::vector<std::string>& names) {
  std::vector<Key> keys;
  for (const std::string& name : names) {
    Key::Kind kind = name == "host"      ? Key::kHost
                     : name == "myid"    ? Key::kMyid
                     : name == "session" ? Key::kSession
                                         : Key::kCapture;
    keys.push_back({kind, &name});
  }
  return keys;
}

Engine::Engine(const std::vector<const Rule*>& rules, const ConfigValues& config, bool scans) {
  for (size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = *rules[r];
    RuleState state;
    state.rule = &rule;
    for (const Step& step : rule.steps) {
      state.within.push_back(EvalWindow(step.within.get(), config, &err_));
      state.at_least.push_back(EvalWindow(step.at_least.get(), config, &err_));
      // With this configuration the step could never match: say so rather than stay silent.
      if (state.at_least.back() > 0 && state.at_least.back() >= state.within.back() &&
          err_.empty()) {
        err_ = rule.id + ": step '" + step.name + "': at_least (" + step.at_least_text +
               ") is not shorter than within (" + step.within_text + ") with this configuration";
      }
    }
    for (const ContextMatcher& c : rule.contexts) {
      state.before.push_back(EvalWindow(c.before.get(), config, &err_));
      state.after.push_back(EvalWindow(c.after.get(), config, &err_));
    }
    for (const Step& step : rule.steps) {
      state.same.push_back(ResolveKeys(step.same));
      state.not_same.push_back(ResolveKeys(step.not_same));
    }
    PlanRoles(state);
    state.context_hits.resize(rule.contexts.size());
    state.recent.resize(rule.steps.size());
    state.same_instant.resize(rule.steps.size());
    // A `myid` capture sets the record's myid, which keys and reports read as records come;
    // other captures are read when first compared or reported.
    auto add = [&](const Matcher& m, int index) {
      bool is_context = index >= static_cast<int>(rule.steps.size());
      bool captures_myid =
          std::find(m.captures.begin(), m.captures.end(), "myid") != m.captures.end();
      Target target{static_cast<int>(r), index, false, !is_context && captures_myid};
      if (m.message == nullptr) {
        unconditional_.push_back(target);
        return;
      }
      std::string error;
      if (set_.Add(*m.message, &error) < 0) {
        err_ = rule.id + ": " + error;
        return;
      }
      targets_.push_back(target);
    };
    for (size_t i = 0; i < rule.steps.size(); ++i) add(rule.steps[i], static_cast<int>(i));
    for (size_t i = 0; i < rule.contexts.size(); ++i) {
      add(rule.contexts[i], static_cast<int>(rule.steps.size() + i));
    }
    states_.push_back(std::move(state));
  }
  if (scans && !set_.Compile()) err_ = "cannot compile the rules' patterns (out of memory)";
}

// What the record does not say cannot reject it: a layout without a logger, level or known
// component (a pasted excerpt, a foreign layout) is judged by its message alone. Only a known,
// different value rejects.
bool Engine::FieldsMatch(const Matcher& m, const Record& record, const SourceInfo& source,
                         bool* assumed) const {
  if (!m.any_component && record.component != Component::kOther &&
      record.component != m.component) {
    return false;
  }
  // Taken on its message alone: the step names a component or logger the record does not show.
  *assumed = (!m.any_component && m.component != Component::kOther &&
              record.component == Component::kOther) ||
             (m.logger != nullptr && record.logger.length == 0);
  if (m.min_level != Level::kUnknown && record.level != Level::kUnknown &&
      record.level < m.min_level) {
    return false;
  }
  if (!m.host.empty() && source.host != m.host) return false;
  if (m.logger != nullptr && record.logger.length > 0 &&
      !field_memo_.PartialMatch(record.View(record.logger), m.logger->get())) {
    return false;
  }
  if (m.thread != nullptr && record.thread.length > 0 &&
      !field_memo_.PartialMatch(record.View(record.thread), m.thread->get())) {
    return false;
  }
  return PartMatches(m, record);
}

bool Engine::PartMatches(const Matcher& m, const Record& record) const {
  if (m.part == MatchPart::kRecord || m.message == nullptr) return true;
  std::string_view text =
      m.part == MatchPart::kMessage ? record.View(record.message) : record.Continuation();
  return RE2::PartialMatch(text, m.message->get());
}

std::string_view Engine::PartText(const Matcher& m, const Record& record, std::string_view text) {
  if (m.part == MatchPart::kMessage) return record.View(record.message);
  if (m.part == MatchPart::kContinuation) return record.Continuation();
  return text;
}

bool Engine::KeysMatch(const RuleState& state, int step, const Partial& p, const Candidate& e,
                       bool previous_missing) const {
  if (p.hits.empty()) return true;
  const Candidate& previous = p.hits.back();
  for (const Key& key : state.same[step]) {
    // host, myid and session are compared with the step just before: when it is not in the logs
    // given there is nothing to compare with.
    if (previous_missing && key.kind != Key::kCapture) continue;
    switch (key.kind) {
      case Key::kHost:
        if (e.host() != previous.host()) return false;
        break;
      case Key::kMyid:
        if (e.myid < 0 || e.myid != previous.myid) return false;
        break;
      case Key::kSession: {
        std::string_view session = e.session();
        if (session.empty() || session != previous.session()) return false;
        break;
      }
      case Key::kCapture: {
        ReadCaptures(e);
        const std::string* mine = e.Capture(*key.name);
        bool found = false;
        for (const Candidate& hit : p.hits) {
          ReadCaptures(hit);
          const std::string* theirs = hit.Capture(*key.name);
          if (theirs == nullptr) continue;
          found = true;
          if (mine == nullptr || *mine != *theirs) return false;
        }
        // The steps that had the capture may be the ones not in the logs given.
        if (!found && p.skipped == 0) return false;
        break;
      }
    }
  }
  if (previous_missing) return true;
  for (const Key& key : state.not_same[step]) {
    if (key.kind == Key::kHost && e.host() == previous.host()) return false;
    if (key.kind == Key::kMyid && e.myid >= 0 && e.myid == previous.myid) return false;
  }
  return true;
}

void Engine::CountWindow::pop_front() {
  items_[head_++].Release();  // its text goes now, not when the window moves
  if (head_ == items_.size()) {
    clear();
  } else if (head_ >= 64 && head_ * 2 >= items_.size()) {
    items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
  }
}

void Engine::Advance(RuleState& state, Partial& p, Candidate e) {
  const Step& step = state.rule->steps[p.next];
  if (step.count > 1) {
    p.counted.push_back(std::move(e));
    while (p.counted.back().instant - p.counted.front().instant > state.within[p.next]) {
      p.counted.pop_front();
    }
    if (static_cast<int>(p.counted.size()) < step.count) return NoteDeadlineMoved(state, p);
    Candidate first = p.counted.front();
    first.occurrences = static_cast<int>(p.counted.size());
    p.last = p.counted.back().instant;
    p.counted.clear();
    p.hits.push_back(std::move(first));
  } else {
    p.last = e.instant;
    p.hits.push_back(std::move(e));
  }
  ++p.next;
  NoteDeadlineMoved(state, p);
}

bool Engine::CameTooSoon(const RuleState& state, const Partial& p) const {
  const std::vector<Step>& steps = state.rule->steps;
  if (p.next >= static_cast<int>(steps.size()) || state.at_least[p.next] == 0) return false;
  for (const Candidate& r : state.recent[p.next]) {
    if (std::abs(r.instant - p.last) < state.at_least[p.next] && KeysMatch(state, p.next, p, r))
      return true;
  }
  return false;
}

// One record is one piece of evidence: it cannot be two steps of the same chain.
bool Engine::IsStepRecord(const Partial& p, const Candidate& e) {
  for (const Candidate& hit : p.hits) {
    if (SameRecord(hit, e)) return true;
  }
  return false;
}

void Engine::CatchUp(RuleState& state, Partial& p) {
  const std::vector<Step>& steps = state.rule->steps;
  while (p.next > 0 && p.next < static_cast<int>(steps.size())) {
    const Step& step = steps[p.next];
    if (step.absent || step.count > 1 || state.at_least[p.next] > 0) return;
    Ring<Candidate>& waiting = state.same_instant[p.next];
    auto it = std::find_if(waiting.begin(), waiting.end(), [&](const Candidate& r) {
      return r.instant == p.last && KeysMatch(state, p.next, p, r) && !IsStepRecord(p, r);
    });
    if (it == waiting.end()) return;
    Candidate e = std::move(waiting[it.index()]);
    waiting.erase(it);
    Advance(state, p, std::move(e));
  }
}

void Engine::OnStep(RuleState& state, int k, Candidate e, bool matches_earlier) {
  const Rule& rule = *state.rule;
  const Step& step = rule.steps[k];
  const int last_step = static_cast<int>(rule.steps.size()) - 1;
  if (state.at_least[k] > 0) {
    Ring<Candidate>& recent = state.recent[k];
    while (!recent.empty() && (recent.front().instant < e.instant - state.at_least[k] ||
                               recent.size() >= kMaxRecentPerStep)) {
      recent.pop_front();
    }
    recent.push_back(e);
  }
  if (k == 0) {
    size_t index = state.partials.size();  // a `count` first step collects occurrences per key
    if (step.count > 1) {
      Partial& probe = count_probe_;  // reused: its one hit's room is kept between records
      for (size_t i = 0; i < state.partials.size(); ++i) {
        const Partial& p = state.partials[i];
        if (p.next != 0 || p.counted.empty()) continue;
        probe.hits.assign(1, p.counted.front());
        if (KeysMatch(state, 0, probe, e)) index = i;
      }
      probe.hits.clear();  // holds no record's text past this record
    }
    if (index == state.partials.size()) {
      if (state.partials.size() >= kMaxPartialsPerRule) state.partials.pop_front();
      state.partials.emplace_back();
      index = state.partials.size() - 1;
    }
    Partial* group = &state.partials[index];
    Advance(state, *group, std::move(e));
    CatchUp(state, *group);
    if (CameTooSoon(state, *group)) {
      state.partials.erase(state.partials.begin() + static_cast<std::ptrdiff_t>(index));
      return;
    }
    if (group->next == 0) {
      Schedule(state, Deadline(state, *group));
      return;
    }
    if (group->next > last_step) {
      Partial done = std::move(*group);
      state.partials.erase(state.partials.begin() + static_cast<std::ptrdiff_t>(index));
      Complete(state, std::move(done), false, false);
      return;
    }
    Schedule(state, Deadline(state, *group));
    return;
  }
  if (step.absent) {
    // What should not have come came: every chain waiting for it, or for skippable steps before
    // it, is void.
    for (int i = static_cast<int>(state.partials.size()) - 1; i >= 0; --i) {
      const Partial& p = state.partials[i];
      bool waiting = p.next == k && e.instant >= p.last && e.instant - p.last <= state.within[k] &&
                     KeysMatch(state, k, p, e);
      if (waiting || CanSkipTo(state, k, e, i)) {
        state.partials.erase(state.partials.begin() + i);
      }
    }
    return;
  }
  // Later steps: the earliest waiting partial within its window and with matching keys.
  int found = -1;
  for (size_t i = 0; i < state.partials.size(); ++i) {
    Partial& p = state.partials[i];
    // A record stamped before the previous step (late beyond the reorder window) cannot follow it.
    if (p.next != k || e.instant < p.last || e.instant - p.last > state.within[k] ||
        !KeysMatch(state, k, p, e)) {
      continue;
    }
    if (state.at_least[k] > 0 && e.instant - p.last < state.at_least[k]) {  // came too soon
      state.partials.erase(state.partials.begin() + i);
      return;
    }
    found = static_cast<int>(i);
    break;
  }
  if (found < 0) {  // a partial further back may reach this step over skippable ones
    found = FindSkipping(state, k, e);
    if (found >= 0) {
      Partial& p = state.partials[found];
      for (int s = p.next; s < k; ++s) p.skipped |= uint64_t{1} << s;
      p.next = k;
    }
  }
  if (found >= 0) {
    Advance(state, state.partials[found], std::move(e));
    CatchUp(state, state.partials[found]);
    AfterAdvance(state, static_cast<size_t>(found));
    return;
  }
  Ring<Candidate>& waiting = state.same_instant[k];
  if (!waiting.empty() &&
      (waiting.front().instant != e.instant || waiting.size() >= kMaxSameInstantPerStep)) {
    waiting.clear();
  }
  waiting.push_back(e);
  // Nothing waiting accepted it: a near miss if a partial for this step expired recently.
  for (auto it = state.expired.rbegin(); it != state.expired.rend(); ++it) {
    if (it->next != k || !KeysMatch(state, k, *it, e)) continue;
    if (state.near_noted++ < kMaxNearMisses) {  // the overall bound: Canonicalize()
      near_misses_.push_back({state.rule,
                              Resolve(it->hits.back()),
                              Resolve(e),
                              e.instant - it->last,
                              state.within[k],
                              false,
                              {}});
    }
    state.expired.erase(std::next(it).base());
    break;
  }
  // Partial evidence: the steps before this one are not in the logs given, and may be passed
  // over, so the chain starts here.
  if (state.can_start[k] && !matches_earlier) {  // else the earlier step starts the chain
    if (state.partials.size() >= kMaxPartialsPerRule) state.partials.pop_front();
    Partial& p = state.partials.emplace_back();
    p.skipped = (uint64_t{1} << k) - 1;
    p.next = k;
    p.last = e.instant;  // a `count` step's window opens at its first occurrence
    Advance(state, p, std::move(e));
    CatchUp(state, p);
    AfterAdvance(state, state.partials.size() - 1);
  }
}

void Engine::AfterAdvance(RuleState& state, size_t index) {
  const Rule& rule = *state.rule;
  const int last_step = static_cast<int>(rule.steps.size()) - 1;
  Partial& p = state.partials[index];
  if (p.next > last_step && !CanOpen(rule, p)) {  // only corroborating steps: not enough
    NoteHalfMatch(state, p);
    state.partials.erase(state.partials.begin() + static_cast<std::ptrdiff_t>(index));
  } else if (p.next > last_step) {
    Partial done = std::move(p);
    state.partials.erase(state.partials.begin() + static_cast<std::ptrdiff_t>(index));
    // Later partials waiting for the last step with the same keys are explained by this match.
    const Candidate& last = done.hits.back();
    std::erase_if(state.partials, [&](const Partial& other) {
      return other.next == last_step && KeysMatch(state, last_step, other, last);
    });
    Complete(state, std::move(done), false, false);
  } else if (CameTooSoon(state, p)) {
    state.partials.erase(state.partials.begin() + static_cast<std::ptrdiff_t>(index));
  } else {
    Schedule(state, Deadline(state, p));
  }
}

void Engine::Feed(const Record& record, const SourceInfo& source) {
  if (record.instant == kNoInstant) return;  // no place on the clock, no window to join
  ScanPatterns(record, &hits_);
  FeedScanned(record, source, hits_);
}

void Engine::ScanPatterns(const Record& record, std::vector<int>* hits) {
  set_.Match(std::string_view(record.text).substr(record.message.offset), hits);
}

void Engine::PassRecord(int64_t instant) {
  if (instant == kNoInstant) return;
  ++records_seen_;
  watermark_ = std::max(watermark_, instant);
  if (watermark_ > next_deadline_) Expire(watermark_, false);
}

std::vector<Engine::PatternOwner> Engine::PatternOwners() const {
  std::vector<PatternOwner> owners;
  for (const Target& t : targets_) owners.push_back({states_[t.rule].rule, t.index});
  return owners;
}

void Engine::FeedScanned(const Record& record, const SourceInfo& source,
                         const std::vector<int>& hits) {
  if (record.instant == kNoInstant) return;
  PassRecord(record.instant);
  std::string_view text = std::string_view(record.text).substr(record.message.offset);
  // Highest step first, so a record that ends one chain can also start the next.
  std::vector<Target>& matched = matched_;  // reused: no allocation per record
  matched.clear();
  for (int index : hits) matched.push_back(targets_[index]);
  for (const Target& t : unconditional_) matched.push_back(t);
  std::sort(matched.begin(), matched.end(), [](const Target& a, const Target& b) {
    return a.rule != b.rule ? a.rule < b.rule : a.index > b.index;
  });
  // Keep the targets whose fields match too, so that each knows whether the record also
  // matches an earlier step of its rule.
  size_t kept = 0;
  for (const Target& t : matched) {
    const Rule& rule = *states_[t.rule].rule;
    int steps = static_cast<int>(rule.steps.size());
    const Matcher& m = t.index < steps ? static_cast<const Matcher&>(rule.steps[t.index])
                                       : rule.contexts[t.index - steps];
    bool assumed = false;
    if (FieldsMatch(m, record, source, &assumed)) {
      matched[kept] = t;
      matched[kept++].assumed = assumed;
    }
  }
  matched.resize(kept);
  // The record's text and session id, shared by its candidates (see candidate.h).
  SharedText shared_text;
  if (!matched.empty()) {
    FindSessionId(text, &session_);
    shared_text = SharedText(record.text, session_, record.message.offset, record.message.length);
  }
  for (size_t i = 0; i < matched.size(); ++i) {
    const Target& t = matched[i];
    RuleState& state = states_[t.rule];
    const Rule& rule = *state.rule;
    int steps = static_cast<int>(rule.steps.size());
    const Matcher& m = t.index < steps ? static_cast<const Matcher&>(rule.steps[t.index])
                                       : rule.contexts[t.index - steps];
    // Sorted by rule, then step descending: the next target, if of this rule, is an earlier step.
    bool matches_earlier =
        i + 1 < matched.size() && matched[i + 1].rule == t.rule && matched[i + 1].index < t.index;
    Candidate e = MakeCandidate(m, record, source, shared_text);
    e.assumed = t.assumed;
    std::string_view part = PartText(m, record, text);
    e.part_begin = static_cast<uint32_t>(part.data() - record.text.data());
    e.part_length = static_cast<uint32_t>(part.size());
    if (t.reads_myid) ReadMyid(&e);
    bool is_context = t.index >= steps;
    if (is_context) {
      auto& hits = state.context_hits[t.index - steps];
      if (hits.size() >= kMaxContextHits) hits.pop_front();
      hits.push_back(std::move(e));
      if (hits.size() >= kMaxContextHits) {
        // A full ring's oldest entries are cold by the time they go (a storm cycles through
        // its 256 slots): the next to go has its text block fetched now, and the one after it
        // its slot, read for its block's address at the next push.
        hits.front().text.Prefetch();
        const char* after = reinterpret_cast<const char*>(&hits[1]);
        __builtin_prefetch(after, 1);
        __builtin_prefetch(after + sizeof(Candidate) - 1, 1);
      }
      continue;
    }
    OnStep(state, t.index, std::move(e), matches_earlier);
  }
}

void Engine::ReachTime(int64_t instant) {
  if (instant == kNoInstant || instant <= watermark_) return;
  watermark_ = instant;
  if (watermark_ > next_deadline_) Expire(watermark_, false);
}

int64_t Engine::LongestSpan() const {
  int64_t longest = 0;
  for (const RuleState& state : states_) {
    int64_t span = 0, before = 0;
    for (int64_t w : state.within) span += w;
    // Context is optional evidence and does not decide a match: re-reading a long look-back
    // (a day before a start-up failure) on every cron run would cost more than it shows.
    for (int64_t b : state.before) before = std::max(before, std::min(b, kMaxContextReplay));
    longest = std::max(longest, span + before);
  }
  return longest;
}

void Engine::Finish(bool close_open_windows) {
  if (watermark_ == kNoInstant) return;
  Expire(watermark_, close_open_windows);
  FinalizeDue(watermark_, true);
  Canonicalize();
}

}  // namespace faultline
