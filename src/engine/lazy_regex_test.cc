#include "src/engine/lazy_regex.h"

#include <doctest/doctest.h>

#include "src/engine/rule_loader.h"

namespace faultline {
namespace {

TEST_CASE("a lazy pattern compiles on first use and reads its group names from its text") {
  LazyRegex re(R"(Closing (?:socket) (\w+) to (?P<peer>\S+) \((?P<why>[^)(]+)\) [(?P<x>])");
  CHECK_FALSE(re.compiled());
  CHECK(re.pattern().starts_with("Closing"));
  std::map<std::string, int> names = re.NamedGroups();
  CHECK_FALSE(re.compiled());  // the names cost no compile
  CHECK(names == re->NamedCapturingGroups());
  CHECK(re.compiled());
  CHECK(names == std::map<std::string, int>{{"peer", 2}, {"why", 3}});
}

// The built-in rules' patterns are compiled only when used, so a bad one would not be reported
// when the rules load: this is where it is.
TEST_CASE("every built-in pattern compiles, and its group names read from the text are RE2's") {
  std::vector<Rule> rules;
  std::vector<RuleDiagnostic> diagnostics;
  REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
  size_t checked = 0;
  auto check = [&](const Rule& rule, const Matcher& m) {
    for (const LazyRegex* re : {m.logger.get(), m.thread.get(), m.message.get()}) {
      if (re == nullptr) continue;
      INFO(rule.id << " / " << m.name << ": " << re->pattern());
      CHECK(re->get().ok());
      CHECK(re->NamedGroups() == re->get().NamedCapturingGroups());
      ++checked;
    }
  };
  for (const Rule& rule : rules) {
    for (const Step& step : rule.steps) check(rule, step);
    for (const ContextMatcher& c : rule.contexts) check(rule, c);
  }
  CHECK(checked > 250);
}

}  // namespace
}  // namespace faultline
