#include "parsers/detect.h"

#include "parsers/continuation.h"
#include "parsers/date_shapes.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"

namespace faultline {

namespace {

// A name of three or more lower-case-led parts joined by dots, with nothing of a thread's about it
// (no digits at the end, no blanks, dashes or parentheses):
// "org.apache.activemq.artemis.core.server" is a logger, whatever bracket it stands in. Threads
// such as "ForkJoinPool.commonPool-worker-1" or "kafka-producer-network-thread" keep a mark of
// their own.
bool PackageQualifiedName(std::string_view w, int min_dots = 2) {
  int dots = 0;
  bool part_start = true;
  for (char c : w) {
    if (c == '.') {
      if (part_start) return false;
      ++dots;
      part_start = true;
      continue;
    }
    if (part_start && !(c >= 'a' && c <= 'z')) return false;
    if (!scan::IsIdentChar(c) || scan::IsDigit(c)) return false;
    part_start = false;
  }
  return dots >= min_dots && !part_start;
}

// A capitalised or lower-case word with nothing of a class name about it ("Connecting",
// "Zookeeper"): prose, when a layout reads it as the logger.
bool ProseWord(std::string_view w) {
  if (w.empty()) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!(w[i] >= 'a' && w[i] <= 'z')) return false;
  }
  return (w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z');
}

// The thread a layout read is a logger: a package-qualified name, or a Python logger's dotted
// name ("kazoo.client") with the message's first word then read as the logger ("INFO
// [kazoo.client] Connecting to ...", as `%(levelname)s [%(name)s] %(message)s` writes).
bool LoggerReadAsThread(const Header& header) {
  return PackageQualifiedName(header.thread) ||
         (PackageQualifiedName(header.thread, 1) && ProseWord(header.logger));
}

// The thread a layout read is the line's time, in a bracket of a shape the layout has no date
// for ("[17/03/2024 03:14:07:123]" read by slf4j-simple's "[%t]"; the whole line read after a
// docker time by a row that starts with "[%t]").
bool TimeReadAsThread(const Header& header) {
  if (header.thread.size() < 8 || !scan::IsDigit(header.thread[0])) return false;
  ScannedTime t;
  size_t end = 0;
  return ReadDateShape(header.thread, 0, &t, &end) >= 0 && end == header.thread.size();
}

// A message that starts with a blank or with the separator after the field the layout stopped
// at (": msg", "===> msg"): the layout read the line short.
bool SeparatorLed(std::string_view m) {
  if (m.empty()) return false;
  if (m[0] == ' ' || m[0] == '\t') return true;
  if (m.size() > 2 && m[0] == ':' && m[1] == ' ') return true;
  size_t tip = m.find_first_not_of("-=");
  return tip > 0 && tip != std::string_view::npos && tip + 1 < m.size() && m[tip] == '>' &&
         m[tip + 1] == ' ';
}

// One line of the detection sample, with its wrapper (if any) read once.
struct SampleLine {
  std::string_view raw;
  Wrapper wrapper;
  bool wrapped = false;
  bool continuation = false;  // the line (inside its wrapper) continues a record
  bool inner_read = false;    // a strong wrapper's inner line is read by some non-generic parser
};

// Whether `parser` reads a line under a weak wrapper whole, as its own layout. The text after
// "date time " may look like a continuation when the layout's next field is empty and padded
// ("2020-03-03 20:56:12  INFO  ClientCnxn:519 - ...", an empty MDC): such a line counts when the
// layout finds a level in it, which a stack frame does not have.
bool ReadsWeakLineWhole(const Parser& parser, const SampleLine& line, Header* header, Miss* miss) {
  return parser.ParseHeader(line.raw, header, miss) &&
         (!line.continuation || header->level != Level::kUnknown);
}

// Whether `parser` counts `line` as a header.
bool Counts(const Parser& parser, const SampleLine& line, Header* header, Miss* miss) {
  const Parser& generic = GenericLogParser();
  if (!line.wrapped) return parser.ParseHeader(line.raw, header, miss);
  if (line.wrapper.weak()) {
    if (ReadsWeakLineWhole(parser, line, header, miss)) return true;
    if (line.continuation) return false;
    Miss inner_miss;
    return parser.ParseHeader(line.wrapper.inner, header, &inner_miss) &&
           header->local != kNoInstant;
  }
  if (parser.ParseHeader(line.wrapper.inner, header, miss)) return true;
  // Read whole (also for `sources --explain`, which shows where the whole line stopped): the
  // generic fallback takes a docker line whose inner line nothing else reads.
  return parser.ParseHeader(line.raw, header, miss) &&
         (&parser != &generic || (!line.continuation && !line.inner_read));
}

// A header the runner indented inside its wrapper (GitHub Actions' Gradle output) is read without
// the indent when some parser reads it with a time of its own; a stack frame stays indented.
void TrimIndentedHeader(std::string_view* inner) {
  size_t first = inner->find_first_not_of(' ');
  if (first == 0 || first == std::string_view::npos) return;
  Header header;
  if (DetectLine(inner->substr(first), &header) != nullptr && header.local != kNoInstant) {
    inner->remove_prefix(first);
  }
}

}  // namespace

