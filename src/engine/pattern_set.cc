#include "src/engine/pattern_set.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#ifdef FAULTLINE_HAVE_HYPERSCAN
#include <hs/hs.h>
#endif

#include "src/engine/db_cache.h"
#include "src/engine/digit_blind.h"

namespace faultline {

struct PatternSet::Compiled {
#ifdef FAULTLINE_HAVE_HYPERSCAN
  hs_database_t* database = nullptr;
  hs_scratch_t* scratch = nullptr;
  ~Compiled() {
    hs_free_scratch(scratch);
    hs_free_database(database);
  }
#endif
  std::vector<bool> confirm;  ///< per pattern: Hyperscan's hit is confirmed by RE2
  int exact = 0, confirmed = 0;
  std::unique_ptr<RE2::Set> set;  ///< the patterns Hyperscan does not decide
  std::vector<int> set_index;     ///< RE2::Set index -> pattern index
};

namespace {

#ifdef FAULTLINE_HAVE_HYPERSCAN
int OnHit(unsigned id, unsigned long long, unsigned long long, unsigned, void* context) {
  static_cast<std::vector<int>*>(context)->push_back(static_cast<int>(id));
  return 0;  // go on: every pattern is wanted
}
#endif

}  // namespace

PatternSet::Backend PatternSet::BackendFromEnvironment() {
  const char* value = std::getenv("FAULTLINE_MATCHER");
  std::string_view name = value == nullptr ? "" : value;
  if (name == "re2") return Backend::kRe2;
  if (name == "hyperscan") return Backend::kHyperscan;
  return Backend::kAuto;
}

PatternSet::PatternSet(Backend backend) : backend_(backend) {}

PatternSet::~PatternSet() {
  if (compiler_.joinable()) compiler_.join();
}

int PatternSet::Add(const LazyRegex& pattern, std::string* error) {
  if (pattern.compiled() && !pattern->ok()) {
    *error = pattern->error();
    return -1;
  }
  patterns_.push_back(&pattern);
  return static_cast<int>(patterns_.size()) - 1;
}

std::unique_ptr<PatternSet::Compiled> PatternSet::CompileRe2(
    const std::vector<const LazyRegex*>& patterns, const std::vector<int>& which) {
  auto compiled = std::make_unique<Compiled>();
  compiled->confirm.assign(patterns.size(), false);
  if (which.empty()) return compiled;
  RE2::Options options;
  options.set_log_errors(false);
  compiled->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (int i : which) {
    std::string error;
    if (compiled->set->Add(patterns[i]->pattern(), &error) < 0) return nullptr;
    compiled->set_index.push_back(i);
  }
  if (!compiled->set->Compile()) return nullptr;
  return compiled;
}

#ifdef FAULTLINE_HAVE_HYPERSCAN
namespace {

// How Hyperscan reads each pattern: exactly, as a superset (prefilter), or not at all (RE2).
enum Reading : char { kExact = 'e', kPrefilter = 'p', kNone = 'n' };

// The cache file of a set of patterns: named by what the compiled database depends on (the
// patterns, Hyperscan's version, the CPU it was compiled for).
std::string CacheName(const std::vector<const LazyRegex*>& patterns) {
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  std::string what = hs_version();
  what.append(reinterpret_cast<const char*>(&platform), sizeof(platform));
  for (const LazyRegex* p : patterns) what.append(p->pattern()).push_back('\0');
  char name[40];
  std::snprintf(name, sizeof(name), "hyperscan-%016llx.db",
                static_cast<unsigned long long>(db_cache::Digest(what)));
  return name;
}

}  // namespace
#endif

// The cache holds the readings (one byte per pattern) and the serialized database.
std::unique_ptr<PatternSet::Compiled> PatternSet::LoadHyperscan(
    const std::vector<const LazyRegex*>& patterns) {
#ifdef FAULTLINE_HAVE_HYPERSCAN
  if (hs_valid_platform() != HS_SUCCESS || patterns.empty()) return nullptr;
  std::string bytes;
  if (!db_cache::Load(CacheName(patterns), &bytes) || bytes.size() <= patterns.size()) {
    return nullptr;
  }
  std::string readings = bytes.substr(0, patterns.size());
  hs_database_t* database = nullptr;
  if (hs_deserialize_database(bytes.data() + patterns.size(), bytes.size() - patterns.size(),
                              &database) != HS_SUCCESS) {
    return nullptr;
  }
  return Assemble(patterns, readings, database);
#else
  (void)patterns;
  return nullptr;
#endif
}

std::unique_ptr<PatternSet::Compiled> PatternSet::Assemble(
    const std::vector<const LazyRegex*>& patterns, const std::string& readings, void* hs_database) {
#ifdef FAULTLINE_HAVE_HYPERSCAN
  auto* database = static_cast<hs_database_t*>(hs_database);
  if (readings.size() != patterns.size()) {
    hs_free_database(database);
    return nullptr;
  }
  std::vector<int> rest;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (readings[i] == kNone) rest.push_back(static_cast<int>(i));
  }
  auto compiled = CompileRe2(patterns, rest);
  if (compiled == nullptr) {
    hs_free_database(database);
    return nullptr;
  }
  compiled->database = database;
  if (hs_alloc_scratch(compiled->database, &compiled->scratch) != HS_SUCCESS) return nullptr;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (readings[i] == kNone) continue;
    // RE2's `$` is the end of the text only; Hyperscan's also matches before a final newline.
    bool confirm =
        readings[i] == kPrefilter || patterns[i]->pattern().find('$') != std::string::npos;
    compiled->confirm[i] = confirm;
    ++(confirm ? compiled->confirmed : compiled->exact);
  }
  return compiled;
