#include "parsers/infer_message.h"

#include <memory>

#include "parsers/continuation.h"
#include "parsers/infer_words.h"
#include "parsers/pattern_layout.h"
#include "parsers/scan_util.h"

namespace faultline {

using infer::IsLoggerName;
using infer::TrimBlanks;

// Three cells between bars after the level, one a dotted logger in the middle on most lines:
// ActiveMQ 5's "msg | logger | thread" or a Karaf-like "thread | logger | msg". A line alone cannot
// tell them apart; the file can: the thread is the end cell that never holds a blank, the message
// the one that mostly does. Returns the suffix for `fields` ("%m | %-1c | %-1t%n"), or "".
std::string PipeCellsSuffix(std::string_view fields, std::span<const std::string_view> lines) {
  std::string error;
  std::unique_ptr<CompiledLayout> rest =
      CompileLayout(std::string(fields) + "%m%n", PatternSyntax::kLog4j, "", &error);
  if (rest == nullptr) return "";
  int headers = 0, three = 0, dotted_middle = 0, first_blank = 0, last_blank = 0;
  for (std::string_view line : lines) {
    Header header;
    Miss miss;
    if (line.empty() || IsContinuationLine(line) || !rest->Match(line, &header, &miss)) continue;
    ++headers;
    std::string_view m = header.message;
    size_t bar1 = m.find(" | ");
    size_t bar2 = bar1 == std::string_view::npos ? bar1 : m.find(" | ", bar1 + 3);
    if (bar2 == std::string_view::npos || m.find(" | ", bar2 + 3) != std::string_view::npos) {
      continue;
    }
    ++three;
    std::string_view middle = TrimBlanks(m.substr(bar1 + 3, bar2 - bar1 - 3));
    bool dotted = false;
    dotted_middle += IsLoggerName(middle, &dotted) && dotted;
    first_blank += TrimBlanks(m.substr(0, bar1)).find(' ') != std::string_view::npos;
    last_blank += TrimBlanks(m.substr(bar2 + 3)).find(' ') != std::string_view::npos;
  }
  // Nearly every line has the cells, and most name a logger in the middle.
  if (three < 2 || three * 5 < headers * 4 || dotted_middle * 5 < three * 4) return "";
  if (last_blank == 0 && first_blank * 2 >= three) return "%m | %-1c | %-1t%n";
  if (first_blank == 0 && last_blank * 2 >= three) return "%-1t | %-1c | %m%n";
  return "";
}

// What follows the fields: the message, in the quotes a CSV export opened; in a tab-separated
// layout whose lines end in zap's "<TAB>{fields}", without them.
std::string MessageSuffix(std::string_view fields, std::span<const std::string_view> lines) {
  if (fields[0] == '"') return "%m\"%n";
  // logrus on a terminal pads the message to 44 and writes its fields after it, each after a
  // blank ("[Connecting to broker]      remote_addr=..."): two blanks end the message.
  if (fields.ends_with("[%r] ")) return "%m%notEmpty{  %X{fields}}%n";
  // TiDB's '["msg"] [key=value]...': the message ends at its quote; the fields after are not it.
  if (fields.ends_with("[\"")) return "%m\"]%notEmpty{ %X{fields}}%n";
  if (fields.back() == '\t') {
    for (std::string_view line : lines) {
      if (line.find("\t{") != std::string_view::npos && TrimBlanks(line).ends_with('}')) {
        return "%m%notEmpty{\t%X{fields}}%n";
      }
    }
  }
  return "%m%n";
}

}  // namespace faultline
