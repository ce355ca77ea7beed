#include "src/engine/rule_keys.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "src/engine/rule_loader.h"

namespace faultline {
namespace {

TEST_CASE("rule_keys: docs/rules.md holds the reference generated from the key table") {
  std::ifstream in(std::string(FAULTLINE_TESTDATA) + "/../docs/rules.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  const std::string begin = "<!-- keys:begin -->\n", end = "<!-- keys:end -->";
  size_t from = doc.find(begin), to = doc.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  from += begin.size();
  // If this fails: faultline rules keys, and paste its output between the markers.
  CHECK(doc.substr(from, to - from) == KeyReferenceMarkdown());
}

TEST_CASE("rule_keys: every key a scope allows is found there, and only there") {
  for (const RuleKey& key : RuleKeys()) {
    for (KeyScope scope : {kRuleScope, kStepScope, kContextScope}) {
      const RuleKey* found = FindRuleKey(key.name, scope);
      if (key.scopes & scope) {
        REQUIRE(found != nullptr);
        CHECK(found->name == key.name);
      }
    }
    if (key.type == KeyType::kWord) CHECK(KeyWords(key).size() >= 2);
  }
  CHECK(FindRuleKey("within", kRuleScope) == nullptr);
  CHECK(FindRuleKey("explains", kStepScope) == nullptr);
  CHECK(KeyWords(*FindRuleKey("role", kStepScope)) ==
        std::vector<std::string>{"required", "decisive", "corroborating"});
}

TEST_CASE("rule_keys: the loader takes its names and words from the table") {
  const std::string head =
      "title = \"t\"\nseverity = \"warning\"\nsummary = \"s\"\nremedy = \"r\"\n";
  std::vector<RuleDiagnostic> diagnostics;
  Rule rule;
  CHECK_FALSE(LoadRule(head + "[[steps]]\nmessage = 'x'\npart = \"stack\"\n", "r.toml", "r", &rule,
                       &diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "unknown part 'stack' (record, message, continuation)");
  diagnostics.clear();
  Rule reserved;
  CHECK_FALSE(LoadRule(head + "[[steps]]\nname = \"config\"\nmessage = 'x'\n", "r.toml", "r",
                       &reserved, &diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message.find("reserved for templates") != std::string::npos);
}

}  // namespace
}  // namespace faultline
