// Format detection. A file is scored against every parser on its first lines; the winner locks
// on for the whole file. Continuation lines (stack traces, banners) neither help nor hurt, so a
// file that starts with a banner or a trace is still recognised. On standard input, where several
// files may arrive concatenated, DetectLine() picks a parser per line instead.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/parser.h"
#include "parsers/wrapper.h"

namespace faultline {

/// How one parser fared on a file's first lines.
struct ParserScore {
  const Parser* parser = nullptr;
  int headers = 0;  ///< lines it parsed as headers
  int fields = 0;   ///< fields those headers gave (time, level, logger, thread): breaks ties
  /// Headers whose message starts with a blank or a separator: a padded field's padding and what
  /// follows it left in the message ("       [] - msg" after Flink's %-60c), or the separator
  /// after a logger (": msg", "===> msg"), is a layout read short.
  int blank_led = 0;
  /// Headers whose thread is a package-qualified name ("org.apache.activemq.artemis.core.server"):
  /// a bracketed logger read as the thread, and the message's first word then as the logger; or
  /// the line's time, in a bracket the layout reads as a thread.
  int logger_as_thread = 0;
  int64_t first_miss_line = 0;  ///< 1-based line of the first non-continuation miss (0: none)
  Miss first_miss;
  std::string first_miss_text;  ///< that line, cut to 200 bytes, for --explain
};

struct Detection {
  const Parser* parser = nullptr;   ///< the winner, or nullptr when nothing matched
  std::vector<ParserScore> scores;  ///< one per parser, registry order
  int lines_examined = 0;
  int continuation_lines = 0;
  /// The wrapper most of the lines carried (docker, journald, ...; kNone when none did).
  WrapperKind wrapper = WrapperKind::kNone;
  int wrapped_lines = 0;  ///< lines read through a wrapper
};

/// Lines examined when detecting a file's format.
inline constexpr int kDetectLines = 200;

/// Scores `lines` (the first lines of one input). A line in a wrapper (parsers/wrapper.h) is
/// scored by the line inside it: a docker or journald line counts for the parser that reads its
/// inner line (for the generic fallback also when nothing else reads it but the whole line starts
/// with a time); a docker-desktop line counts as it is, or by its inner line when that has a time
/// of its own. `year` reads syslog times without a year (default: now).
/// Layouts learnt for one input from logging configs, best first.
struct LearntCandidates {
  /// The config names this very file: scored before the built-in parsers, so they win ties.
  std::span<const Parser* const> named;
  /// Others (a file name left to a variable, a console appender): scored after the built-in
  /// specific parsers, so they win only by reading more lines.
  std::span<const Parser* const> offered;
  /// A layout inferred from the input's own first lines (parsers/infer_layout.h): it takes the
  /// input only from layouts that read fewer than half as many of the lines, being meant for
  /// inputs the table does not know, not as a rival to a row that knows them.
  const Parser* inferred = nullptr;
};

Detection DetectFormat(std::span<const std::string_view> lines,
                       const YearHint& year = YearHintForPath(nullptr),
                       const LearntCandidates& learnt = {});

/// The parser for a single line (standard input), excluding the timeless and generic fallbacks;
/// nullptr if no specific parser takes it. Fills *header on success.
const Parser* DetectLine(std::string_view line, Header* header);

/// Removes a `docker compose logs` prefix ("zk1  | ", "zk-1-1  | "), or grep -H's file name
/// ("logs/zk1.log:2019-..."), and returns the service or file name in *service; false when the
/// line has no such prefix.
bool StripComposePrefix(std::string_view* line, std::string_view* service);

}  // namespace faultline
