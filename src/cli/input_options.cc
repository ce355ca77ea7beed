#include "src/cli/input_options.h"

#include <unistd.h>

#include "parsers/registry.h"
#include "src/base/duration.h"
#include "src/store/learnt_layouts.h"

namespace faultline {

void AddInputOptions(CLI::App* app, InputOptions* options, bool parser_flag_is_format) {
  app->add_option("paths", options->paths,
                  "Log files, directories (searched recursively for *.log, *.log.N, *.out,\n"
                  "*.log.YYYY-MM-DD and their .gz, and other text files whose first lines\n"
                  "read as log lines: zk1.txt, zookeeper; with none of those, its text\n"
                  "files) or - for standard input")
      ->required();
  app->add_option(parser_flag_is_format ? "--format,--log-format" : "--log-format", options->format,
                  "Use this parser for every input instead of detecting: " + ParserNames());
  app->add_option("--layout", options->layouts,
                  "Read inputs with this logging pattern instead of detecting: a log4j/logback/\n"
                  "log4j2 PatternLayout ('%d{ISO8601} %-5p [%t] %c: %m%n') or a Python logging\n"
                  "format ('%(asctime)s %(levelname)s %(name)s: %(message)s'); HOST=PATTERN\n"
                  "for one host's inputs. Repeatable")
      ->type_name("[HOST=]PATTERN")
      ->allow_extra_args(false);
  app->add_option("--datefmt", options->datefmt,
                  "The datefmt of a Python --layout (strftime: '%d-%b-%Y %H:%M:%S')")
      ->type_name("FMT");
  app->add_option("--config", options->configs,
                  "Read FILE as configuration (repeatable): zoo.cfg, core-site.xml, hdfs-site.xml\n"
                  "for the rules; log4j.properties, log4j2.xml, logback.xml, logging.conf or a\n"
                  "dictConfig YAML/JSON for the layouts of the logs. Those among the inputs are\n"
                  "read anyway")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app->add_option("--tz", options->zones,
                  "Time zone of zone-less log times: ZONE for all sources or HOST=ZONE for one\n"
                  "(IANA names, e.g. Asia/Shanghai). Default: UTC. Repeatable")
      ->type_name("[HOST=]ZONE")
      ->allow_extra_args(false);
  app->add_option("--skew", options->skews,
                  "Add DURATION to every time read from HOST, to correct its clock\n"
                  "(e.g. nn1=+1.5s, zk2=-300ms). Repeatable")
      ->type_name("HOST=±DUR")
      ->allow_extra_args(false);
  app->add_option("--reorder-window", options->reorder_window,
                  "How far back a line may go in time inside one file and still be put in order")
      ->capture_default_str()
      ->type_name("DUR");
  app->add_flag("--no-progress", options->no_progress,
                "No status line while reading (it shows only on a terminal, for large inputs)");
}

void AddFilterOptions(CLI::App* app, FilterOptions* options) {
  app->add_option("--from", options->from,
                  "Only records at or after TIME (UTC unless it has a zone)")
      ->type_name("TIME");
  app->add_option("--to", options->to, "Only records before TIME")->type_name("TIME");
  app->add_option("--around", options->around, "Only records within --window of TIME")
      ->type_name("TIME");
  app->add_option("--window", options->window, "Half-width of --around")
      ->capture_default_str()
      ->type_name("DUR");
  app->add_option("--level", options->level,
                  "Only records at this level or above: trace, debug, info, warn, error, fatal")
      ->type_name("LEVEL");
  app->add_option("--host", options->hosts, "Only records from HOST (repeatable)")
      ->type_name("HOST")
      ->allow_extra_args(false);
  app->add_option("--component", options->components,
                  "Only records of: zk, zkfc, namenode, journalnode, monitor, other (repeatable)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  app->add_option("--grep", options->grep, "Only records whose text matches this RE2 pattern")
      ->type_name("RE2");
}

bool ResolveInputOptions(const InputOptions& options, OpenOptions* out, Reporter* reporter) {
  bool ok = true;
  if (!options.format.empty()) {
    out->forced_parser = FindParser(options.format);
    if (out->forced_parser == nullptr) {
      reporter->Error("unknown format '" + options.format + "' (known: " + ParserNames() + ")");
      ok = false;
    }
  }
  std::string err;
  for (const std::string& layout : options.layouts) {
    if (!AddUserLayout(layout, options.datefmt, out, &err)) ok = false, reporter->Error(err);
  }
  if (!options.datefmt.empty() && options.layouts.empty()) {
    reporter->Error("--datefmt needs a --layout to apply to");
    ok = false;
  }
  for (const std::string& zone : options.zones) {
    if (!out->clocks.AddZone(zone, &err)) ok = false, reporter->Error(err);
  }
  for (const std::string& skew : options.skews) {
    if (!out->clocks.AddSkew(skew, &err)) ok = false, reporter->Error(err);
  }
  if (!ParseDuration(options.reorder_window, &out->window.span_us, &err)) {
    reporter->Error("--reorder-window: " + err);
    ok = false;
  }
  if (!options.no_progress && !(options.output_streams && isatty(fileno(stdout)))) {
    out->progress = Progress::ForTerminal(stderr, Progress::AfterBytesFromEnvironment());
  }
  return ok;
}

SourceSet OpenInputs(const InputOptions& options, const OpenOptions& open, Reporter* reporter) {
  std::vector<InputProblem> problems;
  std::vector<std::string> configs = options.configs;
  std::vector<InputFile> inputs = ExpandInputs(options.paths, &problems, &configs);
  for (const InputProblem& problem : problems) reporter->InputProblem(problem.path, problem.why);
  OpenOptions with_layouts = open;
  LearnLayoutsFromConfigs(&configs, &with_layouts, reporter);  // zoo.cfg: only analyze reads it
  return OpenSources(inputs, with_layouts, reporter);
}

void AddGroupOptions(CLI::App* app, GroupOptions* options) {
  app->add_option("--quiet-period", options->quiet_period,
                  "Repeats of one rule on one host less than DUR apart are one episode")
      ->capture_default_str()
      ->type_name("DUR");
  app->add_flag("--no-group", options->no_group,
                "List every occurrence instead of one entry per episode");
}

bool ResolveQuietPeriod(const GroupOptions& options, int64_t* micros, Reporter* reporter) {
  std::string err;
  if (!ParseDuration(options.quiet_period, micros, &err) || *micros <= 0) {
    reporter->Error("--quiet-period " + options.quiet_period + ": " +
                    (err.empty() ? "must be more than 0" : err));
    return false;
  }
  return true;
}

}  // namespace faultline
