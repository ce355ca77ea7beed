// `faultline ship URL PATHS...`: parse at the edge, correlate centrally. Reads the logs as `events`
// does and inserts every record into ClickHouse (src/warehouse/), with the sources and the
// configuration values among the inputs. With --state, a run ships only what is new since the
// last one, exactly once: scan's state file and input planning follow each log through rotation,
// the state advances only after ClickHouse acknowledged every insert, and a run that died between
// an acknowledged insert and its state write is detected (STATE.shipping is still there) and
// followed by one that checks each batch against the table before sending it.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "src/base/atomic_write.h"
#include "src/base/duration.h"
#include "src/base/failpoint.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"
#include "src/engine/config_values.h"
#include "src/scan/file_identity.h"
#include "src/scan/input_plan.h"
#include "src/scan/state_file.h"
#include "src/store/learnt_layouts.h"
#include "src/warehouse/clickhouse_client.h"
#include "src/warehouse/event_batcher.h"
#include "src/warehouse/record_rows.h"
#include "src/warehouse/schema.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

struct ShipOptions {
  InputOptions input;
  std::string url, state_path, wait, timeout = "5m";
  bool quiet = false;
  size_t batch_bytes = kDefaultBatchBytes;
};

int Stop(Reporter* reporter, const std::string& why) {
  reporter->Error(why);
  return kExitError;
}

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A source's key in the warehouse: the digest of its first bytes (as scan's state keeps it, so it
// follows the log through rotation and gzip) and its host; a demultiplexed stream adds its name.
std::string SourceKey(const SourceInfo& info, const std::string& fingerprint) {
  std::string key = fingerprint.empty() ? "path:" + info.path : fingerprint;
  key += "@" + info.host;
  if (info.demultiplexed || fingerprint.empty()) key += "#" + info.name;
  return key;
}

void AppendField(std::string* row, std::string_view text) {
  if (!row->empty() && row->back() != '\n') row->push_back('\t');
  AppendTsvField(row, text);
}

void AppendNumber(std::string* row, int64_t value) { AppendField(row, std::to_string(value)); }

constexpr std::string_view kSourceColumns =
    "source, host, path, name, component, layout, zone, compressed, first_line, last_line, "
    "lines, records, continuation_lines, unparsed, out_of_order, inherited_time, first_instant, "
    "last_instant, shipped_at";

void AppendSourceRow(std::string* out, const SourceInfo& info, const std::string& key,
                     int64_t first_line, int64_t shipped_at) {
  AppendField(out, key);
  AppendField(out, info.host);
  AppendField(out, info.path);
  AppendField(out, info.name);
  AppendField(out, ComponentName(info.component));
  AppendField(out, info.parser == nullptr ? "" : info.parser->Name());
  AppendField(out, info.zone);
  AppendNumber(out, info.compressed ? 1 : 0);
  for (int64_t value : {first_line, info.end_line, info.lines, info.records,
                        info.continuation_lines, info.unparsed, info.out_of_order,
                        info.inherited_time, info.first_instant, info.last_instant, shipped_at}) {
    AppendNumber(out, value);
  }
  out->push_back('\n');
}

constexpr std::string_view kConfigColumns = "name, text, number, unit, origin, shipped_at";

std::string ConfigRows(const ConfigValues& config, int64_t shipped_at) {
  std::string out;
  for (const auto& [name, value] : config.values()) {
    if (value.is_default) continue;  // every faultline knows the defaults
    AppendField(&out, name);
    AppendField(&out, value.text);
    char number[32];
    std::snprintf(number, sizeof number, "%.17g", value.number);
    AppendField(&out, number);
    AppendField(&out, value.unit == ConfigUnit::kMillis  ? "millis"
                      : value.unit == ConfigUnit::kCount ? "count"
                                                         : "text");
    AppendField(&out, value.origin);
    AppendNumber(&out, shipped_at);
    out.push_back('\n');
  }
  return out;
}

