// What the text, Markdown and JSON renderers share (report.cc defines it; report_json.cc uses it).
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

}  // namespace faultline::report_detail
