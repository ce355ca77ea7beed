// `faultline timeline`: the merged view, one record per line (continuation lines indented
// below), in UTC.
#include <memory>

#include "src/base/terminal.h"
#include "src/base/text_out.h"
#include "src/cli/colour_option.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"
#include "src/cli/record_filter.h"
#include "src/store/merge.h"

namespace faultline {
namespace {

struct TimelineOptions {
  InputOptions input;
  FilterOptions filter;
  std::string color = "auto";
  bool no_continuation = false;
};

struct Palette {
  const char* dim = "";
  const char* warn = "";
  const char* error = "";
  const char* reset = "";
};

const char* LevelColour(Level level, const Palette& p) {
  if (level == Level::kWarn) return p.warn;
  if (level >= Level::kError) return p.error;
  return "";
}

// "org.apache.hadoop.ha.ActiveStandbyElector" -> "ActiveStandbyElector"
std::string_view ShortLogger(std::string_view logger) {
  size_t dot = logger.rfind('.');
  return dot == std::string_view::npos ? logger : logger.substr(dot + 1);
}

void AppendPadded(std::string* out, std::string_view text, size_t width) {
  out->append(text);
  if (text.size() < width) out->append(width - text.size(), ' ');
  out->push_back(' ');
}

int RunTimeline(const TimelineOptions& options) {
  Reporter reporter;
  OpenOptions open;
  RecordFilter filter;
  bool ok = ResolveInputOptions(options.input, &open, &reporter);
  ok &= filter.Init(options.filter, &reporter);
  if (!ok) return kExitError;
  SourceSet set = OpenInputs(options.input, open, &reporter);

  Palette palette;
  if (UseColour(options.color, stdout)) {
    palette = {"\033[2m", "\033[33m", "\033[1;31m", "\033[0m"};
  }
  size_t host_width = 1, component_width = 2;
  for (const auto& source : set.sources) {
    host_width = std::max(host_width, std::min<size_t>(source->info().host.size(), 24));
    component_width = std::max(component_width, ComponentName(source->info().component).size());
  }
  OutputBuffer out(stdout);
  std::string* text = out.text();
  Merger merger(set.sources);
  while (const Record* r = merger.Next()) {
    const SourceInfo& info = set.sources[r->source]->info();
    if (!filter.Accept(*r, info)) continue;
    text->append(palette.dim);
    if (r->instant == kNoInstant) {
      AppendPadded(text, "-", 23);
    } else {
      AppendInstant(text, r->instant, r->precision >= 6 ? 6 : 3, false);
      text->push_back(' ');
    }
    text->append(palette.reset);
    AppendPadded(text, info.host.empty() ? "-" : info.host, host_width);
    AppendPadded(text, ComponentName(r->component), component_width);
    text->append(LevelColour(r->level, palette));
    AppendPadded(text, (r->flags & kUnparsed) ? "?" : LevelName(r->level), 5);
    std::string_view logger = ShortLogger(r->View(r->logger));
    if (!logger.empty()) {
      text->append(logger);
      text->append(": ");
    }
    text->append(r->View(r->message));
    text->append(palette.reset);
    text->push_back('\n');
    if (!options.no_continuation && r->continuation_lines > 0) {
      std::string_view rest = r->Continuation();
      while (!rest.empty()) {
        size_t newline = rest.find('\n');
        text->append(24, ' ');
        text->append(palette.dim);
        text->append(rest.substr(0, newline));
        text->append(palette.reset);
        text->push_back('\n');
        rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
      }
    }
    out.MaybeFlush();
  }
  out.Flush();
  ReportReadProblems(set, &reporter);
  return reporter.input_problems() > 0 ? kExitError : kExitOk;
}

}  // namespace

CommandRunner SetupTimeline(CLI::App* app) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* cmd =
      app->add_subcommand("timeline", "Merge all inputs into one time-ordered view (times in UTC)");
  AddInputOptions(cmd, &options->input);
  options->input.output_streams = true;
  AddFilterOptions(cmd, &options->filter);
  AddColorOption(cmd, &options->color);
  cmd->add_flag("--no-continuation", options->no_continuation,
                "Show only the first line of each record (no stack traces)");
  cmd->footer(
      "Examples:\n"
      "  faultline timeline /var/log/zookeeper /var/log/hadoop-hdfs monitor.log\n"
      "  cat zk.log zkfc.log kazoo.log | faultline timeline -\n"
      "  faultline timeline --around '2019-09-17 05:04:12' --window 30s --level warn logs/");
  return [cmd, options] { return cmd->parsed() ? RunTimeline(*options) : -1; };
}

}  // namespace faultline