#else
  (void)patterns, (void)readings, (void)hs_database;
  return nullptr;
#endif
}

std::unique_ptr<PatternSet::Compiled> PatternSet::CompileHyperscan(
    const std::vector<const LazyRegex*>& patterns) {
#ifdef FAULTLINE_HAVE_HYPERSCAN
  if (hs_valid_platform() != HS_SUCCESS || patterns.empty()) return nullptr;
  std::string readings(patterns.size(), kExact);
  // One database for all; a pattern it rejects is demoted and the rest compiled again.
  for (size_t attempt = 0; attempt <= 2 * patterns.size(); ++attempt) {
    std::vector<const char*> expressions;
    std::vector<unsigned> flags, ids;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (readings[i] == kNone) continue;
      expressions.push_back(patterns[i]->pattern().c_str());
      flags.push_back(HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY |
                      (readings[i] == kPrefilter ? HS_FLAG_PREFILTER : 0u));
      ids.push_back(static_cast<unsigned>(i));
    }
    if (expressions.empty()) return nullptr;  // Hyperscan reads none: RE2 alone does the job
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                         &database, &error) == HS_SUCCESS) {
      char* serialized = nullptr;
      size_t length = 0;
      if (hs_serialize_database(database, &serialized, &length) == HS_SUCCESS) {
        db_cache::Store(CacheName(patterns), readings + std::string(serialized, length));
        std::free(serialized);
      }
      return Assemble(patterns, readings, database);
    }
    int failed = error->expression;
    hs_free_compile_error(error);
    if (failed < 0) return nullptr;  // not one pattern's fault (memory): RE2 does the job
    int index = static_cast<int>(ids[failed]);
    readings[index] = readings[index] == kExact ? kPrefilter : kNone;
  }
#else
  (void)patterns;
#endif
  return nullptr;
}

void PatternSet::PrepareDigitBlindMemo() {
  // The blind supersets are asked in the same scan as the patterns themselves: a superset is
  // blind, so it answers the same on a text and on its normalised form.
  digit_sensitive_.assign(patterns_.size(), false);
  std::vector<std::unique_ptr<LazyRegex>> relaxed;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    std::optional<std::string> blind = DigitBlindPattern(patterns_[i]->pattern());
    if (!blind.has_value()) return;
    if (*blind == patterns_[i]->pattern()) continue;
    digit_sensitive_[i] = true;
    relaxed.push_back(std::make_unique<LazyRegex>(std::move(*blind)));
  }
  relaxed_ = std::move(relaxed);
  for (const auto& re : relaxed_) patterns_.push_back(re.get());
  blind_memo_on_ = true;
}

