// `faultline scan`: cron mode. Reads only what is new in each log since the last run (resuming
// by device, inode and a fingerprint of the first bytes, so renamed and gzipped rotations are
// followed), re-reads just enough before that to rebuild every rule's windows, and reports each
// incident once: new ones, and ones that grew, are printed; known ones are not.
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "src/base/terminal.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"
#include "src/cli/report.h"
#include "src/engine/explain.h"
#include "src/engine/rule_loader.h"
#include "src/scan/file_identity.h"
#include "src/scan/state_file.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

struct ScanOptions {
  InputOptions input;
  std::string state_path, report_dir, fail_on = "warning", format = "text";
  std::vector<std::string> rule_dirs;
  bool quiet = false, reset_state = false, stats = false, nagios = false;
};

// Where each current file resumes: matched to what the state remembers of it, by path and
// inode first, then by content fingerprint (a rotated, possibly gzipped copy).
std::vector<InputFile> PlanInputs(const std::vector<InputFile>& found, const ScanState& state,
                                  std::map<std::string, int64_t>* known_offsets) {
  std::vector<InputFile> plan = found;
  std::vector<bool> taken(state.files.size(), false);
  auto resume = [&](InputFile* in, size_t k) {
    const FileState& old = state.files[k];
    taken[k] = true;
    in->start_offset = old.replay_offset;
    in->start_line = old.replay_line;
    (*known_offsets)[in->path] = old.offset;
  };
  for (InputFile& in : plan) {
    in.complete_lines_only = true;
    FileIdentity id;
    std::string err;
    if (!StatIdentity(in.path, &id, &err)) continue;
    std::error_code ec;
    int64_t size = static_cast<int64_t>(fs::file_size(in.path, ec));
    bool gz = in.path.size() > 3 && in.path.compare(in.path.size() - 3, 3, ".gz") == 0;
    for (int pass = 0; pass < 2 && known_offsets->count(in.path) == 0; ++pass) {
      for (size_t k = 0; k < state.files.size(); ++k) {
        const FileState& old = state.files[k];
        if (taken[k]) continue;
        bool same_inode = old.device == id.device && old.inode == id.inode;
        if (pass == 0 && !same_inode) continue;  // first pass: the same file, by inode
        if (!gz && size < old.offset) continue;  // shrank: truncated (copytruncate) or replaced
        if (!MatchesFingerprint(in.path, old.fingerprint)) continue;
        resume(&in, k);
        break;
      }
    }
  }
  return plan;
}

// The report files' name for an incident key "rule|host|2019-09-17T05:04:12.043000Z|8a6d8564":
// "2019-09-17T05-04-12_zk-txn-timeout-zkfc-exit_zk-leader_8a6d8564" (time, rule, host, digest of
// the root line), so two incidents of one rule in one second still get files of their own, and an
// update rewrites the files of the incident it updates.
std::string ReportName(const std::string& key) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t bar = key.find('|', start);
    parts.push_back(key.substr(start, bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (parts.size() != 4) parts = {"incident", "", "", key};
  std::string name = parts[2].substr(0, 19) + "_" + parts[0] + "_" + parts[1] + "_" + parts[3];
  for (char& c : name) {
    bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    if (!plain) c = '-';
  }
  return name;
}

bool WriteAtomically(const std::string& path, const std::string& text, std::string* err) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    if (!out.flush()) return *err = "cannot write " + tmp, false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return *err = "cannot rename " + tmp + ": " + ec.message(), false;
  return true;
}

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

