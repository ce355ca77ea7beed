// `faultline scan`: cron mode. Reads only what is new in each log since the last run (resuming
// by device, inode and a fingerprint of the first bytes, so renamed and gzipped rotations are
// followed), re-reads just enough before that to rebuild every rule's windows, and reports each
// incident once: new ones, and ones that grew, are printed; known ones are not.
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "src/base/duration.h"
#include "src/base/terminal.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"
#include "src/cli/report.h"
#include "src/engine/explain.h"
#include "src/engine/rule_loader.h"
#include "src/scan/atomic_write.h"
#include "src/scan/failpoint.h"
#include "src/scan/file_identity.h"
#include "src/scan/input_plan.h"
#include "src/scan/news.h"
#include "src/scan/state_file.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

struct ScanOptions {
  InputOptions input;
  std::string state_path, report_dir, fail_on = "warning", format = "text", wait;
  std::vector<std::string> rule_dirs;
  bool quiet = false, reset_state = false, stats = false, nagios = false;
};

// --stats: one block on stderr, so it can go to a log while stdout goes to mail.
void PrintStats(const Analysis& a, int64_t lines, int64_t unparsed,
                std::chrono::steady_clock::time_point started) {
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int64_t bytes = 0;
  for (const auto& info : a.sources.infos) bytes += info->end_offset - info->replay_offset;
  std::fprintf(stderr, "faultline: stats: %lld lines read, %lld bytes, %lld unparsed, %.3f s",
               static_cast<long long>(lines), static_cast<long long>(bytes),
               static_cast<long long>(unparsed), seconds);
  if (seconds > 0) std::fprintf(stderr, ", %.0f lines/s", static_cast<double>(lines) / seconds);
  std::fprintf(stderr, "\n");
  std::map<std::string, int> per_rule;
  for (const Match& m : a.engine->matches()) ++per_rule[m.rule->id];
  for (const auto& [id, count] : per_rule) {
    std::fprintf(stderr, "faultline: stats: rule %s: %d match(es)\n", id.c_str(), count);
  }
}

