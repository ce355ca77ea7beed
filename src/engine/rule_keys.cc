#include "src/engine/rule_keys.h"

namespace faultline {
namespace {

constexpr unsigned kMatcherScopes = kStepScope | kContextScope;

// Table order is the order of the reference in docs/rules.md.
constexpr RuleKey kKeys[] = {
    {"id", kRuleScope, KeyType::kString, "",
     "Optional; must equal the file name without `.toml`, which is the rule's id."},
    {"title", kRuleScope, KeyType::kString, "", "Required. One line naming the failure."},
    {"severity", kRuleScope, KeyType::kWord, "info|warning|critical",
     "Required. How bad a full match is; `--fail-on` compares against it."},
    {"tags", kRuleScope, KeyType::kList, "", "Words to find the rule by (`rules list`)."},
    {"description", kRuleScope, KeyType::kString, "", "What the pattern means, for `rules show`."},
    {"priority", kRuleScope, KeyType::kInteger, "",
     "Ranks competing explanations of the same effect, higher first (default 0)."},
    {"effect", kRuleScope, KeyType::kString, "",
     "What the rule explains; rules with the same effect compete as alternatives."},
    {"explains", kRuleScope, KeyType::kList, "",
     "Rule ids or effects this rule is the cause of: in one incident it ranks above their "
     "matches and lists them as consequences."},
    {"summary", kRuleScope, KeyType::kString, "", "Required. One-line template for the report."},
    {"cause", kRuleScope, KeyType::kString, "", "Why it happens (template)."},
    {"remedy", kRuleScope, KeyType::kString, "", "Required. What to do (template)."},
    {"steps", kRuleScope, KeyType::kTables, "",
     "Required. `[[steps]]`: the ordered chain; a match starts at the first step present."},
    {"context", kRuleScope, KeyType::kTables, "",
     "`[[context]]`: evidence gathered around a step, never needed for a match."},

    {"name", kStepScope, KeyType::kString, "",
     "Names the step for templates and `same` (default `step1`, `step2`, ...)."},
    {"role", kStepScope, KeyType::kWord, "required|decisive|corroborating",
     "`required` (default): the match needs it. `decisive`: enough alone to open an incident. "
     "`corroborating`: raises confidence and extends the chain, never opens one alone."},
    {"name", kContextScope, KeyType::kString, "",
     "Names the entry for templates (default `context1`, ...)."},
    {"component", kMatcherScopes, KeyType::kWord, "zk|zkfc|namenode|journalnode|monitor|other",
     "The record's component (from its logger namespace, else the file). A record whose "
     "component is unknown is not rejected."},
    {"level", kMatcherScopes, KeyType::kWord, "trace|debug|info|warn|error|fatal",
     "This level or above. A record without a level is not rejected."},
    {"logger", kMatcherScopes, KeyType::kRegex, "",
     "RE2 on the logger or class. A record whose layout names no logger is not rejected."},
    {"thread", kMatcherScopes, KeyType::kRegex, "", "RE2 on the thread."},
    {"host", kMatcherScopes, KeyType::kString, "", "Exact host."},
    {"message", kMatcherScopes, KeyType::kRegex, "",
     "RE2 on the record (see `part`); `(?P<name>...)` captures; `^` anchors at the message "
     "start."},
    {"part", kMatcherScopes, KeyType::kWord, "record|message|continuation",
     "What `message` is tested against: `record` (default: message and continuation lines), "
     "`message` (the first line's message only) or `continuation` (exception, `Caused by:`, "
     "frames)."},
    {"within", kStepScope, KeyType::kDuration, "",
     "Later steps: at most this long after the previous step, on log time (expression "
     "allowed)."},
    {"same", kStepScope, KeyType::kList, "",
     "Keys equal to the previous step's: `host`, `myid`, `session`, or a capture name (equal to "
     "every earlier step that has it). On a `count` first step: groups its occurrences."},
    {"not_same", kStepScope, KeyType::kList, "",
     "Later steps: `host` and/or `myid` must differ from the step just before."},
    {"count", kStepScope, KeyType::kInteger, "",
     "With `within`: the step must occur this many times within the window."},
    {"absent", kStepScope, KeyType::kBool, "",
     "Last step only: the match fires when nothing matches the step within `within`."},
    {"at_least", kStepScope, KeyType::kDuration, "",
     "Later steps: no record of the step may come within this time of the previous step."},
    {"around", kContextScope, KeyType::kString, "",
     "The step the entry belongs to (default: "
     "the first)."},
    {"before", kContextScope, KeyType::kDuration, "", "How far before that step to look."},
    {"after", kContextScope, KeyType::kDuration, "", "How far after that step to look."},
    {"same", kContextScope, KeyType::kList, "",
     "Only `[\"host\"]`: records from the host of the anchor step."},
};

std::string_view TypeName(KeyType type) {
  switch (type) {
    case KeyType::kString:
      return "string";
    case KeyType::kWord:
      return "word";
    case KeyType::kRegex:
      return "RE2";
    case KeyType::kDuration:
      return "duration";
    case KeyType::kInteger:
      return "integer";
    case KeyType::kBool:
      return "bool";
    case KeyType::kList:
      return "list";
    case KeyType::kTables:
      return "tables";
  }
  return "string";
}

}  // namespace

std::span<const RuleKey> RuleKeys() { return kKeys; }

std::vector<std::string> KeyNames(KeyScope scope) {
  std::vector<std::string> names;
  for (const RuleKey& key : kKeys) {
    if (key.scopes & scope) names.emplace_back(key.name);
  }
  return names;
}

const RuleKey* FindRuleKey(std::string_view name, KeyScope scope) {
  for (const RuleKey& key : kKeys) {
    if ((key.scopes & scope) && key.name == name) return &key;
  }
  return nullptr;
}

std::vector<std::string> KeyWords(const RuleKey& key) {
  std::vector<std::string> words;
  std::string_view rest = key.words;
  while (!rest.empty()) {
    size_t bar = rest.find('|');
    words.emplace_back(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  return words;
}

std::string KeyReferenceMarkdown() {
  std::string out = "| key | where | type | meaning |\n|---|---|---|---|\n";
  for (const RuleKey& key : kKeys) {
    std::string where;
    for (auto [bit, label] : {std::pair{kRuleScope, "rule"}, std::pair{kStepScope, "step"},
                              std::pair{kContextScope, "context"}}) {
      if (!(key.scopes & bit)) continue;
      if (!where.empty()) where += ", ";
      where += label;
    }
    std::string type(TypeName(key.type));
    if (key.type == KeyType::kWord) {
      type.clear();
      for (const std::string& word : KeyWords(key)) {
        type += (type.empty() ? "`" : " \\| `") + word + "`";
      }
    }
    out += "| `" + std::string(key.name) + "` | " + where + " | " + type + " | " +
           std::string(key.doc) + " |\n";
  }
  return out;
}

}  // namespace faultline
