// `faultline events`: one JSON object per record (NDJSON), every field, for jq, Elasticsearch
// or Loki. The field list is documented in man/faultline.1 and is part of the stable interface.
#include <charconv>
#include <cstring>
#include <memory>
#include <vector>

#include "src/base/terminal.h"
#include "src/base/text_out.h"
#include "src/cli/colour_option.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"
#include "src/cli/record_filter.h"
#include "src/store/merge.h"

namespace faultline {
namespace {

using namespace std::string_view_literals;

struct EventsOptions {
  InputOptions input;
  FilterOptions filter;
  bool count = false;
  std::string color = "auto";  // accepted as on every command; NDJSON is never coloured
};

// The event is written through a pointer into RawOutput's buffer, reserved once per event with a
// bound: no capacity check per field or character (see docs/performance.md).
char* Put(char* p, std::string_view text) {
  std::memcpy(p, text.data(), text.size());
  return p + text.size();
}

char* PutInteger(char* p, int64_t value) { return std::to_chars(p, p + 24, value).ptr; }

char* PutOptionalInteger(char* p, int32_t value) {
  return value < 0 ? Put(p, "null"sv) : PutInteger(p, value);
}

// A name faultline itself gives (component, level, flag): no character to escape.
char* PutQuoted(char* p, std::string_view safe) {
  *p++ = '"';
  p = Put(p, safe);
  *p++ = '"';
  return p;
}

char* PutInstant(char* p, int64_t instant, uint8_t precision, bool iso) {
  if (instant == kNoInstant) return Put(p, "null"sv);
  *p++ = '"';
  p = WriteInstant(p, instant, precision >= 6 ? 6 : 3, iso);
  *p++ = '"';
  return p;
}

constexpr struct {
  uint16_t bit;
  std::string_view name;
} kFlagNames[] = {{kUnparsed, "unparsed"},
                  {kOutOfOrder, "out-of-order"},
                  {kInheritedTime, "inherited-time"},
                  {kDstAmbiguous, "dst-ambiguous"},
                  {kDstGap, "dst-gap"},
                  {kTruncated, "truncated"},
                  {kOrderOnly, "order-only"},
                  {kDateInferred, "date-inferred"}};
constexpr size_t kFlagsBound = 160;  // ",\"flags\":[...]" with every flag

char* PutFlags(char* p, uint16_t flags) {
  if (flags == 0) return Put(p, ",\"flags\":[]"sv);
  p = Put(p, ",\"flags\":["sv);
  bool first = true;
  for (const auto& flag : kFlagNames) {
    if (!(flags & flag.bit)) continue;
    if (!first) *p++ = ',';
    first = false;
    p = PutQuoted(p, flag.name);
  }
  *p++ = ']';
  return p;
}

// The per-source strings of an event, escaped once rather than for every record. The host may be
// learnt while the source is read (a journald wrapper names it), so it is checked each time.
class SourceStrings {
 public:
  std::string_view Name(const SourceInfo& info) {
    if (name_.empty()) AppendJsonString(&name_, info.name);
    return name_;
  }
  std::string_view Host(const SourceInfo& info) {
    if (host_escaped_.empty() || host_ != info.host) {
      host_ = info.host;
      host_escaped_.clear();
      AppendJsonString(&host_escaped_, info.host);
    }
    return host_escaped_;
  }
  std::string_view Format(const SourceInfo& info) {
    if (format_.empty()) AppendJsonString(&format_, info.parser ? info.parser->Name() : "none");
    return format_;
  }

 private:
  std::string name_, host_, host_escaped_, format_;
};

void WriteEvent(RawOutput* out, const Record& r, const SourceInfo& info, SourceStrings* strings) {
  std::string_view name = strings->Name(info), host = strings->Host(info),
                   format = strings->Format(info), thread = r.View(r.thread),
                   logger = r.View(r.logger), message = r.View(r.message),
                   continuation = r.Continuation();
  size_t bound = 256 + 2 * kMaxInstantChars + 3 * 24 + kFlagsBound + name.size() + host.size() +
                 format.size() + JsonStringBound(thread) + JsonStringBound(logger) +
                 JsonStringBound(message) + JsonStringBound(continuation);
  char* p = out->Reserve(bound);
  p = Put(p, "{\"instant\":"sv);
  char* instant = p;
  p = PutInstant(p, r.instant, r.precision, true);
  p = Put(p, ",\"local_time\":"sv);
  if (r.local == r.instant && r.instant != kNoInstant) {
    // A log written in UTC: the same text but for the 'T' and the 'Z'.
    size_t length = static_cast<size_t>(p - instant) - (sizeof(",\"local_time\":") - 1);
    std::memcpy(p, instant, length - 2);  // up to the 'Z' and its closing quote
    p[11] = ' ';                          // after the opening quote and "yyyy-mm-dd"
    p += length - 2;
    *p++ = '"';
  } else {
    p = PutInstant(p, r.local, r.precision, false);
  }
  p = Put(p, ",\"source\":"sv);
  p = Put(p, name);
  p = Put(p, ",\"line\":"sv);
  p = PutInteger(p, r.line);
  p = Put(p, ",\"host\":"sv);
  p = Put(p, host);
  p = Put(p, ",\"component\":"sv);
  p = PutQuoted(p, ComponentName(r.component));
  p = Put(p, ",\"format\":"sv);
  p = Put(p, format);
  p = Put(p, ",\"level\":"sv);
  p = PutQuoted(p, r.level == Level::kUnknown ? "" : LevelName(r.level));
  p = Put(p, ",\"thread\":"sv);
  p = WriteJsonString(p, thread);
  p = Put(p, ",\"logger\":"sv);
  p = WriteJsonString(p, logger);
  p = Put(p, ",\"code_line\":"sv);
  p = PutOptionalInteger(p, r.code_line);
  p = Put(p, ",\"myid\":"sv);
  p = PutOptionalInteger(p, r.myid);
  p = Put(p, ",\"message\":"sv);
  p = WriteJsonString(p, message);
  p = Put(p, ",\"continuation\":"sv);
  p = WriteJsonString(p, continuation);
  p = PutFlags(p, r.flags);
  p = Put(p, "}\n"sv);
  out->Commit(p);
}

int RunEvents(const EventsOptions& options) {
  Reporter reporter;
  OpenOptions open;
  RecordFilter filter;
  bool ok = ResolveInputOptions(options.input, &open, &reporter);
  ok &= filter.Init(options.filter, &reporter);
  if (!ok) return kExitError;
  SourceSet set = OpenInputs(options.input, open, &reporter);
  RawOutput out(stdout);
  int64_t count = 0;
  Merger merger(set.sources);
  std::vector<SourceStrings> strings(set.sources.size());
  while (const Record* r = merger.Next()) {
    const SourceInfo& info = set.sources[r->source]->info();
    if (!filter.Accept(*r, info)) continue;
    ++count;
    if (options.count) continue;
    WriteEvent(&out, *r, info, &strings[static_cast<size_t>(r->source)]);
  }
  if (options.count) {
    char* p = out.Reserve(32);
    p = PutInteger(p, count);
    *p++ = '\n';
    out.Commit(p);
  }
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
  options->input.output_streams = true;
  AddFilterOptions(cmd, &options->filter);
  AddColorOption(cmd, &options->color);
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