// --nagios: one status line with performance data; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
int PrintNagios(const std::vector<Incident>& news, int64_t lines, int64_t unparsed, bool problem) {
  int by_severity[3] = {0, 0, 0};
  for (const Incident& i : news) ++by_severity[static_cast<int>(i.severity)];
  int status = by_severity[2] > 0 ? 2 : by_severity[1] > 0 ? 1 : problem ? 3 : 0;
  static const char* kNames[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
  std::string first = news.empty() ? (problem ? "an input could not be read" : "no new incident")
                                   : news.front().primary->rule->title;
  std::printf(
      "FAULTLINE %s - %zu new incident(s): %s | lines=%lld unparsed=%lld critical=%d "
      "warning=%d info=%d\n",
      kNames[status], news.size(), first.c_str(), static_cast<long long>(lines),
      static_cast<long long>(unparsed), by_severity[2], by_severity[1], by_severity[0]);
  return status;
}

// A problem that stops the run before it does anything: one line on stderr, and for --nagios an
// UNKNOWN status line (exit 3); otherwise exit 2.
int Stop(const ScanOptions& o, Reporter* reporter, const std::string& why) {
  reporter->Error(why);
  if (o.nagios) {
    std::printf("FAULTLINE UNKNOWN - %s\n", why.c_str());
    return 3;
  }
  return kExitError;
}

int RunScan(const ScanOptions& o) {
  auto started = std::chrono::steady_clock::now();
  Reporter reporter;
  StateLock lock;
  std::string err;
  int64_t wait_us = 0;
  if (!o.wait.empty() && !ParseDuration(o.wait, &wait_us, &err)) {
    return Stop(o, &reporter, "--wait " + o.wait + ": " + err);
  }
  if (!lock.Acquire(o.state_path, &err, wait_us / 1000)) {
    return Stop(o, &reporter, err + "; this run does nothing");
  }
  ScanState state;
  bool state_sound = true;  // read from the state file itself (not the previous generation)
  if (!o.reset_state) {
    std::string recovered;
    if (!ReadStateOrPrevious(o.state_path, &state, &err, &recovered)) {
      return Stop(o, &reporter, err);
    }
    if (!recovered.empty()) {
      reporter.Warning(recovered);
      state_sound = false;
    }
  }
  std::vector<InputProblem> problems;
  std::vector<std::string> config_files = o.input.configs;
  std::vector<InputFile> found = ExpandInputs(o.input.paths, &problems, &config_files);
  InputPlan plan = PlanInputs(found, state);

  // Nothing changed since the last run: nothing to read, report or save.
  if (plan.idle && problems.empty() && !o.reset_state && state_sound) {
    if (o.stats) {
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "faultline: stats: idle: %zu file(s) unchanged, 0 bytes read, %.3f s\n",
                   found.size(), seconds);
    }
    if (o.nagios) {
      std::printf(
          "FAULTLINE OK - 0 new incident(s): no new data | lines=0 unparsed=0 critical=0 warning=0 "
          "info=0\n");
    }
    return kExitOk;
  }
  for (const InputProblem& p : problems) reporter.InputProblem(p.path, p.why);
  // A state that cannot be saved would make every later run report the same incidents again:
  // find out before reading anything.
  if (!ProbeWritableDirectory(o.state_path, &err)) {
    return Stop(o, &reporter, err + "; the state " + o.state_path + " is untouched");
  }

  // What runs killed mid-write left behind (their files are whole or absent, never half).
  RemoveStaleTemporaries(fs::path(o.state_path).parent_path().empty()
                             ? "."
                             : fs::path(o.state_path).parent_path().string(),
                         fs::path(o.state_path).filename().string());
  if (!o.report_dir.empty()) RemoveStaleTemporaries(o.report_dir);

  AnalysisRequest request;
  request.cron = true;
  request.config_files = config_files;
  if (!ResolveInputOptions(o.input, &request.open, &reporter)) return kExitError;
  Severity threshold = Severity::kWarning;
  ParseSeverity(o.fail_on, &threshold);
  std::vector<Rule> rules;
  std::vector<RuleDiagnostic> diagnostics;
  if (!LoadRuleSet(o.rule_dirs, &rules, &diagnostics)) {
    for (const RuleDiagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.ToString().c_str());
    reporter.Error("rules have errors (listed above); nothing was scanned");
    return kExitError;
  }
  request.inputs = plan.inputs;
  std::vector<const Rule*> active;
  for (const Rule& rule : rules) active.push_back(&rule);
  Analysis analysis;
  if (!Analyze(request, active, &reporter, &analysis)) return kExitError;

  // Exactly once: only matches with a step beyond what earlier runs read can be news (see
  // src/scan/news.h), and of those only the ones never reported.
  std::map<std::string, int64_t> decided;  // by source name, as evidence names it
  for (const auto& info : analysis.sources.infos) {
    auto known = plan.decided_lines.find(info->path);
    if (known != plan.decided_lines.end()) decided[info->name] = known->second;
  }
  News news = SelectNews(analysis.incidents, state.reported, decided, state.watermark);
  std::vector<Incident> reported_now;
  for (size_t i = 0; i < news.incidents.size(); ++i) {
    Incident& incident = analysis.incidents[news.incidents[i]];
    incident.status = news.status[i];
    reported_now.push_back(std::move(incident));
  }
  analysis.incidents = std::move(reported_now);

  // Every log resumes early enough for the slowest one (a rule window may have opened in a log
  // that has already moved on while another lags behind), and never inside a chain.
  int64_t slowest = INT64_MAX;
  for (const auto& info : analysis.sources.infos) {
    if (info->last_instant != kNoInstant) slowest = std::min(slowest, info->last_instant);
  }
  int64_t span = analysis.engine->LongestSpan() + 60'000'000;
  int64_t replay_from =
      slowest == INT64_MAX ? INT64_MIN : ReplayFrom(slowest, span, analysis.engine->matches());
  for (auto& info : analysis.sources.infos) {
    if (slowest == INT64_MAX || info->last_instant == kNoInstant) continue;
    ChooseResumePoint(info.get(), std::min(info->last_instant - span, replay_from));
  }

  // What to remember of each file: where it was left, and how it looked before it was read.
  std::map<std::string, size_t> planned;
  for (size_t i = 0; i < plan.inputs.size(); ++i) planned.emplace(plan.inputs[i].path, i);
  ScanState next;
  next.runs = state.runs + 1;
  next.watermark = std::max(state.watermark, analysis.engine->last_instant());
  for (const auto& info : analysis.sources.infos) {
    if (!info->problem.empty() && info->lines == 0 && info->end_offset == 0) continue;
    auto p = planned.find(info->path);
    if (p == planned.end() || !plan.stat_ok[p->second]) continue;
    const FileIdentity& id = plan.stats[p->second];
    FileState file;
    file.path = info->path;
    file.device = id.device;
    file.inode = id.inode;
    file.size = id.size;
    file.mtime_ns = id.mtime_ns;
    file.fingerprint =
        ContentFingerprint(info->path, std::min(kFingerprintBytes, info->end_offset));
    file.offset = info->end_offset;
    file.line = info->end_line;
    file.replay_offset = info->replay_offset;
    file.replay_line = info->replay_line;
    file.last_instant = info->last_instant;
    next.files.push_back(file);
  }
  std::vector<ReportedIncident> reported = state.reported;
  reported.insert(reported.end(), news.remember.begin(), news.remember.end());
  next.reported =
      KeepReported(std::move(reported),
                   replay_from == INT64_MIN ? INT64_MIN : replay_from - span - 3'600'000'000LL);

  // Output first, state last: a run killed in between delivers the same incidents again (report
  // files under names fixed by the incident are rewritten, not doubled) rather than losing them.
  ReportOptions report{false, false};
  if (!o.report_dir.empty()) {
    AtomicWriteOptions write;
    write.what = "report file";
    write.failpoint = "report";
    for (size_t i = 0; i < analysis.incidents.size(); ++i) {
      Analysis one;
      one.incidents = {analysis.incidents[i]};
      one.engine = nullptr;
      one.records = analysis.records;
      std::string base = o.report_dir + "/" + ReportName(news.keys[i]);
      if (!WriteFileAtomically(base + ".md", RenderMarkdown(one, report), write, &err) ||
          !WriteFileAtomically(base + ".json", RenderJson(one, report), write, &err)) {
        // Not delivered: the state stays where it was, so the next run tries again.
        return Stop(o, &reporter, err + "; the state " + o.state_path + " is untouched");
      }
    }
  }
  Failpoint("reports-written");

  bool found_new = std::any_of(analysis.incidents.begin(), analysis.incidents.end(),
                               [&](const Incident& i) { return i.severity >= threshold; });
  int64_t lines = 0, unparsed = 0;
  for (const auto& info : analysis.sources.infos) {
    lines += info->lines;
    unparsed += info->unparsed;
  }
  int status = found_new                                                ? kExitFound
               : reporter.input_problems() > 0 || reporter.errors() > 0 ? kExitError
                                                                        : kExitOk;
  if (!o.nagios && (!analysis.incidents.empty() || !o.quiet)) {
    std::string text = o.format == "json"       ? RenderJson(analysis, report)
                       : o.format == "markdown" ? RenderMarkdown(analysis, report)
                                                : RenderText(analysis, report);
    size_t read = text.find("Read ");
    if (o.format == "text" && analysis.incidents.empty() && read != std::string::npos) {
      text = "No new incident. " + text.substr(read);
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  if (o.nagios) {
    status = PrintNagios(analysis.incidents, lines, unparsed,
                         reporter.input_problems() > 0 || reporter.errors() > 0);
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    return Stop(o, &reporter,
                std::string("cannot write the output: ") + std::strerror(errno) + "; the state " +
                    o.state_path + " is untouched, the next run reports the same again");
  }
  Failpoint("output-written");
  if (!WriteState(o.state_path, next, &err, state_sound && !o.reset_state)) {
    reporter.Error(err + " (the output above will be reported again by the next run)");
    return o.nagios ? 3 : kExitError;
  }
  Failpoint("state-saved");
  if (o.stats) PrintStats(analysis, lines, unparsed, started);
  return status;
}

}  // namespace

CommandRunner SetupScan(CLI::App* app) {
  auto o = std::make_shared<ScanOptions>();
  CLI::App* cmd = app->add_subcommand(
      "scan", "Cron mode: analyse only what is new since the last run, report each incident once");
  AddInputOptions(cmd, &o->input, false);
  cmd->add_option("--state", o->state_path, "State file (created if missing; locked while running)")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--report-dir", o->report_dir,
                  "Also write one Markdown and one JSON file per new or updated incident here")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--format", o->format, "Output format: text, markdown or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("--rules", o->rule_dirs, "Also load rules from DIR (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 for new or updated incidents at or above: info, warning, critical")
      ->capture_default_str()
      ->check(CLI::IsMember({"info", "warning", "critical"}));
  cmd->add_flag("--quiet", o->quiet,
                "Print nothing when there is nothing new (cron mails only news)");
  cmd->add_flag("--stats", o->stats,
                "Print lines, bytes, unparsed lines, time and matches per rule on stderr");
  cmd->add_flag("--nagios", o->nagios,
                "Print one Nagios/Icinga status line with performance data; exit 0 OK, 1 "
                "WARNING, 2 CRITICAL, 3 UNKNOWN");
  cmd->add_flag("--reset-state", o->reset_state,
                "Start afresh, discarding the state file (and its previous generation)");
  cmd->add_option("--wait", o->wait,
                  "When another scan holds the state, wait this long for it (e.g. 30s) before "
                  "giving up with exit 2")
      ->type_name("DUR");
  cmd->footer(
      "Exit status: 0 nothing new (a run that finds every log as it left it reads and prints\n"
      "nothing); 1 new or updated incidents at or above --fail-on; 2 error (also: another scan\n"
      "holds the state's lock past --wait, or the state's directory is read-only or full; the\n"
      "state is then untouched). Reports and output go out before the state advances; a corrupt\n"
      "state is recovered from its previous generation (STATE.prev).\n"
      "Example crontab line:\n"
      "  */5 * * * * faultline scan --quiet --state /var/lib/faultline/state /var/log/zookeeper "
      "/var/log/hadoop-hdfs");
  return [cmd, o] { return cmd->parsed() ? RunScan(*o) : -1; };
}

}  // namespace faultline
