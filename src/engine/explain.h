// Fills a rule's summary, cause and remedy templates from a match (see docs/rules.md).
#pragma once

#include <string>
#include <vector>

#include "src/engine/config_values.h"
#include "src/engine/engine.h"

namespace faultline {

/// Expands {STEP.FIELD}, {STEP.CAPTURE}, {STEP.time - EXPR}, {delta.A.B}, {config.NAME} and
/// {expr.EXPR}. A sentence with a placeholder whose context entry found nothing is left out.
std::string ExpandTemplate(const std::string& text, const Match& match, const ConfigValues& config);

/// The match's rule's summary, expanded. When every sentence of it needs a step the logs given
/// do not show (a partial match), the rule's title after the hosts of the steps that are there:
/// a report never shows an empty summary.
std::string ExpandSummary(const Match& match, const ConfigValues& config);

/// Configuration names a rule uses in its windows and templates, in first-use order.
std::vector<std::string> ConfigNamesUsed(const Rule& rule);

/// "tickTime = 2000 ms (zk1/zoo.cfg:2)" / "syncLimit = 5 (default (zoo_sample.cfg))".
std::string DescribeConfig(const std::string& name, const ConfigValues& config);

/// "05:04:12.043" style instant (UTC, date included): "2019-09-17 05:04:12.043".
std::string InstantString(int64_t instant, int precision = 3);

/// The evidence called `name` in a match (a step, or the first context hit), or nullptr.
const Evidence* FindEvidence(const Match& match, const std::string& name);

}  // namespace faultline
