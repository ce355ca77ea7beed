// `faultline rules list|show|check|test|sql`: the knowledge base, its linter, its fixture runner
// and the SQL `analyze --engine` runs for it.
#include <toml++/toml.h>

#include <filesystem>
#include <memory>

#include "src/base/duration.h"
#include "src/base/terminal.h"
#include "src/cli/colour_option.h"
#include "src/cli/commands.h"
#include "src/cli/rule_fixtures.h"
#include "src/engine/analysis.h"
#include "src/engine/explain.h"
#include "src/engine/rule_keys.h"
#include "src/engine/rule_loader.h"
#include "src/warehouse/rule_sql.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

struct RulesOptions {
  std::vector<std::string> rule_dirs;
  std::string show_id;
  std::vector<std::string> check_files;
  std::string test_dir = "testdata/rules";
  std::vector<std::string> only;
  std::string color = "auto";
  std::vector<std::string> sql_ids;
  bool sql_all = false, sql_explain = false;
};

bool LoadOrReport(const RulesOptions& o, std::vector<Rule>* rules) {
  std::vector<RuleDiagnostic> diagnostics;
  bool ok = LoadRuleSet(o.rule_dirs, rules, &diagnostics);
  for (const RuleDiagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  return ok;
}

int RunList(const RulesOptions& o) {
  std::vector<Rule> rules;
  if (!LoadOrReport(o, &rules)) return kExitError;
  bool colour = UseColour(o.color, stdout);
  for (const Rule& rule : rules) {
    std::string severity(SeverityName(rule.severity));
    std::printf("%-34s %s%-9s%s %-8s %s\n", rule.id.c_str(), SeverityColour(severity, colour),
                severity.c_str(), ColourReset(colour), rule.builtin ? "built-in" : "user",
                rule.title.c_str());
  }
  return kExitOk;
}

// How the rule's roles open an incident, in words (docs/rules.md, "Roles and confidence").
std::string OpeningText(const Rule& rule) {
  std::string required, decisive, corroborating;
  for (const Step& s : rule.steps) {
    if (s.absent) continue;
    std::string* list = s.role == StepRole::kRequired   ? &required
                        : s.role == StepRole::kDecisive ? &decisive
                                                        : &corroborating;
    *list += (list->empty() ? "" : ", ") + s.name;
  }
  if (!rule.HasRoles()) {
    return "Opens an incident when every step is seen (confidence 100%).";
  }
  std::string text = "Opens an incident on ";
  if (!required.empty()) text += "every required step (" + required + ")";
  if (!required.empty() && !decisive.empty()) text += " and ";
  if (!decisive.empty()) text += "any decisive step (" + decisive + ")";
  text += "; ";
  if (!corroborating.empty()) text += "corroborating: " + corroborating + "; ";
  return text +
         "each step not in the logs given lowers the confidence (0.5 + 0.5 × weight seen / "
         "weight of all; decisive and required weigh 2, corroborating 1).";
}

int RunShow(const RulesOptions& o) {
  std::vector<Rule> rules;
  if (!LoadOrReport(o, &rules)) return kExitError;
  for (const Rule& rule : rules) {
    if (rule.id != o.show_id) continue;
    std::string severity(SeverityName(rule.severity));
    bool colour = UseColour(o.color, stdout);
    std::printf("%s (%s%s%s, %s)\n%s\n\n", rule.id.c_str(), SeverityColour(severity, colour),
                severity.c_str(), ColourReset(colour), rule.file.c_str(), rule.title.c_str());
    if (!rule.description.empty()) std::printf("%s\n\n", rule.description.c_str());
    for (size_t i = 0; i < rule.steps.size(); ++i) {
      const Step& s = rule.steps[i];
      std::string line = "  step " + std::to_string(i + 1) + " '" + s.name + "' (" +
                         std::string(s.absent ? "absent" : StepRoleName(s.role)) + "): component " +
                         (s.any_component ? "any" : std::string(ComponentName(s.component))) +
                         ", message /" + (s.message ? s.message->pattern() : "") + "/";
      if (s.part != MatchPart::kRecord) line += " in the " + std::string(MatchPartName(s.part));
      if (s.within) line += ", within " + s.within_text;
      if (s.at_least) line += ", at least " + s.at_least_text;
      if (s.count > 1) line += ", count " + std::to_string(s.count);
      for (size_t k = 0; k < s.same.size(); ++k) line += (k ? "," : ", same ") + s.same[k];
      for (const std::string& key : s.not_same) line += ", not same " + key;
      std::printf("%s\n", line.c_str());
    }
    std::printf("\n%s\n", OpeningText(rule).c_str());
    if (!rule.effect.empty() || rule.priority != 0) {
      std::printf("Effect: %s, priority %d (rules of one effect compete; higher first)\n",
                  rule.effect.empty() ? "-" : rule.effect.c_str(), rule.priority);
    }
    if (!rule.explains.empty()) {
      std::string list;
      for (const std::string& name : rule.explains) list += (list.empty() ? "" : ", ") + name;
      std::printf("Explains: %s (ranked below it in one incident, listed as consequences)\n",
                  list.c_str());
    }
    std::printf("\nRemedy: %s\n", rule.remedy.c_str());
    return kExitOk;
  }
  std::fprintf(stderr, "faultline: error: no rule '%s' (see 'faultline rules list')\n",
               o.show_id.c_str());
  return kExitError;
}

int RunCheck(const RulesOptions& o) {
  std::vector<Rule> rules;
  std::vector<RuleDiagnostic> diagnostics;
  bool ok = o.check_files.empty() ? LoadRuleSet(o.rule_dirs, &rules, &diagnostics)
                                  : LoadRuleFiles(o.check_files, &rules, &diagnostics);
  for (const RuleDiagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  if (!ok) {
    std::fprintf(stderr, "faultline: %zu error(s) in rule files\n", diagnostics.size());
    return kExitError;
  }
  std::printf("%zu rule(s) OK\n", rules.size());
  return kExitOk;
}

int RunTest(const RulesOptions& o) {
  std::vector<Rule> rules;
  if (!LoadOrReport(o, &rules)) return kExitError;
  int passed = 0, failed = 0;
  for (const Rule& rule : rules) {
    if (!o.only.empty() && std::find(o.only.begin(), o.only.end(), rule.id) == o.only.end())
      continue;
    std::string why = TestRuleFixtures(rule, o.test_dir);
    if (why.empty()) {
      ++passed;
      std::printf("PASS %s\n", rule.id.c_str());
    } else {
      ++failed;
      std::printf("FAIL %s: %s\n", rule.id.c_str(), why.c_str());
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? kExitOk : kExitFound;
}

// The query analyze --engine runs for each rule, as one engine with only that rule would.
int RunSql(const RulesOptions& o) {
  std::vector<Rule> rules;
  if (!LoadOrReport(o, &rules)) return kExitError;
  if (o.sql_all == !o.sql_ids.empty()) {
    std::fprintf(stderr, "faultline: error: rules sql: give rule ids or --all\n");
    return kExitError;
  }
  std::vector<const Rule*> chosen;
  for (const std::string& id : o.sql_ids) {
    auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; });
    if (it == rules.end()) {
      std::fprintf(stderr, "faultline: error: rules sql: no rule '%s' (faultline rules list)\n",
                   id.c_str());
      return kExitError;
    }
    chosen.push_back(&*it);
  }
  if (o.sql_all) {
    for (const Rule& rule : rules) chosen.push_back(&rule);
  }
  ConfigValues defaults;
  std::printf(
      "-- faultline analyze --engine: one query per rule. Windows use the documented defaults;\n"
      "-- analyze --engine evaluates them with the configuration shipped, adds the time window\n"
      "-- and runs one query per engine with its share of the rules. Records without a time are\n"
      "-- never fed to the rules.\n");
  for (const Rule* rule : chosen) {
    RulePlan plan;
    std::string error;
    if (!PlanRule(*rule, defaults, o.sql_explain, &plan, &error)) {
      std::fprintf(stderr, "faultline: error: %s\n", error.c_str());
      return kExitError;
    }
    std::printf("\n%s", RowsQuery({plan}, "faultline.events", SqlWindow()).c_str());
  }
  return kExitOk;
}

}  // namespace

CommandRunner SetupRules(CLI::App* app) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* cmd = app->add_subcommand("rules", "List, show, lint and test the rules");
  cmd->require_subcommand(1);
  // --rules is accepted before or after the subcommand name.
  auto add_rules_option = [&](CLI::App* app_level) {
    app_level->add_option("--rules", o->rule_dirs, "Also load *.toml rules from DIR (repeatable)")
        ->type_name("DIR")
        ->allow_extra_args(false);
  };
  add_rules_option(cmd);
  AddColorOption(cmd, &o->color);
  CLI::App* list = cmd->add_subcommand("list", "One line per rule: id, severity, origin, title");
  CLI::App* show = cmd->add_subcommand(
      "show", "A rule's steps with their roles, windows, how it opens an incident, and remedy");
  CLI::App* keys =
      cmd->add_subcommand("keys", "The rule-file key reference (as in docs/rules.md), Markdown");
  show->add_option("id", o->show_id, "Rule id")->required()->type_name("RULE");
  CLI::App* check = cmd->add_subcommand(
      "check", "Lint rule files (all loaded rules if none given): every error as file:line:col");
  check->add_option("files", o->check_files, "Rule files");
  CLI::App* test =
      cmd->add_subcommand("test",
                          "Run each rule's fixtures: DIR/<id>/fires must fire as expect.toml says, "
                          "DIR/<id>/quiet must not, DIR/<id>/partial must fire with the missing "
                          "steps its expect.toml lists");
  test->add_option("dir", o->test_dir, "Fixture directory")
      ->capture_default_str()
      ->type_name("DIR");
  test->add_option("--only", o->only, "Test only this rule id (repeatable)")
      ->type_name("RULE")
      ->allow_extra_args(false);
  check->get_option("files")->type_name("FILE");
  CLI::App* sql = cmd->add_subcommand(
      "sql",
      "The SQL analyze --engine runs in ClickHouse for each rule, with what it leaves to "
      "the local engine named in comments");
  sql->add_option("ids", o->sql_ids, "Rule ids")->type_name("RULE");
  sql->add_flag("--all", o->sql_all, "Every loaded rule");
  sql->add_flag("--explain", o->sql_explain,
                "The form analyze --engine --explain runs (the step conditions only)");
  for (CLI::App* sub : {list, show, keys, check, test, sql}) {
    if (sub != keys) add_rules_option(sub);
    AddColorOption(sub, &o->color);
  }
  cmd->footer("Rule language: docs/rules.md and faultline(1), RULES.");
  return [=] {
    if (list->parsed()) return RunList(*o);
    if (show->parsed()) return RunShow(*o);
    if (keys->parsed()) {
      std::fputs(KeyReferenceMarkdown().c_str(), stdout);
      return kExitOk;
    }
    if (check->parsed()) return RunCheck(*o);
    if (test->parsed()) return RunTest(*o);
    if (sql->parsed()) return RunSql(*o);
    return -1;
  };
}

}  // namespace faultline
