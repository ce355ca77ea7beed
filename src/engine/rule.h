// A rule: an ordered chain of event matchers with windows and correlation keys, plus the text
// that explains a match. Loaded from TOML (see rule_loader.h and docs/rules.md).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "src/base/record.h"
#include "src/engine/expr.h"
#include "src/engine/lazy_regex.h"

namespace faultline {

enum class Severity : uint8_t { kInfo, kWarning, kCritical };
std::string_view SeverityName(Severity s);
bool ParseSeverity(std::string_view text, Severity* s);

/// What a step's record means for the diagnosis (docs/rules.md, "Roles and confidence").
enum class StepRole : uint8_t {
  kRequired,       ///< the match needs it (the default: the old, all-or-nothing meaning)
  kDecisive,       ///< enough alone to open an incident; partners missing lower the confidence
  kCorroborating,  ///< raises confidence and extends the chain; never opens an incident alone
};
std::string_view StepRoleName(StepRole role);
bool ParseStepRole(std::string_view text, StepRole* role);

/// Which part of a record a message pattern is tested against.
enum class MatchPart : uint8_t {
  kRecord,        ///< the header's message and the continuation lines (the default)
  kMessage,       ///< the header's message only
  kContinuation,  ///< the continuation lines only (exception, "Caused by:", stack frames)
};
std::string_view MatchPartName(MatchPart part);
bool ParseMatchPart(std::string_view text, MatchPart* part);

/// What a record must look like to match a step or a context entry.
struct Matcher {
  std::string name;
  bool any_component = true;
  Component component = Component::kOther;
  Level min_level = Level::kUnknown;
  std::string host;
  std::unique_ptr<LazyRegex> logger, thread, message;
  std::vector<std::string> captures;  ///< named groups of `message`
  MatchPart part = MatchPart::kRecord;
  int line = 0;  ///< where it is defined in the rule file
};

struct Step : Matcher {
  std::unique_ptr<Expr> within;  ///< nullptr for the first step
  std::string within_text;
  /// The least time after the previous step (nullptr: none): a record matching the step within
  /// that time of the previous one, before or after it, drops the match (a follower that noticed
  /// only long after the leader dropped it was not running; one that noticed at once was).
  std::unique_ptr<Expr> at_least;
  std::string at_least_text;
  std::vector<std::string> same;  ///< correlation keys shared with earlier steps
  /// "host" / "myid": must differ from the step just before (another server took over).
  std::vector<std::string> not_same;
  int count = 1;
  bool absent = false;
  StepRole role = StepRole::kRequired;
};

struct ContextMatcher : Matcher {
  int anchor = 0;          ///< index of the step it belongs to
  bool same_host = false;  ///< only records from the anchor step's host
  std::unique_ptr<Expr> before, after;
};

struct Rule {
  std::string id, file, title, description, effect, summary, cause, remedy;
  Severity severity = Severity::kWarning;
  int priority = 0;
  std::vector<std::string> tags;
  /// Rule ids or effects this rule's match is the cause of: in one incident it ranks above them
  /// and lists them as consequences.
  std::vector<std::string> explains;
  std::vector<Step> steps;
  std::vector<ContextMatcher> contexts;
  bool builtin = false;

  /// Index of the step or context entry called `name`: steps 0..n-1, contexts n.., or -1.
  int FindName(std::string_view name) const;
  /// True if any step has a role other than required (the rule accepts partial evidence).
  bool HasRoles() const;
  /// True if a match of this rule explains one of `other` (by id or effect).
  bool Explains(const Rule& other) const;
};

}  // namespace faultline
