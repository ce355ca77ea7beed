// Which of many patterns occur in a text, decided in one pass over it. The engine asks this of
// every record for every rule's steps and contexts, so it is the hottest question it asks.
//
// With Hyperscan (built with FAULTLINE_HAVE_HYPERSCAN, on a CPU it supports) the patterns are
// compiled into one Hyperscan database. A pattern Hyperscan reads exactly gives its answer
// directly; one whose meaning may differ between the two engines (`$`, which Hyperscan also
// matches before a final newline) or that Hyperscan can only approximate (prefilter mode) is
// confirmed with RE2 on the texts Hyperscan names; one it cannot read at all joins a small
// RE2::Set run on every text. Without Hyperscan, one RE2::Set holds them all. Either way the
// answer is RE2's; the tests compare the two on every rule fixture.
//
// Compiling the Hyperscan database takes about 0.2 s, far more than a small input needs, so in
// the default (kAuto) mode RE2::Set answers the first texts, Hyperscan is compiled on a second
// thread once kAutoStartAt texts were asked about, and takes over at kAutoSwitchAt (waiting for
// the compiler if it is not done): the switch comes at the same text on every run. The compiled
// database is kept in the user's cache (src/engine/db_cache.h), and a later run with the same
// patterns loads it (about a millisecond) and uses Hyperscan from the first text.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "src/engine/hit_memo.h"
#include "src/engine/lazy_regex.h"

namespace faultline {

class PatternSet {
 public:
  enum class Backend { kRe2, kHyperscan, kAuto };
  static constexpr int64_t kAutoStartAt = 20'000;
  static constexpr int64_t kAutoSwitchAt = 120'000;

  /// FAULTLINE_MATCHER=re2|hyperscan|auto (default auto): for comparing the two in tests and
  /// benchmarks. An unknown value is auto.
  static Backend BackendFromEnvironment();

  explicit PatternSet(Backend backend = Backend::kAuto);
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  /// Adds `pattern` (which must outlive the set) and returns its index; -1 with `error` set if
  /// RE2 rejected it when it was compiled. The set reads patterns by their text and compiles one
  /// only to confirm a hit Hyperscan cannot decide alone.
  int Add(const LazyRegex& pattern, std::string* error);
  /// After the last Add. False if the patterns cannot be compiled (memory budget).
  bool Compile();
  /// The indices of the patterns found in `text`, ascending, into `hits` (cleared first). A text
  /// asked about a moment ago is answered from memory (HitMemo).
  void Match(std::string_view text, std::vector<int>* hits);

  /// Which engine answers now and how many patterns each decides (for tests and `--stats`).
  std::string Describe() const;

 private:
  struct Compiled;  // one engine's compiled form: Hyperscan's database and/or an RE2::Set
  static std::unique_ptr<Compiled> CompileRe2(const std::vector<const LazyRegex*>& patterns,
                                              const std::vector<int>& which);
  /// Compiles the Hyperscan database (and stores it in the cache, src/engine/db_cache.h).
  static std::unique_ptr<Compiled> CompileHyperscan(const std::vector<const LazyRegex*>& patterns);
  /// The database an earlier run compiled for these patterns, from the cache; null if none.
  static std::unique_ptr<Compiled> LoadHyperscan(const std::vector<const LazyRegex*>& patterns);
  /// A database (hs_database_t*, taken over) with each pattern's reading: 'e' exact,
  /// 'p' prefilter (confirmed by RE2), 'n' not read (left to RE2).
  static std::unique_ptr<Compiled> Assemble(const std::vector<const LazyRegex*>& patterns,
                                            const std::string& readings, void* hs_database);
  /// Compile() for the patterns as they stand.
  bool CompileAll();
  void StartHyperscan();
  void SwitchToHyperscan();
  /// Sorts the patterns into digit-blind and digit-sensitive (src/engine/digit_blind.h) and
  /// appends the blind supersets of the sensitive ones to the patterns scanned; leaves the
  /// second memo off when some pattern cannot be relaxed.
  void PrepareDigitBlindMemo();
  /// Match without the memo; sets scan_saw_relaxed_.
  void Scan(std::string_view text, std::vector<int>* hits);

  Backend backend_;
  std::vector<const LazyRegex*> patterns_;
  std::unique_ptr<Compiled> active_;
  std::unique_ptr<Compiled> next_;  ///< written by compiler_, read after joining it
  std::thread compiler_;
  int64_t asked_ = 0;
  bool from_cache_ = false;
  std::vector<int> rest_hits_;
  HitMemo memo_;
  // The answers of the digit-blind patterns, by digit-normalised text, each marked when a
  // digit-sensitive pattern may match texts of that form (then the text itself is scanned).
  bool blind_memo_on_ = false;
  HitMemo blind_memo_;
  size_t own_patterns_ = 0;                          ///< those added; the blind supersets follow
  std::vector<bool> digit_sensitive_;                ///< per pattern added
  std::vector<std::unique_ptr<LazyRegex>> relaxed_;  ///< blind supersets of the sensitive ones
  bool scan_saw_relaxed_ = false;                    ///< the last Scan found a blind superset
  std::string normalized_;
  std::vector<int> blind_hits_;
};

}  // namespace faultline
