// A rule's regular expression, compiled when it is first used. Compiling every pattern of the
// built-in rules took about as long as parsing their TOML (some 70 M instructions, a third of
// a short run's start); most runs use a few dozen of them: the pattern set reads the others by
// their text (Hyperscan's cached database, RE2::Set) and never needs them compiled. Patterns of
// rule files a user gives are compiled at once, so that a bad one is reported with its file and
// line; the built-in ones are compiled and checked by a test (lazy_regex_test).
#pragma once

#include <re2/re2.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace faultline {

class LazyRegex {
 public:
  explicit LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  /// The pattern's text; never compiles it.
  const std::string& pattern() const { return pattern_; }
  /// The compiled pattern (compiled by the first caller; safe from several threads).
  const RE2& get() const;
  const RE2* operator->() const { return &get(); }
  const RE2& operator*() const { return get(); }
  /// Whether it has been compiled (and so whether get() is free).
  bool compiled() const { return compiled_.load(std::memory_order_acquire); }

  /// The names of its named groups `(?P<name>...)`, by name, read from the text: what RE2's
  /// NamedCapturingGroups() gives, without compiling.
  std::map<std::string, int> NamedGroups() const;

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
  mutable std::atomic<bool> compiled_{false};
};

}  // namespace faultline