int RunShip(const ShipOptions& o) {
  auto started = std::chrono::steady_clock::now();
  Reporter reporter;
  std::string err;
  ClickHouseUrl url;
  if (!ParseClickHouseUrl(o.url, &url, &err)) return Stop(&reporter, err);
  int64_t timeout_us = 0, wait_us = 0;
  if (!ParseDuration(o.timeout, &timeout_us, &err) || timeout_us <= 0) {
    return Stop(&reporter,
                "--timeout " + o.timeout + ": " + (err.empty() ? "must be more than 0" : err));
  }
  if (!o.wait.empty() && !ParseDuration(o.wait, &wait_us, &err)) {
    return Stop(&reporter, "--wait " + o.wait + ": " + err);
  }
  OpenOptions open;
  if (!ResolveInputOptions(o.input, &open, &reporter)) return kExitError;
  if (o.quiet) open.progress = nullptr;

  // The state: where each log was left (scan's format and rotation handling; the resume point
  // is the end of what was shipped, never earlier).
  bool with_state = !o.state_path.empty();
  StateLock lock;
  ScanState state;
  bool state_sound = true;
  std::string marker = o.state_path + ".shipping";
  bool recovering = false;
  if (with_state) {
    if (!lock.Acquire(o.state_path, &err, wait_us / 1000)) {
      return Stop(&reporter, err + "; this run ships nothing");
    }
    std::string recovered;
    if (!ReadStateOrPrevious(o.state_path, &state, &err, &recovered)) return Stop(&reporter, err);
    if (!recovered.empty()) {
      reporter.Warning(recovered);
      state_sound = false;
    }
    recovering = fs::exists(marker);
  }
  std::vector<InputProblem> problems;
  std::vector<std::string> configs = o.input.configs;
  std::vector<InputFile> found = ExpandInputs(o.input.paths, &problems, &configs);
  for (const InputProblem& p : problems) reporter.InputProblem(p.path, p.why);
  InputPlan plan = PlanInputs(found, state);
  if (with_state && plan.idle && problems.empty() && state_sound && !recovering) {
    if (!o.quiet) std::printf("nothing new to ship: %zu file(s) unchanged\n", found.size());
    return kExitOk;
  }
  if (with_state && !ProbeWritableDirectory(o.state_path, &err)) {
    return Stop(&reporter, err + "; nothing shipped, the state " + o.state_path + " is untouched");
  }

  ClickHouseClient client(url);
  client.SetTimeouts(5000, timeout_us / 1000);
  // A Distributed table answers an insert once it has queued the rows locally, unless asked to
  // wait for the shards: the state must not advance on a promise.
  if (!url.cluster.empty()) client.SetSetting("insert_distributed_sync", "1");
  if (!EnsureSchema(&client, &err)) {
    return Stop(&reporter, err + (with_state ? "; nothing shipped, the state is untouched" : ""));
  }
  AtomicWriteOptions marker_options;
  marker_options.what = "ship marker";
  if (with_state && !recovering &&
      !WriteFileAtomically(marker,
                           "faultline ship in progress, pid " + std::to_string(getpid()) + "\n",
                           marker_options, &err)) {
    return Stop(&reporter, err + "; nothing shipped");
  }

  LearnLayoutsFromConfigs(&configs, &open, &reporter);
  ConfigValues config;
  for (const std::string& path : configs) config.LoadFile(path, &reporter);

  std::vector<std::string> fingerprints(plan.inputs.size());  // what each source key is made of
  for (size_t i = 0; i < plan.inputs.size(); ++i) {
    int from = plan.resumed_from.empty() ? -1 : plan.resumed_from[i];
    fingerprints[i] = from >= 0                    ? state.files[from].fingerprint
                      : plan.inputs[i].path == "-" ? ""
                                                   : ContentFingerprint(plan.inputs[i].path);
  }
  std::vector<InputFile> inputs = with_state ? plan.inputs : found;
  SourceSet set = OpenSources(inputs, open, &reporter);
  std::map<std::string, size_t> input_of;
  for (size_t i = 0; i < inputs.size(); ++i) input_of.emplace(inputs[i].path, i);

  EventBatcher batcher(&client, recovering, o.batch_bytes);
  int64_t shipped_at = NowMicros();
  std::string source_rows;
  int64_t bytes_read = 0;
  for (auto& source : set.sources) {
    const SourceInfo& info = source->info();
    auto in = input_of.find(info.path);
    std::string key =
        SourceKey(info, in == input_of.end() ? std::string() : fingerprints[in->second]);
    int64_t first_line = in == input_of.end() ? 1 : inputs[in->second].start_line + 1;
    while (Record* r = source->Next()) {
      bool ok = batcher.Add(*r, key, info.host, &err);
      source->Release(r);
      if (!ok) {
        return Stop(&reporter, err + (with_state ? "; the state is untouched: the next run "
                                                   "ships the rest, nothing twice"
                                                 : ""));
      }
    }
    bytes_read += info.end_offset - (in == input_of.end() ? 0 : inputs[in->second].start_offset);
    if (info.records > 0) AppendSourceRow(&source_rows, info, key, first_line, shipped_at);
  }
  std::string config_rows = ConfigRows(config, shipped_at);
  bool sent = batcher.Flush(&err) &&
              (source_rows.empty() ||
               client.Insert("INSERT INTO " + TableName(url, "sources") + " (" +
                                 std::string(kSourceColumns) + ") FORMAT TabSeparated",
                             source_rows, &err)) &&
              (config_rows.empty() ||
               client.Insert("INSERT INTO " + TableName(url, "config_values") + " (" +
                                 std::string(kConfigColumns) + ") FORMAT TabSeparated",
                             config_rows, &err));
  if (!sent) {
    return Stop(&reporter, err + (with_state ? "; the state is untouched: the next run ships "
                                               "the rest, nothing twice"
                                             : ""));
  }
  ReportReadProblems(set, &reporter);

  if (with_state) {
    ScanState next;
    next.runs = state.runs + 1;
    for (const auto& info : set.infos) {
      if (!info->problem.empty() && info->lines == 0 && info->end_offset == 0) continue;
      auto p = input_of.find(info->path);
      if (p == input_of.end() || !plan.stat_ok[p->second]) continue;
      const FileIdentity& id = plan.stats[p->second];
      // The fingerprint is kept as first taken: it is part of the source key, which must not
      // change. The next run resumes where this one stopped, never earlier.
      FileState file = RememberFile(*info, id, fingerprints[p->second]);
      file.replay_offset = file.offset;
      file.replay_line = file.line;
      next.files.push_back(file);
    }
    if (!WriteState(o.state_path, next, &err, state_sound)) {
      return Stop(&reporter, err +
                                 "; what was shipped is stored, and the next run will not "
                                 "ship it again");
    }
    Failpoint("ship-state-saved");
    std::error_code ignored;
    fs::remove(marker, ignored);
  }

  if (!o.quiet) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("shipped %lld records from %zu source(s), %.1f MB of log, to %s in %.2f s",
                static_cast<long long>(batcher.rows_sent()), set.sources.size(),
                static_cast<double>(bytes_read) / 1e6, DescribeClickHouseUrl(url).c_str(), seconds);
    if (batcher.rows_already_there() > 0) {
      std::printf(" (%lld already there from an interrupted run)",
                  static_cast<long long>(batcher.rows_already_there()));
    }
    std::printf("\n");
  }
  return reporter.input_problems() > 0 ? kExitError : kExitOk;
}

}  // namespace