Detection DetectFormat(std::span<const std::string_view> lines, const YearHint& year,
                       const LearntCandidates& learnt) {
  Detection detection;
  detection.lines_examined = static_cast<int>(lines.size());
  std::vector<SampleLine> sample(lines.size());
  int kind_lines[kWrapperKinds] = {};
  for (size_t i = 0; i < lines.size(); ++i) {
    SampleLine& line = sample[i];
    line.raw = lines[i];
    line.wrapped = StripWrapper(line.raw, year, &line.wrapper);
    if (line.wrapped) TrimIndentedHeader(&line.wrapper.inner);
    line.continuation = IsContinuationLine(line.wrapped ? line.wrapper.inner : line.raw);
    if (line.wrapped && !line.wrapper.weak()) {
      Header header;
      Miss miss;
      for (const Parser* parser : AllParsers()) {
        if (parser != &GenericLogParser() &&
            parser->ParseHeader(line.wrapper.inner, &header, &miss)) {
          line.inner_read = true;
          break;
        }
      }
    }
  }
  std::vector<const Parser*> candidates(learnt.named.begin(), learnt.named.end());
  candidates.insert(candidates.end(), AllParsers().begin(), AllParsers().end());
  // Before the two fallbacks (timeless, generic), which stay last.
  candidates.insert(candidates.end() - 2, learnt.offered.begin(), learnt.offered.end());
  if (learnt.inferred != nullptr) candidates.insert(candidates.end() - 2, learnt.inferred);
  for (const Parser* parser : candidates) {
    ParserScore score;
    score.parser = parser;
    Header header;
    for (size_t i = 0; i < sample.size(); ++i) {
      Miss miss;
      header = Header{};
      if (Counts(*parser, sample[i], &header, &miss)) {
        ++score.headers;
        bool logger_as_thread = LoggerReadAsThread(header) || TimeReadAsThread(header);
        score.logger_as_thread += logger_as_thread;
        score.fields += (header.local != kNoInstant) + (header.level != Level::kUnknown) +
                        !header.logger.empty() + (!header.thread.empty() && !logger_as_thread) +
                        (header.code_line >= 0);
        score.blank_led += SeparatorLed(header.message);
      } else if (score.first_miss_line == 0 && !sample[i].continuation) {
        score.first_miss_line = static_cast<int64_t>(i) + 1;
        score.first_miss = miss;
        score.first_miss_text = std::string(lines[i].substr(0, 200));
      }
    }
    detection.scores.push_back(std::move(score));
  }
  for (const SampleLine& line : sample) {
    if (line.continuation) ++detection.continuation_lines;
  }
  // The most specific parser with the most headers wins, unless the generic fallback explains
  // more than twice as many lines (a file of some other daemon whose lines merely start alike).
  const ParserScore* best = nullptr;
  const ParserScore* inferred = nullptr;
  const ParserScore& generic = detection.scores.back();
  for (size_t i = 0; i + 1 < detection.scores.size(); ++i) {
    const ParserScore& score = detection.scores[i];
    if (score.parser == learnt.inferred) {
      inferred = &score;
      continue;
    }
    // On equal headers, the layout that understood more of each line: a thread or logger left
    // in the message is a layout read wrong.
    if (score.headers > 0 && (best == nullptr || score.headers > best->headers ||
                              (score.headers == best->headers && score.fields > best->fields))) {
      best = &score;
    }
  }
  // The layout inferred from the lines takes them from the table's best only where that reads
  // fewer than half as many, or no more lines into fewer fields each (supervisord's "time level
  // message" leaves Graylog's logger in the message), or as many into as many fields without
  // leaving a padding in the message (Flink's "       [] - " after its %-60c logger); a row that
  // reads each line more fully keeps the file even when the inferred layout reads more of its lines
  // (pieces of a folded log).
  if (inferred != nullptr && inferred->headers > 0 &&
      (best == nullptr || best->headers * 2 < inferred->headers ||
       (inferred->headers >= best->headers &&
        (inferred->fields * best->headers > best->fields * inferred->headers ||
         (inferred->headers == best->headers && inferred->fields == best->fields &&
          inferred->blank_led < best->blank_led) ||
         // A table row that read package names as threads, where the inferred layout did not.
         (inferred->headers == best->headers &&
          best->logger_as_thread > inferred->logger_as_thread &&
          inferred->fields + best->logger_as_thread >= best->fields))))) {
    best = inferred;
  }
  if (best != nullptr && best->headers * 2 >= generic.headers) {
    detection.parser = best->parser;
  } else if (generic.headers > 0) {
    detection.parser = generic.parser;
  }
  // The wrapper: a strong one on most lines; docker-desktop where the winner needs it.
  for (const SampleLine& line : sample) {
    if (!line.wrapped) continue;
    // A line the winner reads whole but not inside the wrapper has a time of its own layout.
    if (line.wrapper.kind == WrapperKind::kDocker && detection.parser != nullptr) {
      Header header;
      Miss miss;
      if (!detection.parser->ParseHeader(line.wrapper.inner, &header, &miss) &&
          detection.parser->ParseHeader(line.raw, &header, &miss)) {
        continue;
      }
    }
    if (line.wrapper.weak()) {
      Header header;
      Miss miss;
      if (detection.parser == nullptr ||
          ReadsWeakLineWhole(*detection.parser, line, &header, &miss)) {
        continue;
      }
    }
    ++kind_lines[static_cast<int>(line.wrapper.in_ui_copy ? WrapperKind::kUiCopy
                                                          : line.wrapper.kind)];
  }
  for (int kind = 1; kind < kWrapperKinds; ++kind) {
    if (kind_lines[kind] > detection.wrapped_lines) {
      detection.wrapped_lines = kind_lines[kind];
      detection.wrapper = static_cast<WrapperKind>(kind);
    }
  }
  return detection;
}

