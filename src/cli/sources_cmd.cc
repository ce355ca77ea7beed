// `faultline sources`: per input, what was detected and counted. With --explain, for each
// input how every parser fared on its first lines, and for an input no parser took, where each
// parser stopped matching and why (with the line and a caret).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "parsers/pattern_parser.h"
#include "src/base/terminal.h"
#include "src/base/text_out.h"
#include "src/cli/colour_option.h"
#include "src/cli/commands.h"
#include "src/cli/input_options.h"

namespace faultline {
namespace {

struct SourcesOptions {
  InputOptions input;
  bool explain = false;
  std::string color = "auto";  // accepted as on every command; the table is not coloured
};

std::string InstantText(int64_t instant) {
  if (instant == kNoInstant) return "-";
  std::string text;
  AppendInstant(&text, instant, 3, true);
  return text;
}

std::string VariantSummary(const SourceInfo& info) {
  if (info.parser == nullptr) return "";
  std::string summary;
  auto variants = info.parser->Variants();
  for (size_t i = 0; i < variants.size() && i < info.variant_records.size(); ++i) {
    if (info.variant_records[i] == 0) continue;
    if (!summary.empty()) summary += ",";
    summary += std::string(variants[i]);
  }
  return summary;
}

// Columns padded to their widest cell; counts (columns 5-8) right-aligned.
void AppendTable(const std::vector<std::vector<std::string>>& rows, std::string* out) {
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      bool right = i >= 5 && i <= 8;
      size_t pad = widths[i] - row[i].size();
      if (right) line.append(pad, ' ');
      line += row[i];
      if (!right && i + 1 < row.size()) line.append(pad, ' ');
      if (i + 1 < row.size()) line += "  ";
    }
    *out += line + "\n";
  }
}

void PrintExplanation(const SourceInfo& info, std::string* out) {
  if (!info.problem.empty() && info.lines == 0) {
    *out += info.name + ": not read: " + info.problem + "\n";
    return;
  }
  if (!info.detection) {
    *out += info.name + ": split by line (" +
            std::string(info.parser ? info.parser->Name() : "unrecognised lines") + ")\n";
    return;
  }
  const Detection& d = *info.detection;
  if (info.parser != nullptr) {
    *out += info.name + ": " + std::string(info.parser->Name()) + " (" +
            std::to_string(d.lines_examined) + " lines examined)\n";
  } else {
    *out += info.name + ": no parser recognised its first " + std::to_string(d.lines_examined) +
            " lines; name the layout with --layout PATTERN, or give the logging config that " +
            "writes it (log4j.properties, logback.xml, log4j2.xml, logging.conf)\n";
  }
  // The layouts that came closest first: most headers, then the furthest a line got. The rest
  // are named on one line, so a long table of layouts does not bury the answer.
  std::vector<const ParserScore*> order;
  for (const ParserScore& score : d.scores) order.push_back(&score);
  std::stable_sort(order.begin(), order.end(), [](const ParserScore* a, const ParserScore* b) {
    if (a->headers != b->headers) return a->headers > b->headers;
    return a->first_miss.column > b->first_miss.column;
  });
  constexpr size_t kShown = 6;
  std::string others;
  for (size_t i = 0; i < order.size(); ++i) {
    const ParserScore& score = *order[i];
    std::string name(score.parser->Name());
    if (i >= kShown && score.headers == 0) {
      others += (others.empty() ? "" : ", ") + name;
      continue;
    }
    *out += "  " + name;
    if (const auto* pattern = dynamic_cast<const PatternParser*>(score.parser)) {
      *out += " '" + pattern->layout().pattern() + "'";
    }
    *out += ": " + std::to_string(score.headers) + " of " + std::to_string(d.lines_examined) +
            " lines are headers";
    if (score.first_miss_line == 0) {
      *out += "\n";
      continue;
    }
    *out += "; line " + std::to_string(score.first_miss_line) + " stopped at column " +
            std::to_string(score.first_miss.column + 1) + ": " + score.first_miss.why + "\n";
    *out += "    " + score.first_miss_text + "\n";
    *out += "    " + std::string(static_cast<size_t>(score.first_miss.column), ' ') +
            "^ matched up to here\n";
  }
  if (!others.empty()) *out += "  no line read by: " + others + "\n";
}

