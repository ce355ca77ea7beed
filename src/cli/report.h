// Renders an analysis: text for terminals, Markdown for tickets, JSON (schema
// "faultline.analyze/1", documented in faultline(1)) for machines, HTML (one self-contained page
// with a swimlane timeline per incident) for people to look at.
#pragma once

#include <string>

#include "src/engine/analysis.h"

namespace faultline {

struct ReportOptions {
  bool explain = false;  ///< also list near misses and what was read
  bool colour = false;
  /// JSON: when > 0, also an "episodes" array grouping the incidents (see episodes.h) with this
  /// quiet period; the incidents themselves are all listed.
  int64_t quiet_period = 0;
};

std::string RenderText(const Analysis& analysis, const ReportOptions& options);
std::string RenderMarkdown(const Analysis& analysis, const ReportOptions& options);
std::string RenderJson(const Analysis& analysis, const ReportOptions& options);
std::string RenderHtml(const Analysis& analysis, const ReportOptions& options);

}  // namespace faultline
