// The rule engine: one pass over the merged stream. Every rule's message patterns are tested
// together in one pass (PatternSet: Hyperscan, or RE2::Set); captures are extracted only for hits.
// Partial matches are kept per rule and step with their correlation keys, and expire by the
// log-time watermark (the instant of the record being read), so memory stays bounded however long
// the input. Absence windows still open when the input ends are resolved then, not dropped.
//
// Contract:
// - Feed() takes records in merged order: by instant, as the Merger gives them (a record may come
//   later than one stamped after it by up to the reorder window; windows are measured on log
//   time, and a later step stamped before its predecessor never follows it). Records without an
//   instant are ignored. One thread per engine; engines share nothing (see Absorb).
// - The results (matches(), near_misses(), half_matches(), matches_dropped()) are complete only
//   after Finish(): a match waits until the `after` windows of its context have passed, and an
//   absence until its window has. Before Finish() they hold what is already settled.
// - Memory is bounded by the per-rule limits below, not by the input: partial matches (1,024 per
//   rule), recent and same-instant records per step, context records (256 per context entry).
// - Inside, a record that matched a pattern is a Candidate (src/engine/candidate.h): a small
//   value that holds the record's text by a counted reference. It becomes Evidence (text and
//   captures copied out) only when it joins a match or a near miss; Evidence is all that leaves.
#pragma once

#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "src/base/record.h"
#include "src/base/ring.h"
#include "src/engine/candidate.h"
#include "src/engine/capture_memo.h"
#include "src/engine/config_values.h"
#include "src/engine/match.h"
#include "src/engine/pattern_set.h"
#include "src/engine/regex_memo.h"
#include "src/engine/rule.h"
#include "src/store/source_info.h"

namespace faultline {

class Engine {
 public:
  /// `rules` and `config` must outlive the engine. ok() is false (see error()) if a window
  /// cannot be evaluated with this configuration. An engine built with `scans` false is fed
  /// only by FeedScanned and PassRecord: its patterns are never compiled.
  Engine(const std::vector<const Rule*>& rules, const ConfigValues& config, bool scans = true);
  bool ok() const { return err_.empty(); }
  const std::string& error() const { return err_; }

  /// One record of the merged stream (see the contract above). `source` must outlive Finish():
  /// evidence keeps a pointer to its name until it is reported.
  void Feed(const Record& record, const SourceInfo& source);
  /// Feed split in two, for one reader scanning for several engines (src/engine/parallel_feed.h):
  /// ScanPatterns finds which of this engine's patterns a record's message holds (the indices
  /// PatternOwners names), and FeedScanned feeds the record with those hits, found by this
  /// engine or by one with more rules (translated to this engine's indices, ascending).
  void ScanPatterns(const Record& record, std::vector<int>* hits);
  void FeedScanned(const Record& record, const SourceInfo& source, const std::vector<int>& hits);
  /// What each pattern index of ScanPatterns belongs to: a rule and its step (or steps.size() +
  /// context entry).
  struct PatternOwner {
    const Rule* rule;
    int index;
  };
  std::vector<PatternOwner> PatternOwners() const;
  /// True if some step or context has no message pattern: it looks at records without hits too.
  bool ReadsEveryRecord() const { return !unconditional_.empty(); }
  /// A record at `instant` with no hits, for an engine that does not read every record: the
  /// same as feeding it (its time moves the windows on), without the record.
  void PassRecord(int64_t instant);
  /// Log time reached `instant` with no record these rules need: a reader that feeds only such
  /// records (analyze --engine) says where the whole stream ended before Finish(), as the
  /// records it left out would have.
  void ReachTime(int64_t instant);
  /// Resolves what is still open at the end of the input. With `close_open_windows` false (cron
  /// mode), an absence window that has not passed yet is left unresolved: the next run re-reads
  /// its start and closes it then.
  void Finish(bool close_open_windows = true);
  /// Takes the results of an engine that read the same records with other rules (one core
  /// each; see Analyze): the results are then those one engine with all the rules would give.
  void Absorb(Engine&& other);
  /// The longest span a rule looks back from its last step (windows plus context), for cron
  /// mode's re-reading.
  int64_t LongestSpan() const;

  const std::vector<Match>& matches() const { return matches_; }
  const std::vector<NearMiss>& near_misses() const { return near_misses_; }
  /// Chains whose first steps came and whose rest never did (NearMiss::half), for --explain.
  const std::vector<NearMiss>& half_matches() const { return half_matches_; }
  int64_t records_seen() const { return records_seen_; }
  /// Kept: 10,000 matches (1,000 per rule), 50 near misses, 50 half matches. Each list is in
  /// time order, then by rule id, so that it does not matter which engine found what.
  static constexpr size_t kMaxMatches = 10000;
  static constexpr size_t kMaxNearMisses = 50;
  static constexpr size_t kMaxHalfMatches = 50;
  /// Matches beyond the 10,000 kept (1,000 per rule), counted only.
  int64_t matches_dropped() const { return matches_dropped_; }
  int64_t last_instant() const { return watermark_; }