int RunSources(const SourcesOptions& options) {
  Reporter reporter;
  OpenOptions open;
  if (!ResolveInputOptions(options.input, &open, &reporter)) return kExitError;
  SourceSet set = OpenInputs(options.input, open, &reporter);
  for (const auto& source : set.sources) {
    while (Record* record = source->Next()) source->Release(record);
  }
  OutputBuffer out(stdout);
  std::string* text = out.text();
  std::vector<std::vector<std::string>> rows = {{"SOURCE", "FORMAT", "HOST", "COMPONENT", "ZONE",
                                                 "LINES", "RECORDS", "UNPARSED", "OOO", "FIRST",
                                                 "LAST"}};
  for (const auto& info : set.infos) {
    std::string format = info->parser != nullptr ? std::string(info->parser->Name()) : "-";
    if (!info->problem.empty() && info->lines == 0) format = "skipped";
    std::string variant = VariantSummary(*info);
    if (!variant.empty()) format += "/" + variant;
    // A log read through a wrapper (docker --timestamps, journald, ...) says so: "journald:hadoop".
    if (info->parser != nullptr && info->detection &&
        info->detection->wrapper != WrapperKind::kNone) {
      format = std::string(WrapperName(info->detection->wrapper)) + ":" + format;
    }
    rows.push_back({info->name, format, info->host.empty() ? "-" : info->host,
                    std::string(ComponentName(info->component)), info->zone,
                    std::to_string(info->lines), std::to_string(info->records),
                    std::to_string(info->unparsed), std::to_string(info->out_of_order),
                    InstantText(info->first_instant), InstantText(info->last_instant)});
  }
  AppendTable(rows, text);
  // Times of day with no date anywhere in the file: say where their date came from.
  bool first_dated = true;
  for (const auto& info : set.infos) {
    if (info->dated_from_file == 0) continue;
    if (first_dated) text->append("\nDates inferred:\n"), first_dated = false;
    *text += "  " + info->name + ": " + std::to_string(info->dated_from_file) +
             " records have a time of day and no date; dated by " +
             (info->path == "-" ? std::string("today's date") : "the file's modification date") +
             " (flagged date-inferred)\n";
  }
  // Layouts given or learnt from a logging config: which, and from where.
  bool first_layout = true;
  for (const auto& info : set.infos) {
    const auto* pattern = dynamic_cast<const PatternParser*>(info->parser);
    if (pattern == nullptr || pattern->origin() == "built in") continue;
    if (first_layout) text->append("\nLayouts:\n"), first_layout = false;
    *text += "  " + info->name + ": '" + pattern->layout().pattern() + "' from " +
             pattern->origin() + "\n";
  }
  if (options.explain) {
    text->append("\n");
    for (const auto& info : set.infos) PrintExplanation(*info, text);
  }
  out.Flush();
  ReportReadProblems(set, &reporter);
  return reporter.input_problems() > 0 ? kExitError : kExitOk;
}

}  // namespace

CommandRunner SetupSources(CLI::App* app) {
  auto options = std::make_shared<SourcesOptions>();
  CLI::App* cmd = app->add_subcommand(
      "sources", "Show per input the detected format, host, component, counts and time span");
  AddInputOptions(cmd, &options->input);
  AddColorOption(cmd, &options->color);
  cmd->add_flag("--explain", options->explain,
                "Also show how each parser fared on each input's first lines, and where and why "
                "it stopped matching");
  cmd->footer(
      "Columns: LINES read, RECORDS (a header and its continuation lines), UNPARSED lines\n"
      "kept verbatim, OOO records earlier than the one before them, FIRST and LAST instant.\n"
      "Times of day with no date in their input take the file's modification date (stdin:\n"
      "today's); 'Dates inferred:' says which inputs and how many records.\n"
      "Example:\n"
      "  faultline sources --explain /var/log/zookeeper");
  return [cmd, options] { return cmd->parsed() ? RunSources(*options) : -1; };
}

}  // namespace faultline
