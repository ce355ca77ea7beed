#include "src/store/source_set.h"

#include <deque>
#include <span>

#include "parsers/detect.h"
#include "parsers/infer_layout.h"
#include "parsers/registry.h"
#include "src/base/line_reader.h"
#include "src/store/demux.h"
#include "src/store/line_input.h"
#include "src/store/mail_fold.h"
#include "src/store/paste_marks.h"
#include "src/store/source_identity.h"

namespace faultline {
namespace {

Component ComponentFor(const Parser* parser, Component from_path) {
  if (parser != nullptr && parser->DefaultComponent() != Component::kOther) {
    return parser->DefaultComponent();
  }
  return from_path;
}

void AddSource(SourceSet* set, std::unique_ptr<SourceInfo> info, std::unique_ptr<LineInput> input,
               const OpenOptions& options) {
  info->zone = options.clocks.ZoneNameFor(info->host);
  int32_t index = static_cast<int32_t>(set->sources.size());
  auto source = std::make_unique<ParsedSource>(std::move(input), info->parser, info.get(), index,
                                               options.clocks.ClockFor(info->host), options.window);
  set->sources.push_back(std::move(source));
  set->infos.push_back(std::move(info));
}

// The lines a layout is inferred from: inside a wrapper that is surely one (docker, journald,
// svlogd, a UI's copy), the line it wraps.
std::vector<std::string_view> LinesInsideWrappers(std::span<const std::string_view> lines,
                                                  const YearHint& year) {
  std::vector<std::string_view> inner(lines.begin(), lines.end());
  for (std::string_view& line : inner) {
    Wrapper wrapper;
    if (StripWrapper(line, year, &wrapper) && !wrapper.weak()) line = wrapper.inner;
  }
  return inner;
}

// The layout of one segment of an interleaved input: what detection, run on its first lines as
// on a file (with a layout inferred from them among the candidates), prefers. Lines
// are demultiplexed with the built-in layouts one at a time, which know nothing of one service's
// own layout and can take a line they read only in part (NiFi's row takes Spring Boot's
// "%logger : %msg" lines, leaving ": " in each message).
const Parser* InferSegmentLayout(SourceSet* set, const Segment& segment, const YearHint& year) {
  std::vector<std::string_view> sample(segment.head.begin(), segment.head.end());
  InferredLayout inferred = InferLayout(LinesInsideWrappers(sample, year));
  Detection detection = DetectFormat(sample, year, LearntCandidates{{}, {}, inferred.parser.get()});
  if (detection.parser == nullptr) return segment.parser;
  if (detection.parser == inferred.parser.get()) {
    set->layouts.push_back(inferred.parser);  // kept while the source lives
  }
  return detection.parser;
}

// Splits an interleaved input into one source per segment.
// `forced`: the parser --format or --layout gave (read inside each service's prefix), or nullptr.
void AddDemultiplexed(SourceSet* set, const SourceInfo& base, std::unique_ptr<LineInput> input,
                      const OpenOptions& options, const Parser* forced, Reporter* reporter) {
  DemuxResult demux = Demultiplex(input.get(), options.window.span_us);
  if (!demux.error.empty()) reporter->InputProblem(base.path, demux.error);
  YearHint year = demux.journal_year ? *demux.journal_year : YearHintForPath(nullptr);
  for (Segment& segment : demux.segments) {
    if (segment.input == nullptr) continue;
    auto info = std::make_unique<SourceInfo>(base);
    info->demultiplexed = true;
    info->parser = forced != nullptr ? forced : InferSegmentLayout(set, segment, year);
    if (!segment.service.empty()) {
      info->host = segment.service;
      info->name = base.name + "[" + segment.service + "]";
    } else if (demux.segments.size() > 1) {
      info->name = base.name + "#" + std::to_string(segment.ordinal);
    }
    info->component = ComponentFor(info->parser, info->component);
    info->problem = demux.error;
    info->journal_year = demux.journal_year;
    AddSource(set, std::move(info), std::move(segment.input), options);
  }
}

// --format, else a --layout for this host, else one for every input; nullptr: detect.
const Parser* ForcedParser(const OpenOptions& options, const std::string& host) {
  if (options.forced_parser != nullptr) return options.forced_parser;
  const Parser* for_all = nullptr;
  for (const LayoutChoice& choice : options.layouts) {
    if (!choice.forced) continue;
    if (!choice.host.empty() && choice.host == host) return choice.parser.get();
    if (choice.host.empty() && for_all == nullptr) for_all = choice.parser.get();
  }
  return for_all;
}

// Layouts from logging configs for `path`: those whose appender writes this very file, then
// those that may (a file name the config leaves to a variable), then the rest (a console
// appender's lines captured by a container runtime).
struct LearntForInput {
  std::vector<const Parser*> named, offered;
};

LearntForInput LearntLayouts(const OpenOptions& options, const std::string& path) {
  LearntForInput out;
  std::vector<const Parser*> unmatched;
  for (const LayoutChoice& choice : options.layouts) {
    if (!choice.configured) continue;
    FileMatch match = path == "-" ? FileMatch::kNo : MatchLogFile(*choice.configured, path);
    if (match == FileMatch::kExact) out.named.push_back(choice.parser.get());
    if (match == FileMatch::kWildcard) out.offered.push_back(choice.parser.get());
    if (match == FileMatch::kNo) unmatched.push_back(choice.parser.get());
  }
  out.offered.insert(out.offered.end(), unmatched.begin(), unmatched.end());
  return out;
}

// The share of `lines` (not counting empty ones) that the detected layout read as headers.
double HeaderShare(const Detection& detection, std::span<const std::string_view> lines) {
  size_t nonempty = 0;
  for (std::string_view line : lines) nonempty += line.empty() ? 0 : 1;
  if (detection.parser == nullptr || nonempty == 0) return 0;
  for (const ParserScore& score : detection.scores) {
    if (score.parser == detection.parser) return static_cast<double>(score.headers) / nonempty;
  }
  return 0;
}

}  // namespace

SourceSet OpenSources(const std::vector<InputFile>& inputs, const OpenOptions& options,
                      Reporter* reporter) {
  SourceSet set;
  for (const LayoutChoice& choice : options.layouts) set.layouts.push_back(choice.parser);
  for (const InputFile& input : inputs) {
    auto info = std::make_unique<SourceInfo>();
    info->path = input.path;
    info->name = input.path;
    SourceIdentity identity = IdentifyFromPath(input.path, input.root);
    info->host = identity.host;
    info->component = identity.component;

    std::string err;
    std::unique_ptr<ByteSource> bytes = OpenByteSource(input.path, &err);
    if (bytes == nullptr) {
      info->problem = "cannot open: " + err;
      reporter->InputProblem(input.path, info->problem);
      set.infos.push_back(std::move(info));
      continue;
    }
    if (options.progress)
      bytes = options.progress->Watch(std::move(bytes), input.path, &info->records);
    auto reader = std::make_unique<LineReader>(std::move(bytes));
    info->compressed = reader->compressed();
    reader->set_complete_lines_only(input.complete_lines_only);
    if (input.start_offset > 0 && !reader->SkipTo(input.start_offset, input.start_line)) {
      info->problem =
          "cannot resume at byte " + std::to_string(input.start_offset) + ": " + reader->error();
      reporter->InputProblem(input.path, info->problem);
      set.infos.push_back(std::move(info));
      continue;
    }
    info->end_offset = info->replay_offset = input.start_offset;
    info->end_line = info->replay_line = input.start_line;
    if (reader->LooksBinary()) {
      info->problem = "binary data (NUL bytes in the first 8 KiB), skipped";
      reporter->InputProblem(input.path, info->problem);
      set.infos.push_back(std::move(info));
      continue;
    }
    // Read ahead for detection; these lines are replayed to the parser afterwards.
    std::deque<std::string> head;
    std::deque<int64_t> head_ends;  // reader offset after each line read ahead
    std::string_view line;
    while (head.size() < static_cast<size_t>(kDetectLines) && reader->Next(&line)) {
      head.emplace_back(line);
      head_ends.push_back(reader->offset());
    }
    // Detection and the compose count see the lines as the parsers will: without what a paste
    // left on them (quote marks, colour codes), and without spaces before a timestamp.
    PasteMarks marks = DetectPasteMarks(head);
    std::vector<std::string> cleaned(marks.any() ? head.size() : 0);
    std::vector<std::string_view> sample;
    int compose_lines = 0, nonempty = 0;
    for (size_t i = 0; i < head.size(); ++i) {
      std::string_view kept = marks.any() ? CleanPastedLine(head[i], marks, &cleaned[i]) : head[i];
      std::string_view stripped = kept, service;
      if (!kept.empty()) ++nonempty;
      if (StripComposePrefix(&stripped, &service)) ++compose_lines;
      sample.push_back(TrimLeadingSpaces(kept));
    }
    bool composed = nonempty > 0 && compose_lines * 2 >= nonempty;
    bool interleaved = input.path == "-" || composed;
    const Parser* forced = ForcedParser(options, info->host);
    LearntForInput learnt = LearntLayouts(options, input.path);
    YearHint year = YearHintForPath(input.path.c_str());
    // A layout of the file's own, read off its first lines (parsers/infer_layout.h), for a file
    // the built-in layouts read less than half of.
    InferredLayout inferred = InferLayout(LinesInsideWrappers(sample, year));
    LearntCandidates candidates{learnt.named, learnt.offered, inferred.parser.get()};
    Detection detection = DetectFormat(sample, year, candidates);
    // A log folded by mail is unfolded, before parsing as before detection, when that lets a
    // layout read a larger share of its lines (short-line layouts stay as they are: a message on
    // the line after its header, grep's file prefixes). Not when resuming (cron): a joined line
    // has no end offset of its own to resume from.
    size_t fold_width =
        input.start_offset == 0 && !input.complete_lines_only ? DetectFoldWidth(sample) : 0;
    if (fold_width > 0) {
      std::vector<std::string> unfolded = UnfoldLines(sample, fold_width);
      std::vector<std::string_view> joined(unfolded.begin(), unfolded.end());
      Detection unfolded_detection = DetectFormat(joined, year, candidates);
      if (HeaderShare(unfolded_detection, joined) > HeaderShare(detection, sample) + 0.2) {
        detection = std::move(unfolded_detection);
      } else {
        fold_width = 0;
      }
    }
    sample.clear();  // its views die with `head` below
    auto line_input = std::make_unique<ReaderInput>(std::move(reader), std::move(head), true,
                                                    std::move(head_ends), input.start_line,
                                                    input.start_offset, marks, fold_width);

    // A forced layout reads standard input as it comes; `docker compose logs` output it reads
    // inside each service's prefix, as detection would.
    if (interleaved && (forced == nullptr || composed)) {
      AddDemultiplexed(&set, *info, std::move(line_input), options, forced, reporter);
      continue;
    }
    info->parser = forced != nullptr ? forced : detection.parser;
    // Kept while the source lives, chosen or not: the detection's scores point at it.
    if (inferred.parser != nullptr) set.layouts.push_back(inferred.parser);
    info->detection = std::move(detection);
    info->component = ComponentFor(info->parser, info->component);
    AddSource(&set, std::move(info), std::move(line_input), options);
  }
  return set;
}

void ReportReadProblems(const SourceSet& set, Reporter* reporter) {
  for (const auto& info : set.infos) {
    // Open-time problems were reported when they happened; these came up while reading.
    if (info->read_problem) {
      reporter->InputProblem(info->path, info->problem + " (the lines before it were read)");
    }
    if (info->split_lines > 0) {
      reporter->Warning(info->path + ": " + std::to_string(info->split_lines) +
                        " line(s) longer than " + std::to_string(LineReader::MaxLineBytes()) +
                        " bytes cut to that length, the rest of each skipped "
                        "(FAULTLINE_MAX_LINE_BYTES sets the cap)");
    }
    // Records further back in time than the reorder window allows were analysed out of place:
    // a file written in reverse, or two logs concatenated. Rules may then miss what they hold.
    if (info->unplaceable >= 10 && info->unplaceable * 100 >= info->records) {
      reporter->Warning(info->path + ": " + std::to_string(info->unplaceable) + " of " +
                        std::to_string(info->records) +
                        " records lie further back in time than the reorder window allows "
                        "(is the file in reverse order, or two logs joined?); they were analysed "
                        "out of place and rules may miss them (--reorder-window widens it)");
    }
  }
}

}  // namespace faultline
