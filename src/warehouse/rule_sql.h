// Compiles rules into the SQL that `analyze --engine` runs inside ClickHouse: it returns, from the
// warehouse's `events` table, the records a rule needs to be decided, and leaves the rest there.
// The rule engine then decides the rule over those records exactly as over the whole stream
// (docs/scale-out.md, "analyze --engine").
//
// Two stages, both in ClickHouse:
//  (a) Every step's and context entry's matcher becomes a WHERE condition: component, least
//      level, host, and the logger, thread and message patterns through match() (RE2 there too).
//      A record the engine would take always passes it: as in the engine, what a record does not
//      show (no component, level or logger) does not reject it.
//  (b) The records of the steps are cut into clusters, runs in time order where each record
//      comes at most the rule's horizon (the sum of its windows and its at_least) after the one
//      before: no chain of the rule spans a wider gap, and every chain begun in a cluster has
//      expired before the next one starts. A cluster without a required step, without a decisive
//      one when the rule has them, or with fewer than `count` records of a count step cannot
//      hold a match; its records stay in the warehouse. (Any subset of such a cluster cannot hold
//      one either, so records another rule brings back change nothing.)
// What neither stage decides (the order of the steps, their windows, `same` and `not_same`
// keys, `at_least`, absence, which waiting chain a record extends) is decided locally by the
// engine over the rows that come back, so the answer is the one local analysis gives.
// With every candidate wanted (--explain lists near misses and half-matched chains, which the
// clusters dropped in (b) would have shown), only stage (a) runs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/engine/config_values.h"
#include "src/engine/rule.h"

namespace faultline {

/// How one rule is read from the warehouse.
struct RulePlan {
  const Rule* rule = nullptr;
  std::vector<std::string> steps;     ///< per step: the stage (a) condition on an events row
  std::vector<std::string> contexts;  ///< per context entry
  /// Microseconds: step records farther apart than this never meet in one chain.
  int64_t horizon = 0;
  std::string horizon_text;  ///< how it was computed, for the SQL's comment
  bool clustered = false;    ///< stage (b) runs in ClickHouse
  /// What runs locally, and why, one line each (the SQL names them in comments).
  std::vector<std::string> local;
};

/// The records' time window (the analysis's --since / --from / --to; microseconds, `to`
/// exclusive).
struct SqlWindow {
  int64_t from = INT64_MIN, to = INT64_MAX;
};

/// `pattern` (RE2, as a rule writes it) as the quoted string literal ClickHouse's match() needs
/// to give the answer faultline's RE2 gives: wrapped in (?-s:...), since match() lets '.' match
/// a newline and faultline does not (the group also keeps ClickHouse 18.16's literal prefilter
/// from misreading a leading flag group such as (?i)), and with '\' and '\'' escaped.
std::string SqlRegex(std::string_view pattern);

/// The stage (a) condition for `m` (SQL over the events table's columns).
std::string MatcherCondition(const Matcher& m);

/// Plans `rule` with the windows `config` gives. `every_candidate`: only stage (a) (--explain).
/// False with *error when a window cannot be evaluated with this configuration.
bool PlanRule(const Rule& rule, const ConfigValues& config, bool every_candidate, RulePlan* plan,
              std::string* error);

/// The query that returns the records `plans` need within `window`, each once, in time order, as
/// rows of kRecordColumns (record_rows.h) in kRecordFormat; `table` is "db.events". Comments
/// name each rule and what runs locally.
std::string RowsQuery(const std::vector<RulePlan>& plans, std::string_view table,
                      const SqlWindow& window);

/// The condition of `window` on `instant` ("1" when unbounded); records without a time of their
/// own (kNoInstant) are in it only when `with_untimed`.
std::string WindowCondition(const SqlWindow& window, bool with_untimed);

}  // namespace faultline
