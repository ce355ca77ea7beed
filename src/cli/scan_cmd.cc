// `faultline scan`: cron mode. Reads only what is new in each log since the last run (resuming
// by device, inode and a fingerprint of the first bytes, so renamed and gzipped rotations are
// followed), re-reads just enough before that to rebuild every rule's windows, and reports each
// incident once: new ones, and ones that grew, are printed; known ones are not.
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>

#include "src/base/atomic_write.h"
#include "src/base/cores.h"
#include "src/base/duration.h"
#include "src/base/failpoint.h"
#include "src/base/terminal.h"
#include "src/cli/colour_option.h"
#include "src/cli/commands.h"
#include "src/cli/html_escape.h"
#include "src/cli/input_options.h"
#include "src/cli/report.h"
#include "src/engine/episodes.h"
#include "src/engine/explain.h"
#include "src/engine/rule_loader.h"
#include "src/scan/episode_tracker.h"
#include "src/scan/file_identity.h"
#include "src/scan/input_plan.h"
#include "src/scan/news.h"
#include "src/scan/state_file.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

struct ScanOptions {
  InputOptions input;
  GroupOptions group;
  std::string state_path, report_dir, fail_on = "warning", format = "text", wait, color = "auto";
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

constexpr const char* kWorstMarker = "<!-- the worst occurrence -->\n";
constexpr const char* kWorstKey = ",\"worst\":";
constexpr const char* kEpisodeJsonStart = "{\"schema\":\"faultline.episode/1\",\"episode\":";

// --nagios: one status line with performance data; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
// The status follows the worst of the new incidents and, when grouping, of the episodes still
// open: an ongoing critical problem stays CRITICAL until it has ended.
int PrintNagios(const std::vector<Incident>& news, const std::vector<EpisodeState>* open,
                int64_t lines, int64_t unparsed, bool problem, const char* nothing_new) {
  int by_severity[3] = {0, 0, 0};
  for (const Incident& i : news) ++by_severity[static_cast<int>(i.severity)];
  int worst_open = -1;
  if (open != nullptr) {
    for (const EpisodeState& e : *open) worst_open = std::max(worst_open, e.severity);
  }
  int worst = std::max(worst_open, by_severity[2] > 0 ? 2 : by_severity[1] > 0 ? 1 : -1);
  int status = worst == 2 ? 2 : worst == 1 ? 1 : problem ? 3 : 0;
  static const char* kNames[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
  std::string first = !news.empty() ? news.front().primary->rule->title
                      : problem     ? "an input could not be read"
                                    : nothing_new;
  std::string episodes;
  if (open != nullptr) episodes = ", " + std::to_string(open->size()) + " open episode(s)";
  std::printf(
      "FAULTLINE %s - %zu new incident(s)%s: %s | lines=%lld unparsed=%lld critical=%d "
      "warning=%d info=%d%s\n",
      kNames[status], news.size(), episodes.c_str(), first.c_str(), static_cast<long long>(lines),
      static_cast<long long>(unparsed), by_severity[2], by_severity[1], by_severity[0],
      open != nullptr ? (" open=" + std::to_string(open->size())).c_str() : "");
  return status;
}

// Rewrites the header of an episode's report files, keeping the worst occurrence written
// before (the part after the header is not re-rendered: its evidence may be in lines this run
// did not read). Files that are missing are left missing.
bool UpdateEpisodeHeader(const std::string& base, const EpisodeState& e, const std::string& state,
                         int64_t quiet, std::string* err) {
  AtomicWriteOptions write;
  write.what = "report file";
  write.failpoint = "report";
  auto slurp = [](const std::string& path, std::string* text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    text->assign(std::istreambuf_iterator<char>(in), {});
    return true;
  };
  std::string md, json;
  if (slurp(base + ".md", &md)) {
    size_t mark = md.find(kWorstMarker);
    std::string tail = mark == std::string::npos ? std::string(kWorstMarker) : md.substr(mark);
    if (!WriteFileAtomically(base + ".md", EpisodeMarkdownHeader(e, state, quiet) + tail, write,
                             err)) {
      return false;
    }
  }
  if (slurp(base + ".json", &json)) {
    size_t mark = json.find(kWorstKey);
    std::string tail =
        mark == std::string::npos ? std::string(kWorstKey) + "null}\n" : json.substr(mark);
    return WriteFileAtomically(base + ".json",
                               kEpisodeJsonStart + EpisodeJsonHeader(e, state) + tail, write, err);
  }
  return true;
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
  int64_t quiet = kDefaultQuietPeriod;
  if (!ResolveQuietPeriod(o.group, &quiet, &reporter)) return kExitError;
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
      return PrintNagios({}, o.group.no_group ? nullptr : &state.episodes, 0, 0, false,
                         "no new data");
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
  if (o.quiet || o.nagios) request.open.progress = nullptr;  // a check's output, no status line
  Severity threshold = Severity::kWarning;
  ParseSeverity(o.fail_on, &threshold);
  std::vector<Rule> rules;
  std::vector<RuleDiagnostic> diagnostics;
  if (!LoadRuleSet(o.rule_dirs, &rules, &diagnostics, true, UsableCores())) {
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
    next.files.push_back(RememberFile(
        *info, id, ContentFingerprint(info->path, std::min(kFingerprintBytes, info->end_offset))));
  }
  std::vector<ReportedIncident> reported = state.reported;
  reported.insert(reported.end(), news.remember.begin(), news.remember.end());
  next.reported =
      KeepReported(std::move(reported),
                   replay_from == INT64_MIN ? INT64_MIN : replay_from - span - 3'600'000'000LL);

  // Episodes: repeats of one rule on one host are news when their episode opens or escalates,
  // and once more when it ends; the rest only update the episode's report files.
  EpisodeOutcome episodes;
  std::vector<std::string> report_names = news.keys;  // per incident: its report files
  for (std::string& key : report_names) key = ReportName(key);
  std::vector<Incident> printed;
  next.episodes = state.episodes;  // kept as they are by a --no-group run
  if (o.group.no_group) {
    printed = analysis.incidents;
  } else {
    std::map<std::string, int64_t> now_by_host;
    for (const auto& info : analysis.sources.infos) {
      if (info->host.empty() || info->last_instant == kNoInstant) continue;
      int64_t& now = now_by_host.emplace(info->host, INT64_MIN).first->second;
      now = std::max(now, info->last_instant);
    }
    episodes = TrackEpisodes(&analysis.incidents, news.keys, quiet, now_by_host, next.watermark,
                             &next.episodes);
    for (size_t i = 0; i < analysis.incidents.size(); ++i) {
      const EpisodeOutcome::Joined& j = episodes.joined[i];
      report_names[i] =
          j.in_resolved ? episodes.resolved[j.episode].name : next.episodes[j.episode].name;
      if (j.print) printed.push_back(analysis.incidents[i]);
    }
  }

  // Output first, state last: a run killed in between delivers the same incidents again (report
  // files under names fixed by the incident are rewritten, not doubled) rather than losing them.
  ReportOptions report{false, o.format == "text" && UseColour(o.color, stdout)};
  if (!o.report_dir.empty()) {
    AtomicWriteOptions write;
    write.what = "report file";
    write.failpoint = "report";
    auto render = [&](const Incident& incident, std::string* md, std::string* json,
                      std::string* html) {
      Analysis one;
      one.incidents = {incident};
      one.engine = nullptr;
      one.records = analysis.records;
      *md = RenderMarkdown(one, report);
      *json = RenderJson(one, report);
      *html = RenderHtml(one, report);
    };
    auto fail = [&] {
      // Not delivered: the state stays where it was, so the next run tries again.
      return Stop(o, &reporter, err + "; the state " + o.state_path + " is untouched");
    };
    if (o.group.no_group) {
      for (size_t i = 0; i < analysis.incidents.size(); ++i) {
        std::string base = o.report_dir + "/" + report_names[i], md, json, html;
        render(analysis.incidents[i], &md, &json, &html);
        if (!WriteFileAtomically(base + ".md", md, write, &err) ||
            !WriteFileAtomically(base + ".json", json, write, &err) ||
            !WriteFileAtomically(base + ".html", html, write, &err)) {
          return fail();
        }
      }
    } else {
      // One file pair per episode: the worst occurrence written when it opens or escalates
      // (the last such incident of this run), otherwise only the header brought up to date.
      std::map<std::string, std::pair<const EpisodeState*, std::string>> touched;  // name ->
      std::map<std::string, const Incident*> worst;
      for (size_t i = 0; i < analysis.incidents.size(); ++i) {
        const EpisodeOutcome::Joined& j = episodes.joined[i];
        const EpisodeState* e =
            j.in_resolved ? &episodes.resolved[j.episode] : &next.episodes[j.episode];
        touched[e->name] = {e, j.in_resolved ? "resolved" : "open"};
        if (j.print) worst[e->name] = &analysis.incidents[i];
      }
      for (const EpisodeState& e : episodes.resolved) touched[e.name] = {&e, "resolved"};
      for (const auto& [name, what] : touched) {
        std::string base = o.report_dir + "/" + name;
        auto w = worst.find(name);
        if (w == worst.end()) {
          if (!UpdateEpisodeHeader(base, *what.first, what.second, quiet, &err)) return fail();
          continue;
        }
        // The HTML page shows the worst occurrence; the episode's counts are in .md and .json.
        std::string md, json, html;
        render(*w->second, &md, &json, &html);
        while (!json.empty() && json.back() == '\n') json.pop_back();
        if (!WriteFileAtomically(
                base + ".md",
                EpisodeMarkdownHeader(*what.first, what.second, quiet) + kWorstMarker + md, write,
                &err) ||
            !WriteFileAtomically(base + ".json",
                                 kEpisodeJsonStart + EpisodeJsonHeader(*what.first, what.second) +
                                     kWorstKey + json + "}\n",
                                 write, &err) ||
            !WriteFileAtomically(base + ".html", html, write, &err)) {
          return fail();
        }
      }
    }
  }
  Failpoint("reports-written");

  bool found_new = std::any_of(printed.begin(), printed.end(),
                               [&](const Incident& i) { return i.severity >= threshold; });
  int64_t lines = 0, unparsed = 0;
  for (const auto& info : analysis.sources.infos) {
    lines += info->lines;
    unparsed += info->unparsed;
  }
  int status = found_new                                                ? kExitFound
               : reporter.input_problems() > 0 || reporter.errors() > 0 ? kExitError
                                                                        : kExitOk;
  analysis.incidents = std::move(printed);
  bool news_to_tell = !analysis.incidents.empty() || !episodes.resolved.empty();
  if (!o.nagios && (news_to_tell || !o.quiet)) {
    std::string text = o.format == "json"       ? RenderJson(analysis, report)
                       : o.format == "markdown" ? RenderMarkdown(analysis, report)
                       : o.format == "html"     ? RenderHtml(analysis, report)
                                                : RenderText(analysis, report);
    size_t read = text.find("Read ");
    if (o.format == "text" && analysis.incidents.empty() && read != std::string::npos) {
      text = episodes.resolved.empty() ? "No new incident. " + text.substr(read) : "";
    }
    // Episodes that ended: one line each (JSON: a "resolved" array).
    std::string resolved = o.format == "json" ? ",\"resolved\":[" : "";
    for (const EpisodeState& e : episodes.resolved) {
      if (o.format == "json") {
        if (resolved.back() != '[') resolved.push_back(',');
        resolved += EpisodeJsonHeader(e, "resolved");
      } else {
        resolved += (o.format == "markdown" ? "- " : "") + std::string("Resolved: ") + e.key +
                    ": no occurrence for " + FormatDuration(quiet) + " (" +
                    std::to_string(e.count) + " occurrence(s) from " + InstantString(e.first) +
                    " to " + InstantString(e.last) + " UTC)\n";
      }
    }
    if (o.format == "html") {
      if (!episodes.resolved.empty()) {
        text.insert(text.rfind("</main>"),
                    "<section><h2>Resolved</h2><pre>" + HtmlEscape(resolved) + "</pre></section>");
      }
    } else if (o.format == "json") {
      size_t end = text.rfind('}');
      if (end != std::string::npos && !episodes.resolved.empty()) {
        text.insert(end, resolved + "]");
      }
    } else {
      text += resolved;
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  if (o.nagios) {
    status = PrintNagios(analysis.incidents, o.group.no_group ? nullptr : &next.episodes, lines,
                         unparsed, reporter.input_problems() > 0 || reporter.errors() > 0,
                         "no new incident");
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
                  "Also write one Markdown, one JSON and one HTML file per new or updated "
                  "incident here")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--format", o->format, "Output format: text, markdown, json or html")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json", "html"}));
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
  AddGroupOptions(cmd, &o->group);
  AddColorOption(cmd, &o->color);
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