bool PatternSet::Compile() {
  own_patterns_ = patterns_.size();
  PrepareDigitBlindMemo();
  if (CompileAll()) return true;
  if (!blind_memo_on_) return false;
  // A blind superset RE2 rejects (the originals are valid, so it should not happen): go on
  // without the second memo rather than fail.
  patterns_.resize(own_patterns_);
  relaxed_.clear();
  blind_memo_on_ = false;
  return CompileAll();
}

bool PatternSet::CompileAll() {
  // Compiled before (by an earlier run): Hyperscan from the first text on, whatever the mode.
  if (backend_ != Backend::kRe2) {
    active_ = LoadHyperscan(patterns_);
    if (active_ != nullptr) {
      from_cache_ = true;
      return true;
    }
  }
  if (backend_ == Backend::kHyperscan) {
    active_ = CompileHyperscan(patterns_);
    if (active_ != nullptr) return true;
  }
  std::vector<int> all(patterns_.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  active_ = CompileRe2(patterns_, all);
  return active_ != nullptr;
}

void PatternSet::StartHyperscan() {
  // The thread only reads patterns_ (fixed since Compile) and writes next_, which nothing reads
  // before joining it.
  compiler_ = std::thread([this] { next_ = CompileHyperscan(patterns_); });
}

void PatternSet::SwitchToHyperscan() {
  if (compiler_.joinable()) compiler_.join();
  if (next_ != nullptr) active_ = std::move(next_);
}

void PatternSet::Match(std::string_view text, std::vector<int>* hits) {
  if (backend_ == Backend::kAuto && !from_cache_) {
    ++asked_;
    if (asked_ == kAutoStartAt) StartHyperscan();
    if (asked_ == kAutoSwitchAt) SwitchToHyperscan();
  }
  uint64_t hash = HitMemo::Hash(text);
  if (memo_.Find(text, hash, hits)) return;
  if (!blind_memo_on_ || text.size() > HitMemo::kMaxText) {
    Scan(text, hits);
    memo_.Remember(text, hash, *hits);
    return;
  }
  NormalizeDigits(text, &normalized_);
  uint64_t blind_hash = HitMemo::Hash(normalized_);
  bool sensitive_may_match = true;
  bool known = blind_memo_.Find(normalized_, blind_hash, hits, &sensitive_may_match);
  if (!known || sensitive_may_match) {
    Scan(text, hits);
    if (!known) {
      blind_hits_.clear();
      for (int h : *hits) {
        if (!digit_sensitive_[static_cast<size_t>(h)]) blind_hits_.push_back(h);
      }
      blind_memo_.Remember(normalized_, blind_hash, blind_hits_, scan_saw_relaxed_);
    }
  }
  memo_.Remember(text, hash, *hits);
}

void PatternSet::Scan(std::string_view text, std::vector<int>* hits) {
  hits->clear();
  Compiled& c = *active_;
#ifdef FAULTLINE_HAVE_HYPERSCAN
  if (c.database != nullptr) {
    hs_scan(c.database, text.data(), static_cast<unsigned>(text.size()), 0, c.scratch, OnHit, hits);
    if (c.confirmed > 0) {
      std::erase_if(*hits, [&](int i) {
        return c.confirm[i] && static_cast<size_t>(i) < own_patterns_ &&
               !RE2::PartialMatch(text, patterns_[i]->get());
      });
    }
  }
#endif
  if (c.set != nullptr) {
    rest_hits_.clear();
    c.set->Match(text, &rest_hits_);
    for (int h : rest_hits_) hits->push_back(c.set_index[h]);
  }
  std::sort(hits->begin(), hits->end());
  // The blind supersets come last: they only say whether a sensitive pattern may match.
  auto relaxed = std::lower_bound(hits->begin(), hits->end(), static_cast<int>(own_patterns_));
  scan_saw_relaxed_ = relaxed != hits->end();
  hits->erase(relaxed, hits->end());
}

std::string PatternSet::Describe() const {
  const Compiled& c = *active_;
  std::string out;
  if (c.exact + c.confirmed > 0) {
    out = "hyperscan" + std::string(from_cache_ ? " (cached)" : "") + ": " +
          std::to_string(c.exact) + " exact, " + std::to_string(c.confirmed) +
          " confirmed by RE2; ";
  }
  return out + "re2: " + std::to_string(c.set_index.size());
}

}  // namespace faultline