 private:
  /// Occurrences of a `count` step in its window, oldest first: a vector whose front moves.
  /// (std::deque allocates even when empty, and every partial has one of these.)
  class CountWindow {
   public:
    bool empty() const { return head_ == items_.size(); }
    size_t size() const { return items_.size() - head_; }
    const Candidate& front() const { return items_[head_]; }
    const Candidate& back() const { return items_.back(); }
    void push_back(Candidate c) { items_.push_back(std::move(c)); }
    void pop_front();
    void clear() {
      items_.clear();
      head_ = 0;
    }

   private:
    std::vector<Candidate> items_;
    size_t head_ = 0;
  };
  struct Partial {
    int next = 0;          ///< the step it waits for
    uint64_t skipped = 0;  ///< bit i: step i was passed over (not in the logs given)
    std::vector<Candidate> hits;
    int64_t last = 0;     ///< instant of the last hit
    CountWindow counted;  ///< occurrences of a `count` step in its window
  };
  /// A `same` or `not_same` key, its kind resolved when the engine is built (a string compare
  /// per key per candidate was the engine's costliest comparison).
  struct Key {
    enum Kind { kHost, kMyid, kSession, kCapture } kind;
    const std::string* name;  ///< the capture's name, for kCapture
  };
  struct RuleState {
    const Rule* rule;
    /// Per step: its `same` and `not_same` keys (not_same lists only host and myid).
    std::vector<std::vector<Key>> same, not_same;
    std::vector<int64_t> within;    ///< per step, microseconds (0 for the first)
    std::vector<int64_t> at_least;  ///< per step, microseconds (0: no lower bound)
    /// Per step: may a partial pass over it (not required, not absent)?
    std::vector<bool> skippable;
    /// Per step k: may a match start at k, every step before it passed over?
    std::vector<bool> can_start;
    /// Per step j: how long after its last hit a partial waiting for j may still advance, by
    /// j itself or by a later step reached over skippable ones.
    std::vector<int64_t> reach;
    std::vector<int64_t> before, after;  ///< per context entry
    /// Oldest first; at kMaxPartialsPerRule the oldest goes (a storm of first steps does that
    /// on every record, so dropping the front must not move the rest).
    std::deque<Partial> partials;
    /// The partials are in the order of their deadlines (each no earlier than the one before),
    /// so that ExpireRule can stop at the first one not due. Chains that wait for one step with
    /// one window, started in time order, stay so: a rule that starts a chain per session expiry
    /// held ~35 of them at each of its deadlines, and walking them all cost 5% of a run.
    bool by_deadline = true;
    std::deque<Partial> expired;  ///< recent, for near misses
    std::vector<Ring<Candidate>> context_hits;
    /// Per step with `at_least`: its recent records, so that one logged just *before* the step
    /// ahead of it (or in the same millisecond, in any order) also counts as too soon.
    std::vector<Ring<Candidate>> recent;
    /// Per later step: records that found no partial, of the latest instant only. Logs of two
    /// servers written in the same millisecond merge in either order; a partial that reaches
    /// that step in the same instant takes them as if they had come after.
    std::vector<Ring<Candidate>> same_instant;
    int half_noted = 0;     ///< half-matched chains listed as near misses
    size_t near_noted = 0;  ///< near misses of this rule kept
    /// No partial of this rule is due before this (it may be earlier than needed, never later).
    int64_t next_deadline = INT64_MAX;
    int64_t kept = 0;  ///< matches of this rule kept (bounded per rule)
  };
  struct Target {  // what a pattern of the RE2::Set belongs to
    int rule;
    int index;             ///< step index, or steps.size() + context index
    bool assumed = false;  ///< per record: its fields were unknown, not checked (FieldsMatch)
    /// Its pattern captures `myid`, which sets the record's myid and is read as records come.
    /// Other captures are read when a key first compares them (ReadCaptures), or when the
    /// candidate is reported.
    bool reads_myid = false;
  };