CommandRunner SetupShip(CLI::App* app) {
  auto o = std::make_shared<ShipOptions>();
  CLI::App* cmd = app->add_subcommand(
      "ship", "Parse logs here and insert every record into ClickHouse, for rules run centrally");
  cmd->add_option("url", o->url,
                  "clickhouse://[USER[:PASSWORD]@]HOST[:PORT][/DB][?cluster=NAME]: the HTTP\n"
                  "port (default 8123) and database (default faultline); with cluster=NAME the\n"
                  "tables are local on each shard under a Distributed table sharded by host")
      ->required()
      ->type_name("URL");
  AddInputOptions(cmd, &o->input);
  cmd->add_option("--state", o->state_path,
                  "Ship only what is new since the run that wrote FILE (created if missing;\n"
                  "locked while running); each record is stored once")
      ->type_name("FILE");
  cmd->add_option("--wait", o->wait,
                  "When another ship holds the state, wait this long for it before giving up")
      ->type_name("DUR");
  cmd->add_option("--timeout", o->timeout,
                  "Give up on a request ClickHouse has not answered in DUR")
      ->capture_default_str()
      ->type_name("DUR");
  cmd->add_flag("--quiet", o->quiet, "Print nothing on success");
  // For tests: small batches make a small input several INSERTs (a kill between them).
  cmd->add_option("--batch-bytes", o->batch_bytes)
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->group("");
  cmd->footer(
      "Creates the database and its tables (events, sources, config_values, schema_version) if\n"
      "missing; refuses a database written by another schema version. User and password come\n"
      "from the URL (a user that can INSERT, and CREATE for the first run).\n"
      "Exit status: 0 shipped (or nothing new); 2 error: bad URL, server down or refusing, an\n"
      "input skipped; with --state, the state then stays where it was and the next run ships\n"
      "the rest, nothing twice.\n"
      "Example (cron, every host):\n"
      "  */5 * * * * faultline ship --quiet --state /var/lib/faultline/ship.state\n"
      "      clickhouse://ch1:8123/faultline /var/log/zookeeper");
  return [cmd, o] { return cmd->parsed() ? RunShip(*o) : -1; };
}

}  // namespace faultline
