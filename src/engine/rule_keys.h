// The one table of rule-file keys: where each may appear, what type it takes, its allowed words
// and its documentation. The loader checks names, types and words against it, `faultline rules
// keys` prints it, and docs/rules.md carries the same text (a test keeps the two in step), so a
// new key or role is one entry here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace faultline {

enum KeyScope : unsigned { kRuleScope = 1, kStepScope = 2, kContextScope = 4 };

enum class KeyType : uint8_t {
  kString,    ///< free text (templates allowed where the doc says so)
  kWord,      ///< one of `words`
  kRegex,     ///< an RE2 pattern
  kDuration,  ///< a duration or an expression of durations and configuration values
  kInteger,
  kBool,
  kList,    ///< an array of strings
  kTables,  ///< [[steps]] / [[context]]
};

struct RuleKey {
  std::string_view name;
  unsigned scopes;
  KeyType type;
  std::string_view words;  ///< for kWord: the allowed values, separated by '|'
  std::string_view doc;
};

std::span<const RuleKey> RuleKeys();
/// The names of the keys allowed in `scope`, in table order.
std::vector<std::string> KeyNames(KeyScope scope);
/// The entry for `name` in `scope`, or nullptr.
const RuleKey* FindRuleKey(std::string_view name, KeyScope scope);
/// The allowed words of a kWord key, split.
std::vector<std::string> KeyWords(const RuleKey& key);
/// The key reference as Markdown, exactly as docs/rules.md holds it between its markers.
std::string KeyReferenceMarkdown();

}  // namespace faultline