const Parser* DetectLine(std::string_view line, Header* header) {
  for (const Parser* parser : AllParsers()) {
    // A line without a time stays with the record before it, as continuation lines do.
    if (parser == &TimelessLogParser() || parser == &GenericLogParser()) continue;
    Miss miss;
    if (parser->ParseHeader(line, header, &miss)) return parser;
  }
  return nullptr;
}

// kubectl logs --prefix: "[pod/zk-0/zookeeper] <line>"; the pod names the source.
bool StripKubectlPrefix(std::string_view* line, std::string_view* service) {
  std::string_view s = *line;
  if (!s.starts_with("[pod/")) return false;
  size_t close = s.find("] ");
  if (close == std::string_view::npos || close > 300) return false;
  std::string_view inside = s.substr(5, close - 5);  // "zk-0/zookeeper"
  size_t slash = inside.find('/');
  if (slash == 0 || slash == std::string_view::npos || inside.find(' ') != std::string_view::npos) {
    return false;
  }
  *service = inside.substr(0, slash);
  *line = s.substr(close + 2);
  return true;
}

// A Kubernetes name: lower-case letters, digits and dashes, starting with a letter.
size_t KubernetesNameEnd(std::string_view s, size_t pos) {
  if (pos >= s.size() || !(s[pos] >= 'a' && s[pos] <= 'z')) return pos;
  size_t end = pos;
  while (end < s.size() && end - pos < 253 &&
         ((s[end] >= 'a' && s[end] <= 'z') || scan::IsDigit(s[end]) || s[end] == '-')) {
    ++end;
  }
  return end;
}

// stern and kubetail: "pod container <line>" ("mothy-numbat-kafka-0 kafka [2019-10-25 ...] INFO
// ..."); the pod names the source. Believed when the pod's name has a dash and the rest is a
// dated header some parser reads, so that two words of prose stay whole.
bool StripPodContainerPrefix(std::string_view* line, std::string_view* service) {
  std::string_view s = *line;
  size_t pod_end = KubernetesNameEnd(s, 0);
  if (pod_end == 0 || pod_end + 1 >= s.size() || s[pod_end] != ' ' ||
      s.substr(0, pod_end).find('-') == std::string_view::npos) {
    return false;
  }
  size_t container_end = KubernetesNameEnd(s, pod_end + 1);
  if (container_end == pod_end + 1 || container_end + 1 >= s.size() || s[container_end] != ' ') {
    return false;
  }
  std::string_view rest = s.substr(container_end + 1);
  Header header;
  if (DetectLine(rest, &header) == nullptr || header.local == kNoInstant) return false;
  *service = s.substr(0, pod_end);
  *line = rest;
  return true;
}

