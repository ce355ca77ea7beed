#include "parsers/detect.h"

#include "parsers/continuation.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"

namespace faultline {

Detection DetectFormat(std::span<const std::string_view> lines) {
  Detection detection;
  detection.lines_examined = static_cast<int>(lines.size());
  for (const Parser* parser : AllParsers()) {
    ParserScore score;
    score.parser = parser;
    Header header;
    for (size_t i = 0; i < lines.size(); ++i) {
      Miss miss;
      if (parser->ParseHeader(lines[i], &header, &miss)) {
        ++score.headers;
      } else if (score.first_miss_line == 0 && !IsContinuationLine(lines[i])) {
        score.first_miss_line = static_cast<int64_t>(i) + 1;
        score.first_miss = miss;
        score.first_miss_text = std::string(lines[i].substr(0, 200));
      }
    }
    detection.scores.push_back(std::move(score));
  }
  for (std::string_view line : lines) {
    if (IsContinuationLine(line)) ++detection.continuation_lines;
  }
  // The most specific parser with the most headers wins, unless the generic fallback explains
  // more than twice as many lines (a file of some other daemon whose lines merely start alike).
  const ParserScore* best = nullptr;
  const ParserScore& generic = detection.scores.back();
  for (size_t i = 0; i + 1 < detection.scores.size(); ++i) {
    const ParserScore& score = detection.scores[i];
    if (score.headers > 0 && (best == nullptr || score.headers > best->headers)) best = &score;
  }
  if (best != nullptr && best->headers * 2 >= generic.headers) {
    detection.parser = best->parser;
  } else if (generic.headers > 0) {
    detection.parser = generic.parser;
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

bool StripComposePrefix(std::string_view* line, std::string_view* service) {
  std::string_view s = *line;
  size_t pos = scan::SkipSpaces(s, 0);
  size_t name_begin = pos;
  while (pos < s.size() && (scan::IsIdentChar(s[pos]) || s[pos] == '-' || s[pos] == '.')) {
    ++pos;
  }
  if (pos == name_begin || pos - name_begin > 64) return false;
  size_t name_end = pos;
  pos = scan::SkipSpaces(s, pos);
  if (pos == name_end || pos >= s.size() || s[pos] != '|') return false;
  ++pos;
  if (pos < s.size() && s[pos] == ' ') ++pos;
  *service = s.substr(name_begin, name_end - name_begin);
  *line = s.substr(pos);
  return true;
}

}  // namespace faultline
