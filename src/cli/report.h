// Renders an analysis: text for terminals, Markdown for tickets, JSON (schema
// "faultline.analyze/1", documented in faultline(1)) for machines.
#pragma once

#include <string>

#include "src/engine/analysis.h"

namespace faultline {

struct ReportOptions {
  bool explain = false;  ///< also list near misses and what was read
  bool colour = false;
};

std::string RenderText(const Analysis& analysis, const ReportOptions& options);
std::string RenderMarkdown(const Analysis& analysis, const ReportOptions& options);
std::string RenderJson(const Analysis& analysis, const ReportOptions& options);

}  // namespace faultline
