#include "src/engine/rule_comments.h"

#include <doctest/doctest.h>

#include <sstream>

#include "src/engine/rule_loader.h"

namespace faultline {
namespace {

TEST_CASE("comment lines are blanked; strings, trailing comments and line numbers stay") {
  // Every line of `kept` stays as it is: strings whose lines start with '#', escaped and
  // doubled quotes inside them, a comment after a value.
  const std::string kept =
      "id = \"x\" # trailing\n"
      "remedy = \"\"\"\n"
      "# not a comment: text of the string\n"
      "a \\\"\"\" quote and \"\" two\n"
      "\"\"\"\n"
      "lit = '''\n"
      "# also text\n"
      "'''''\n"
      "s = \"# in a string\"\n";
  CHECK(BlankCommentLines("# a rule\n  # indented\n" + kept + "# last") == "\n\n" + kept);
  CHECK(BlankCommentLines(kept) == kept);
}

std::string Describe(const Matcher& m) {
  std::ostringstream out;
  out << m.name << '|' << m.any_component << static_cast<int>(m.component)
      << static_cast<int>(m.min_level) << '|' << m.host << '|'
      << (m.logger ? m.logger->pattern() : "-") << '|' << (m.thread ? m.thread->pattern() : "-")
      << '|' << (m.message ? m.message->pattern() : "-") << '|' << static_cast<int>(m.part) << '|'
      << m.line << '|';
  for (const std::string& c : m.captures) out << c << ',';
  return out.str();
}

std::string Describe(const Rule& rule) {
  std::ostringstream out;
  out << rule.id << '\n'
      << rule.title << '\n'
      << rule.description << '\n'
      << rule.effect << '\n'
      << rule.summary << '\n'
      << rule.cause << '\n'
      << rule.remedy << '\n'
      << static_cast<int>(rule.severity) << ' ' << rule.priority << '\n';
  for (const std::string& t : rule.tags) out << "tag " << t << '\n';
  for (const std::string& e : rule.explains) out << "explains " << e << '\n';
  for (const Step& s : rule.steps) {
    out << "step " << Describe(s) << s.within_text << '|' << s.at_least_text << '|' << s.count
        << s.absent << static_cast<int>(s.role) << '|';
    for (const std::string& k : s.same) out << k << ',';
    for (const std::string& k : s.not_same) out << '!' << k << ',';
    out << '\n';
  }
  for (const ContextMatcher& c : rule.contexts) {
    out << "context " << Describe(c) << c.anchor << c.same_host << (c.before != nullptr)
        << (c.after != nullptr) << '\n';
  }
  return out.str();
}

TEST_CASE("every built-in rule reads the same with its comment lines blanked") {
  size_t compared = 0, shorter = 0;
  for (const EmbeddedRule& embedded : BuiltinRuleTexts()) {
    std::string blanked = BlankCommentLines(embedded.text);
    Rule original, stripped;
    std::vector<RuleDiagnostic> diagnostics;
    INFO(embedded.id);
    REQUIRE(LoadRule(embedded.text, "original.toml", embedded.id, &original, &diagnostics));
    REQUIRE(LoadRule(blanked, "original.toml", embedded.id, &stripped, &diagnostics));
    CHECK(Describe(stripped) == Describe(original));
    shorter += blanked.size() < std::string_view(embedded.text).size();
    ++compared;
  }
  CHECK(compared > 80);
  CHECK(shorter > compared / 2);  // the files do have comment lines to blank
}

}  // namespace
}  // namespace faultline
