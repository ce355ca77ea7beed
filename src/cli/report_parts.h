// What the text, Markdown, JSON and HTML renderers share (report.cc defines it; report_json.cc and
// report_html*.cc use it).
#pragma once

#include <string>
#include <vector>

#include "src/engine/analysis.h"

namespace faultline::report_detail {

// One link of the causal chain: context evidence, then the rule's steps, in time order.
struct Link {
  const Evidence* evidence;
  bool is_step;
};

std::vector<Link> Chain(const Match& m);
/// A template's lines joined into one line, wrapped text unwrapped.
std::string OneLine(const std::string& text);
/// What a step that is not in the logs given may mean, in a sentence.
std::string MissingNote(const Step& step, const Analysis& a);
/// "Read 3 input(s), 1234 lines, 1200 records, configuration: ..."
std::string ReadSummary(const Analysis& a);
/// For an absence match: "no 'X' within W (until T)", else "".
std::string AbsenceNote(const Match& m);
/// "67% (2 of 3 steps in the logs given; ...)"
std::string ConfidenceLine(const Match& m);
/// When a record was written ("line N" for a log without time).
std::string EvidenceTime(const Evidence& e);
/// The incident's span in UTC with its length, or why there is none.
std::string WhenText(const Incident& inc, const std::string& dash);
/// Cron mode's "(updated) " / "(episode opened) " prefix, or "".
std::string UpdatedMark(const Incident& inc);
/// "37 occurrences from ... to ... UTC (2h27m), the worst shown"
std::string EpisodeText(const Incident& inc);

}  // namespace faultline::report_detail