int RunScan(const ScanOptions& o) {
  auto started = std::chrono::steady_clock::now();
  Reporter reporter;
  StateLock lock;
  std::string err;
  if (!lock.Acquire(o.state_path, &err)) {
    reporter.Error(err + "; this run does nothing");
    return kExitError;
  }
  ScanState state;
  if (!o.reset_state && !ReadState(o.state_path, &state, &err)) {
    reporter.Error(err);
    return kExitError;
  }
  AnalysisRequest request;
  request.cron = true;
  request.config_files = o.input.configs;
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
  std::vector<InputProblem> problems;
  std::vector<InputFile> found = ExpandInputs(o.input.paths, &problems, &request.config_files);
  for (const InputProblem& p : problems) reporter.InputProblem(p.path, p.why);
  std::map<std::string, int64_t> known_offsets;
  request.inputs = PlanInputs(found, state, &known_offsets);
  std::vector<const Rule*> active;
  for (const Rule& rule : rules) active.push_back(&rule);
  Analysis analysis;
  if (!Analyze(request, active, &reporter, &analysis)) return kExitError;

  // Exactly once: each match is remembered with the incident it was reported in. Matches are
  // remembered one by one, so an incident grouped differently in a later run (one more match
  // joined, or one fewer re-read) is still recognised: it is news only if one of its matches was
  // never reported, and an update of the incident that reported any of the others.
  std::map<std::string, std::string> incident_of;  // match fingerprint -> incident key
  for (const ReportedIncident& r : state.reported) incident_of[r.fingerprint] = r.incident;
  std::vector<Incident> news;
  std::vector<std::string> keys;  // of each incident in news: names its report files
  int64_t newest = INT64_MIN;
  for (Incident& incident : analysis.incidents) {
    newest = std::max(newest, incident.last);
    std::string key;
    std::vector<std::pair<std::string, const Match*>> fresh;  // fingerprint, match
    for (const Match* m : incident.matches) {
      std::string fingerprint = Fingerprint(*m);
      auto known = incident_of.find(fingerprint);
      if (known == incident_of.end()) {
        fresh.emplace_back(std::move(fingerprint), m);
      } else if (key.empty()) {
        key = known->second;
      }
    }
    if (fresh.empty()) continue;
    incident.status = key.empty() ? "new" : "updated";
    if (key.empty()) key = incident.fingerprint;
    for (const auto& [fingerprint, m] : fresh) {
      state.reported.push_back({fingerprint, m->last, key});
      incident_of[fingerprint] = key;
    }
    news.push_back(std::move(incident));
    keys.push_back(key);
  }
  analysis.incidents = std::move(news);

  // Every log resumes early enough for the slowest one: a rule window may have opened in a log
  // that has already moved on while another (a ZKFC still writing its last line) lags behind.
  int64_t slowest = INT64_MAX;
  for (const auto& info : analysis.sources.infos) {
    if (info->last_instant != kNoInstant) slowest = std::min(slowest, info->last_instant);
  }
  int64_t span = analysis.engine->LongestSpan() + 60'000'000;
  for (auto& info : analysis.sources.infos) {
    if (slowest == INT64_MAX || info->last_instant == kNoInstant) continue;
    ChooseResumePoint(info.get(), std::min(info->last_instant, slowest) - span);
  }

  // What to remember of each file.
  ScanState next;
  next.runs = state.runs + 1;
  for (const auto& info : analysis.sources.infos) {
    if (!info->problem.empty() && info->lines == 0 && info->end_offset == 0) continue;
    FileState file;
    file.path = info->path;
    FileIdentity id;
    if (!StatIdentity(info->path, &id, &err)) continue;
    file.device = id.device;
    file.inode = id.inode;
    file.fingerprint =
        ContentFingerprint(info->path, std::min(kFingerprintBytes, info->end_offset));
    file.offset = info->end_offset;
    file.line = info->end_line;
    file.replay_offset = info->replay_offset;
    file.replay_line = info->replay_line;
    file.last_instant = info->last_instant;
    next.files.push_back(file);
  }
  // Forget incidents long past every window.
  int64_t horizon = INT64_MIN;
  if (newest != INT64_MIN)
    horizon = newest - 2 * (analysis.engine->LongestSpan() + 3'600'000'000LL);
  for (const ReportedIncident& r : state.reported) {
    if (r.last_instant >= horizon) next.reported.push_back(r);
  }
  // Reports go out before the state is saved, under names fixed by the incident, so a run killed
  // in between writes the same files again rather than losing them.
  ReportOptions report{false, false};
  if (!o.report_dir.empty()) {
    for (size_t i = 0; i < analysis.incidents.size(); ++i) {
      Analysis one;
      one.incidents = {analysis.incidents[i]};
      one.engine = nullptr;
      std::string name = ReportName(keys[i]);
      std::string base = o.report_dir + "/" + name;
      one.records = analysis.records;
      if (!WriteAtomically(base + ".md", RenderMarkdown(one, report), &err) ||
          !WriteAtomically(base + ".json", RenderJson(one, report), &err)) {
        reporter.Error(err);
      }
    }
  }
  if (!WriteState(o.state_path, next, &err)) {
    reporter.Error(err);
    return kExitError;
  }

  bool found_new = std::any_of(analysis.incidents.begin(), analysis.incidents.end(),
                               [&](const Incident& i) { return i.severity >= threshold; });
  int64_t lines = 0, unparsed = 0;
  for (const auto& info : analysis.sources.infos) {
    lines += info->lines;
    unparsed += info->unparsed;
  }
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
  if (o.stats) PrintStats(analysis, lines, unparsed, started);
  if (o.nagios) {
    return PrintNagios(analysis.incidents, lines, unparsed,
                       reporter.input_problems() > 0 || reporter.errors() > 0);
  }
  if (found_new) return kExitFound;
  return reporter.input_problems() > 0 || reporter.errors() > 0 ? kExitError : kExitOk;
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
                "Start afresh, discarding an unreadable state file");
  cmd->footer(
      "Exit status: 0 nothing new; 1 new or updated incidents at or above --fail-on; 2 error\n"
      "(also: another scan holds the state's lock).\n"
      "Example crontab line:\n"
      "  */5 * * * * faultline scan --quiet --state /var/lib/faultline/state /var/log/zookeeper "
      "/var/log/hadoop-hdfs");
  return [cmd, o] { return cmd->parsed() ? RunScan(*o) : -1; };
}

}  // namespace faultline
