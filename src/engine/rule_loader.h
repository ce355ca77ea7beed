// Reads rule files: TOML via toml++, every problem reported as file:line:col with the reason
// (unknown keys with a did-you-mean, bad RE2, bad durations and expressions, templates naming
// steps, captures or configuration keys that do not exist). All problems are listed, not just
// the first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/engine/rule.h"

namespace faultline {

struct RuleDiagnostic {
  std::string file;
  int line = 0, column = 0;
  std::string message;
  std::string ToString() const;  ///< "file:line:col: error: message"
};

/// Parses one rule from `text`. `id` is the file name without ".toml". Returns false when any
/// diagnostic was added. A `trusted` rule (compiled into the binary, its patterns checked by the
/// tests) has its patterns compiled when first used, not here (src/engine/lazy_regex.h).
bool LoadRule(std::string_view text, const std::string& file, const std::string& id, Rule* rule,
              std::vector<RuleDiagnostic>* diagnostics, bool trusted = false);

/// The rules compiled into the binary from rules/*.toml: (id, text) pairs.
struct EmbeddedRule {
  const char* id;
  const char* text;
};
std::vector<EmbeddedRule> BuiltinRuleTexts();

/// Built-in rules, then every *.toml in each of `dirs` (a rule with a built-in id replaces it;
/// one id in two files, e.g. two --rules directories, is an error naming both files). Files are
/// parsed on up to `threads` threads; the rules and diagnostics come in the same order as with one.
bool LoadRuleSet(const std::vector<std::string>& dirs, std::vector<Rule>* rules,
                 std::vector<RuleDiagnostic>* diagnostics, bool include_builtin = true,
                 int threads = 1);

/// Loads the given files only (for `rules check FILES`); one id in two files is an error.
bool LoadRuleFiles(const std::vector<std::string>& files, std::vector<Rule>* rules,
                   std::vector<RuleDiagnostic>* diagnostics, int threads = 1);

}  // namespace faultline