  static std::vector<Key> ResolveKeys(const std::vector<std::string>& names);
  /// The record as a candidate of matcher `m`, its text in `text` (shared by its candidates).
  static Candidate MakeCandidate(const Matcher& m, const Record& record, const SourceInfo& source,
                                 const SharedText& text);
  /// The text `m`'s pattern runs on: the message, the continuation lines, or `text` (the message
  /// and all that follows it).
  static std::string_view PartText(const Matcher& m, const Record& record, std::string_view text);
  /// A `myid` capture of c's matcher, when it has one, names the server spoken for (a leader's
  /// line "... to learner 2." speaks for that learner).
  void ReadMyid(Candidate* c) const;
  /// Reads c's captures now, for a key that compares them: most records that match a step are
  /// never compared with another (no partial waits for them), so they are not read as they come.
  void ReadCaptures(const Candidate& c) const;
  /// `pattern`'s named captures in `part` into *captures (shared with earlier readers of the
  /// same text); false, and *captures null, if it does not match there.
  bool MatchCaptures(const RE2& pattern, std::string_view part,
                     std::shared_ptr<const Captures>* captures) const;
  /// The candidate as evidence: its text fields and captures copied out of the record's text.
  Evidence Resolve(const Candidate& c) const;
  /// `assumed`: set when a component or logger the matcher names is unknown in the record.
  bool FieldsMatch(const Matcher& m, const Record& record, const SourceInfo& source,
                   bool* assumed) const;
  /// For a matcher with `part` other than record: its pattern on that part of the record.
  bool PartMatches(const Matcher& m, const Record& record) const;
  /// `previous_missing`: the step just before `step` is not in the logs given (passed over), so
  /// host, myid, session and not_same have nothing to compare with.
  bool KeysMatch(const RuleState& state, int step, const Partial& p, const Candidate& e,
                 bool previous_missing = false) const;
  /// `matches_earlier`: the record also matches an earlier step of the rule, which then starts
  /// the chain (no partial is started here with the steps before missing).
  void OnStep(RuleState& state, int k, Candidate e, bool matches_earlier);
  void Advance(RuleState& state, Partial& p, Candidate e);
  /// True if the step `p` now waits for has `at_least` and a record of it came within that time
  /// of p's last step, before or after (the partial is then dropped).
  bool CameTooSoon(const RuleState& state, const Partial& p) const;
  static bool IsStepRecord(const Partial& p, const Candidate& e);
  /// Advances `p` with records of its next step that came in the same instant as its last step.
  void CatchUp(RuleState& state, Partial& p);
  void Complete(RuleState& state, Partial p, bool absence, bool open_at_end);
  /// True if `p`, stopped where it is, holds enough to open an incident: every required step,
  /// and a decisive one if the rule has any.
  static bool CanOpen(const Rule& rule, const Partial& p);
  /// The partial waiting for an earlier step that `e` (a record of step k) may extend by
  /// passing over skippable steps; -1 if none.
  int FindSkipping(const RuleState& state, int k, const Candidate& e) const;
  /// True if partial `i` may take `e` as step k by passing over skippable steps.
  bool CanSkipTo(const RuleState& state, int k, const Candidate& e, int i) const;
  /// After `p` advanced: completes it, drops it, or schedules its deadline.
  void AfterAdvance(RuleState& state, size_t index);
  /// Fills `state`'s skippable, can_start and reach from its rule's roles and windows.
  static void PlanRoles(RuleState& state);
  /// A chain that began and could not open: kept as a near miss for --explain.
  void NoteHalfMatch(RuleState& state, const Partial& p);
  /// Gathers context, resolves the match's steps and context into evidence, keeps the match.
  void Finalize(const RuleState& state, Match match, const std::vector<Candidate>& steps);
  void FinalizeDue(int64_t now, bool all);
  /// Puts the results in their canonical order and applies the overall bounds.
  void Canonicalize();
  void Expire(int64_t now, bool at_end);
  /// Expire for one rule: resolves its partials that are due (all that can, `at_end`).
  void ExpireRule(RuleState& state, int64_t now, bool at_end);
  int64_t Deadline(const RuleState& state, const Partial& p) const;
  /// After `p`'s deadline moved (it advanced): clears `by_deadline` unless `p` is the last
  /// partial and still due no earlier than the one before it.
  void NoteDeadlineMoved(RuleState& state, const Partial& p) const;
  /// A partial of `state` is due at `deadline`: Expire must look at the rule then.
  void Schedule(RuleState& state, int64_t deadline);

  std::vector<RuleState> states_;
  PatternSet set_{PatternSet::BackendFromEnvironment()};
  std::vector<Target> targets_;        ///< by PatternSet index
  std::vector<Target> unconditional_;  ///< matchers without a message pattern
  std::vector<Match> matches_;
  /// Matches waiting for context that may still follow their last step (an `after` window).
  struct Waiting {
    const RuleState* state;
    Match match;                   ///< all but its steps and context, still candidates
    std::vector<Candidate> steps;  ///< the match's steps, resolved by Finalize
    int64_t until;
  };
  std::vector<Waiting> waiting_;
  std::vector<NearMiss> near_misses_;
  std::vector<NearMiss> half_matches_;
  int64_t watermark_ = kNoInstant;
  int64_t next_deadline_ = INT64_MAX;
  /// (deadline, rule index) for each rule with a partial due then, earliest on top: Expire
  /// visits only the rules that are due. An entry whose deadline is no longer its rule's is
  /// stale and skipped.
  std::vector<std::pair<int64_t, int>> due_;
  int64_t records_seen_ = 0;
  int64_t matches_dropped_ = 0;
  std::string err_;
  std::vector<int> hits_;                          // reused per record
  std::vector<Target> matched_;                    // reused per record
  std::vector<const Candidate*> context_scratch_;  // reused by Finalize
  mutable std::vector<re2::StringPiece> pieces_;   // reused by MatchCaptures
  std::string session_;                            // reused per record: the session id Feed found
  mutable RegexMemo field_memo_;                   // steps' logger and thread patterns
  mutable CaptureMemo capture_memo_;               // MatchCaptures' recent answers
  Partial count_probe_;  ///< OnStep's stand-in for a `count` group when comparing keys
};

}  // namespace faultline