// grep -H and grep -r output: "store/latest/n2.log:2018-06-07 19:39:07.364446 Commit index now 10";
// the file names the source. Believed when the name is a log file's (".log", ".out", ".txt" in it)
// and the rest starts with a time some parser reads.
bool StripGrepFilePrefix(std::string_view* line, std::string_view* service) {
  std::string_view s = *line;
  size_t pos = 0;
  while (pos < s.size() && pos < 256 &&
         (scan::IsIdentChar(s[pos]) || s[pos] == '-' || s[pos] == '.' || s[pos] == '/')) {
    ++pos;
  }
  if (pos == 0 || pos + 1 >= s.size() || s[pos] != ':' || !scan::IsDigit(s[pos + 1])) return false;
  std::string_view name = s.substr(0, pos);
  if (name.find(".log") == std::string_view::npos && name.find(".out") == std::string_view::npos &&
      name.find(".txt") == std::string_view::npos) {
    return false;
  }
  std::string_view rest = s.substr(pos + 1);
  Header header;
  Miss miss;
  bool dated = (DetectLine(rest, &header) != nullptr && header.local != kNoInstant) ||
               GenericLogParser().ParseHeader(rest, &header, &miss);
  if (!dated) return false;
  *service = name;
  *line = rest;
  return true;
}

// The end of a program's name at pos ("vault", "kube-apiserver"), or pos when none starts there.
size_t ProgramNameEnd(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size() && end - pos < 64 &&
         (scan::IsIdentChar(s[end]) || s[end] == '-' || s[end] == '.')) {
    ++end;
  }
  return end > pos && !scan::IsDigit(s[pos]) ? end : pos;
}

// The rest of a prefixed line is a record's header: some parser reads a time at its start (the
// generic reader too: an inferred layout, hclog's, is not among DetectLine's parsers).
bool StartsWithTime(std::string_view rest) {
  Header header;
  Miss miss;
  return (DetectLine(rest, &header) != nullptr && header.local != kNoInstant) ||
         (GenericLogParser().ParseHeader(rest, &header, &miss) && header.local != kNoInstant);
}

bool StripComposePrefix(std::string_view* line, std::string_view* service) {
  if (StripKubectlPrefix(line, service)) return true;
  if (StripGrepFilePrefix(line, service)) return true;
  if (StripPodContainerPrefix(line, service)) return true;
  std::string_view s = *line;
  size_t pos = scan::SkipSpaces(s, 0);
  size_t name_begin = pos;
  // Compose names services "zk1", "zk-1-1"; docker swarm "zk.2.h0iehfydr7kh@node1".
  while (pos < s.size() &&
         (scan::IsIdentChar(s[pos]) || s[pos] == '-' || s[pos] == '.' || s[pos] == '@')) {
    ++pos;
  }
  if (pos == name_begin || pos - name_begin > 96) return false;
  size_t name_end = pos;
  // A label a person or a script put before each host's lines ("Namenode-0: 16/11/01 00:01:07
  // INFO ..."), or a log router's host and program ("vault-gcp-0 vault: 2020-05-18T15:49:31.517Z
  // [INFO] ..."; the host names the source): believed only when the rest starts with a time, so
  // that an exception line ("java.io.IOException: 3 errors") stays whole.
  size_t label_end = name_end;
  if (label_end < s.size() && s[label_end] == ' ') label_end = ProgramNameEnd(s, label_end + 1);
  if (label_end + 2 < s.size() && s[label_end] == ':' && s[label_end + 1] == ' ' &&
      scan::IsDigit(s[label_end + 2]) && !scan::IsDigit(s[name_begin])) {
    std::string_view rest = s.substr(label_end + 2);
    if (!StartsWithTime(rest)) return false;
    *service = s.substr(name_begin, name_end - name_begin);
    *line = rest;
    return true;
  }
  pos = scan::SkipSpaces(s, pos);
  if (pos == name_end || pos >= s.size() || s[pos] != '|') return false;
  // "WARN | ClientCnxn | ..." is a table of levels (Solr's Admin UI copied), not a service.
  Level level;
  if (scan::Log4jLevel(s.substr(name_begin, name_end - name_begin), &level)) return false;
  ++pos;
  if (pos < s.size() && s[pos] == ' ') ++pos;
  *service = s.substr(name_begin, name_end - name_begin);
  *line = s.substr(pos);
  return true;
}

}  // namespace faultline
