// `faultline events`: one JSON object per record (NDJSON), every field, for jq, Elasticsearch
// or Loki. The field list is documented in man/faultline.1 and is part of the stable interface.
#include <memory>

#include "src/base/terminal.h"
#include "src/base/text_out.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"
#include "src/cli/record_filter.h"
#include "src/store/merge.h"

namespace faultline {
namespace {

struct EventsOptions {
  InputOptions input;
  FilterOptions filter;
  bool count = false;
};

void AppendField(std::string* out, std::string_view name) {
  out->append(",\"");
  out->append(name);
  out->append("\":");
}

void AppendFlags(std::string* out, uint16_t flags) {
  static constexpr struct {
    uint16_t bit;
    std::string_view name;
  } kNames[] = {{kUnparsed, "unparsed"},
                {kOutOfOrder, "out-of-order"},
                {kInheritedTime, "inherited-time"},
                {kDstAmbiguous, "dst-ambiguous"},
                {kDstGap, "dst-gap"},
                {kTruncated, "truncated"},
                {kOrderOnly, "order-only"}};
  AppendField(out, "flags");
  out->push_back('[');
  bool first = true;
  for (const auto& flag : kNames) {
    if (!(flags & flag.bit)) continue;
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(out, flag.name);
  }
  out->push_back(']');
}

void AppendEvent(std::string* out, const Record& r, const SourceInfo& info) {
  out->append("{\"instant\":");
  if (r.instant == kNoInstant) {
    out->append("null");
  } else {
    out->push_back('"');
    AppendInstant(out, r.instant, r.precision >= 6 ? 6 : 3, true);
    out->push_back('"');
  }
  AppendField(out, "local_time");
  if (r.local == kNoInstant) {
    out->append("null");
  } else {
    out->push_back('"');
    AppendInstant(out, r.local, r.precision >= 6 ? 6 : 3, false);
    out->push_back('"');
  }
  AppendField(out, "source");
  AppendJsonString(out, info.name);
  AppendField(out, "line");
  out->append(std::to_string(r.line));
  AppendField(out, "host");
  AppendJsonString(out, info.host);
  AppendField(out, "component");
  AppendJsonString(out, ComponentName(r.component));
  AppendField(out, "format");
  AppendJsonString(out, info.parser != nullptr ? info.parser->Name() : "none");
  AppendField(out, "level");
  AppendJsonString(out, r.level == Level::kUnknown ? "" : LevelName(r.level));
  AppendField(out, "thread");
  AppendJsonString(out, r.View(r.thread));
  AppendField(out, "logger");
  AppendJsonString(out, r.View(r.logger));
  AppendField(out, "code_line");
  out->append(r.code_line < 0 ? "null" : std::to_string(r.code_line));
  AppendField(out, "myid");
  out->append(r.myid < 0 ? "null" : std::to_string(r.myid));
  AppendField(out, "message");
  AppendJsonString(out, r.View(r.message));
  AppendField(out, "continuation");
  AppendJsonString(out, r.Continuation());
  AppendFlags(out, r.flags);
  out->append("}\n");
}

int RunEvents(const EventsOptions& options) {
  Reporter reporter;
  OpenOptions open;
  RecordFilter filter;
  bool ok = ResolveInputOptions(options.input, &open, &reporter);
  ok &= filter.Init(options.filter, &reporter);
  if (!ok) return kExitError;
  SourceSet set = OpenInputs(options.input, open, &reporter);
  OutputBuffer out(stdout);
  int64_t count = 0;
  Merger merger(set.sources);
  while (const Record* r = merger.Next()) {
    const SourceInfo& info = set.sources[r->source]->info();
    if (!filter.Accept(*r, info)) continue;
    ++count;
    if (options.count) continue;
    AppendEvent(out.text(), *r, info);
    out.MaybeFlush();
  }
  if (options.count) out.text()->append(std::to_string(count) + "\n");
  out.Flush();
  ReportReadProblems(set, &reporter);
  return reporter.input_problems() > 0 ? kExitError : kExitOk;
}

}  // namespace

CommandRunner SetupEvents(CLI::App* app) {
  auto options = std::make_shared<EventsOptions>();
  CLI::App* cmd = app->add_subcommand(
      "events", "Print every record as one JSON object per line (NDJSON), in time order");
  AddInputOptions(cmd, &options->input);
  AddFilterOptions(cmd, &options->filter);
  cmd->add_flag("--count", options->count,
                "Print only the number of records that pass the filters");
  cmd->footer(
      "Fields: instant, local_time, source, line, host, component, format, level, thread,\n"
      "logger, code_line, myid, message, continuation, flags (see faultline(1)).\n"
      "Example:\n"
      "  faultline events --level warn logs/ | jq -r 'select(.component==\"zkfc\") | .message'");
  return [cmd, options] { return cmd->parsed() ? RunEvents(*options) : -1; };
}

}  // namespace faultline
