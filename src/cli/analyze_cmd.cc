// `faultline analyze`: run the rules over the merged stream and explain the incidents found.
#include <chrono>
#include <memory>

#include "parsers/timestamp.h"
#include "src/base/cores.h"
#include "src/base/duration.h"
#include "src/base/terminal.h"
#include "src/cli/colour_option.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"
#include "src/cli/report.h"
#include "src/engine/episodes.h"
#include "src/engine/rule_loader.h"
#include "src/warehouse/warehouse_analysis.h"

namespace faultline {
namespace {

struct AnalyzeOptions {
  InputOptions input;
  std::vector<std::string> rule_dirs;
  std::string format = "text", from, to, since, fail_on = "warning", color = "auto";
  GroupOptions group;
  bool explain = false;
  int jobs = 0;        ///< 0: the cores this process may run on
  std::string engine;  ///< --engine URL: the records are in ClickHouse (src/warehouse/)
};

bool ResolveWindow(const AnalyzeOptions& o, AnalysisRequest* request, Reporter* reporter) {
  bool ok = true;
  if (!o.from.empty() && !ParseUserTime(o.from, &request->from)) {
    reporter->Error("--from: cannot read time '" + o.from + "'");
    ok = false;
  }
  if (!o.to.empty() && !ParseUserTime(o.to, &request->to)) {
    reporter->Error("--to: cannot read time '" + o.to + "'");
    ok = false;
  }
  if (!o.since.empty()) {
    int64_t span = 0;
    std::string err;
    if (!ParseDuration(o.since, &span, &err)) {
      reporter->Error("--since: " + err);
      ok = false;
    } else {
      int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
      request->from = std::max(request->from, now - span);
    }
  }
  return ok;
}

// --engine URL: the same analysis over the records shipped to ClickHouse (`faultline ship`).
bool RunInWarehouse(const AnalyzeOptions& o, const AnalysisRequest& request,
                    const std::vector<const Rule*>& rules, Reporter* reporter, Analysis* out) {
  WarehouseRequest warehouse;
  std::string error;
  if (!ParseClickHouseUrl(o.engine, &warehouse.url, &error)) {
    reporter->Error("--engine: " + error);
    return false;
  }
  warehouse.window = {request.from, request.to};
  warehouse.jobs = request.jobs;
  warehouse.every_candidate = o.explain;
  return AnalyzeWarehouse(warehouse, rules, reporter, out);
}

// What a run built (the rules' compiled patterns, the engines' queues, every match's evidence)
// goes back with the process: freed piece by piece it took about 2% of a run. Kept reachable
// from a static pointer, so that a leak checker does not count it as lost.
struct KeptToExit {
  std::vector<Rule> rules;
  Analysis analysis;
  KeptToExit* previous = nullptr;
};

void KeepToExit(std::unique_ptr<KeptToExit> kept) {
  static KeptToExit* last = nullptr;
  kept->previous = last;
  last = kept.release();
}

int RunAnalyze(const AnalyzeOptions& o) {
  Reporter reporter;
  AnalysisRequest request;
  request.paths = o.input.paths;
  request.config_files = o.input.configs;
  request.jobs = o.jobs > 0 ? o.jobs : UsableCores();
  bool ok = ResolveInputOptions(o.input, &request.open, &reporter);
  // Inputs are files, or with --engine the records already shipped: never both, nor neither.
  if (o.engine.empty() && o.input.paths.empty()) {
    reporter.Error("no input: give log files or directories (or --engine URL)");
    ok = false;
  } else if (!o.engine.empty() && (!o.input.paths.empty() || !o.input.configs.empty())) {
    reporter.Error(
        "--engine reads the records and configuration shipped to ClickHouse; give no "
        "paths or --config with it");
    ok = false;
  }
  ok &= ResolveWindow(o, &request, &reporter);
  Severity threshold = Severity::kWarning;
  ParseSeverity(o.fail_on, &threshold);  // checked by CLI11
  auto kept = std::make_unique<KeptToExit>();
  std::vector<Rule>& rules = kept->rules;
  std::vector<RuleDiagnostic> diagnostics;
  if (!LoadRuleSet(o.rule_dirs, &rules, &diagnostics, true, o.jobs > 0 ? o.jobs : UsableCores())) {
    for (const RuleDiagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.ToString().c_str());
    reporter.Error("rules have errors (listed above); nothing was analysed");
    return kExitError;
  }
  int64_t quiet = 0;
  ok &= ResolveQuietPeriod(o.group, &quiet, &reporter);
  if (!ok) return kExitError;
  Analysis& analysis = kept->analysis;
  std::vector<const Rule*> active;
  for (const Rule& rule : rules) active.push_back(&rule);
  if (!o.engine.empty()) {
    if (!RunInWarehouse(o, request, active, &reporter, &analysis)) return kExitError;
  } else if (!Analyze(request, active, &reporter, &analysis)) {
    return kExitError;
  }
  ReportOptions report{o.explain, o.format == "text" && UseColour(o.color, stdout)};
  if (!o.group.no_group) report.quiet_period = quiet;
  // The summary names each episode once (its worst occurrence); JSON lists every incident and
  // groups them under "episodes".
  std::vector<Incident> all;
  if (!o.group.no_group && o.format != "json") {
    all = std::move(analysis.incidents);
    analysis.incidents = EpisodeSummaries(all, quiet);
  }
  std::string text = o.format == "json"       ? RenderJson(analysis, report)
                     : o.format == "markdown" ? RenderMarkdown(analysis, report)
                     : o.format == "html"     ? RenderHtml(analysis, report)
                                              : RenderText(analysis, report);
  if (!all.empty()) analysis.incidents = std::move(all);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  KeepToExit(std::move(kept));
  bool found = std::any_of(analysis.incidents.begin(), analysis.incidents.end(),
                           [&](const Incident& i) { return i.severity >= threshold; });
  // An incident outranks a skipped input: it is what someone must act on, and the skipped input
  // was named on stderr. Without an incident, a skipped input means the check was incomplete.
  if (found) return kExitFound;
  return reporter.input_problems() > 0 ? kExitError : kExitOk;
}

}  // namespace

CommandRunner SetupAnalyze(CLI::App* app) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app->add_subcommand(
      "analyze", "Find incidents with the rules and explain their root cause, chain and remedy");
  AddInputOptions(cmd, &o->input, false);
  cmd->get_option("paths")->required(false);  // none with --engine; checked in RunAnalyze
  cmd->add_option("--format", o->format, "Report format: text, markdown, json or html")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json", "html"}));
  cmd->add_option("--rules", o->rule_dirs,
                  "Also load *.toml rules from DIR (repeatable); a rule with a built-in id "
                  "replaces it")
      ->type_name("DIR")
      ->allow_extra_args(false);
  cmd->add_option("--from", o->from, "Only records at or after TIME (UTC unless it has a zone)")
      ->type_name("TIME");
  cmd->add_option("--to", o->to, "Only records before TIME")->type_name("TIME");
  cmd->add_option("--since", o->since, "Only records logged within DUR before now")
      ->type_name("DUR");
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 when an incident at or above this severity is found: info, warning, "
                  "critical")
      ->capture_default_str()
      ->check(CLI::IsMember({"info", "warning", "critical"}));
  cmd->add_flag("--explain", o->explain,
                "Also say what was read and list near misses (all steps seen, outside a window)");
  cmd->add_option("-j,--jobs", o->jobs,
                  "Use N threads: one reads the inputs, N-1 engines match in parallel, each with a "
                  "share of the rules; -j 1 does both on one (default: the cores it may use). The "
                  "results are the same")
      ->type_name("N")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--engine", o->engine,
                  "Analyse the records shipped to ClickHouse (faultline ship) instead of files:\n"
                  "clickhouse://[USER[:PASSWORD]@]HOST[:PORT][/DB][?cluster=NAME]. Each rule runs\n"
                  "as SQL there (faultline rules sql) and only the records it needs come back")
      ->type_name("URL");
  AddGroupOptions(cmd, &o->group);
  AddColorOption(cmd, &o->color);
  cmd->footer(
      "Exit status: 0 no incident at or above --fail-on; 1 incidents found (even if an input\n"
      "was skipped); 2 error, or an input skipped and no incident found.\n"
      "Examples:\n"
      "  faultline analyze /var/log/zookeeper /var/log/hadoop-hdfs /etc/zookeeper/conf/zoo.cfg\n"
      "  cat zk.log zkfc.log | faultline analyze --format markdown -\n"
      "  faultline analyze --engine clickhouse://logs-db:8123/faultline --since 2h");
  return [cmd, o] { return cmd->parsed() ? RunAnalyze(*o) : -1; };
}

}  // namespace faultline
