#include "src/warehouse/rule_sql.h"

#include "src/base/duration.h"
#include "src/warehouse/clickhouse_client.h"
#include "src/warehouse/record_rows.h"

namespace faultline {
namespace {

// The texts a matcher's message pattern runs on, as the engine cuts them from Record::text:
// the message and everything after it, the header's message, the continuation lines.
constexpr std::string_view kRecordPart = "substring(text, message_at + 1)";
constexpr std::string_view kMessagePart = "message";
constexpr std::string_view kContinuationPart =
    "if(position(text, '\\n') = 0, '', substring(text, position(text, '\\n') + 1))";

std::string Join(const std::vector<std::string>& parts, std::string_view glue) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += glue;
    out += part;
  }
  return out;
}

// Step names with a property, for the comments: "'a', 'b'".
std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "'" : ", '") + name + "'";
  return out;
}

bool Window(const Expr* expr, const ConfigValues& config, int64_t* micros, std::string* error) {
  *micros = 0;
  return expr == nullptr || EvalDuration(*expr, config, micros, error);
}

// What the engine decides over the rows that come back, named per construct.
std::vector<std::string> LocalConstructs(const Rule& rule) {
  std::vector<std::string> same, not_same, at_least, count, absent;
  for (const Step& step : rule.steps) {
    if (!step.same.empty()) same.push_back(step.name + ": " + Join(step.same, ", "));
    if (!step.not_same.empty()) not_same.push_back(step.name);
    if (step.at_least) at_least.push_back(step.name);
    if (step.count > 1) count.push_back(step.name);
    if (step.absent) absent.push_back(step.name);
  }
  std::vector<std::string> out;
  if (rule.steps.size() > 1) {
    out.push_back("the chain (step order, within windows, which waiting chain a record extends)");
  }
  if (!same.empty()) out.push_back("same keys (" + Join(same, "; ") + ")");
  if (!not_same.empty()) out.push_back("not_same keys of " + Names(not_same));
  if (!at_least.empty()) out.push_back("at_least of " + Names(at_least));
  if (!count.empty()) out.push_back("count windows of " + Names(count));
  if (!absent.empty()) out.push_back("absence of " + Names(absent));
  if (rule.HasRoles()) out.push_back("roles (which steps a chain passes over, when it opens)");
  if (!rule.contexts.empty()) out.push_back("context gathered around the match");
  return out;
}

// Step records as the bit mask of the steps whose condition they meet.
std::string MaskExpression(const RulePlan& plan) {
  std::vector<std::string> terms;
  for (size_t k = 0; k < plan.steps.size(); ++k) {
    terms.push_back("toUInt64(" + plan.steps[k] + ")" +
                    (k == 0 ? "" : " * " + std::to_string(uint64_t{1} << k)));
  }
  return Join(terms, "\n           + ");
}

// Over one cluster's step records (r.4: the mask of steps each meets): can it hold a match?
// Every required step, `count` records of a count step, and a decisive step when the rule has
// them. (Not when the last step is absent: a chain that reaches an absence window fires without
// a decisive step.)
std::string KeepCondition(const Rule& rule) {
  bool absence = rule.steps.back().absent;
  std::vector<std::string> required, decisive;
  for (size_t k = 0; k < rule.steps.size(); ++k) {
    const Step& step = rule.steps[k];
    if (step.absent || step.role == StepRole::kCorroborating) continue;
    std::string seen = "sum(bitAnd(r.4, " + std::to_string(uint64_t{1} << k) +
                       ") != 0) >= " + std::to_string(step.count);
    (step.role == StepRole::kRequired ? required : decisive).push_back(seen);
  }
  if (!decisive.empty() && !absence) required.push_back("(" + Join(decisive, " OR ") + ")");
  return Join(required, "\n           AND ");
}

// The (source, line) keys of the step records in clusters that can hold a match (stage b). The
// records are sorted in one array; a cluster opens where a record comes more than the horizon
// after the one before. (No lambda captures an array: ClickHouse would copy it per element.)
std::string ClusterQuery(const RulePlan& plan, std::string_view table, const SqlWindow& window) {
  return "      SELECT key.1, key.2 FROM (\n"
         "        SELECT groupArray((r.2, r.3)) AS keys FROM (\n"
         "          SELECT arraySort(groupArray((instant, source, line, m))) AS rows,\n"
         "             arrayMap(x -> x.1, rows) AS t,\n"
         "             arrayCumSum(arrayMap((x, before) -> x - before > " +
         std::to_string(plan.horizon) +
         ", t, arrayPopBack(arrayPushFront(t, t[1])))) AS cluster\n"
         "          FROM (SELECT instant, source, line,\n           " +
         MaskExpression(plan) + " AS m\n          FROM " + std::string(table) +
         "\n          WHERE " + WindowCondition(window, false) +
         " AND m != 0))\n"
         "        ARRAY JOIN rows AS r, cluster AS c\n"
         "        GROUP BY c\n"
         "        HAVING " +
         KeepCondition(*plan.rule) +
         ")\n"
         "      ARRAY JOIN keys AS key";
}

std::string DurationText(int64_t micros) { return micros == 0 ? "0s" : FormatDuration(micros); }

}  // namespace

std::string SqlRegex(std::string_view pattern) {
  return SqlQuote("(?-s:" + std::string(pattern) + ")");
}

std::string MatcherCondition(const Matcher& m) {
  std::vector<std::string> parts;
  // As Engine::FieldsMatch: an unknown component, level or logger does not reject a record.
  if (!m.any_component) {
    parts.push_back("component IN (" + SqlQuote(ComponentName(m.component)) + ", 'other')");
  }
  if (m.min_level != Level::kUnknown) {
    parts.push_back("(level = '-' OR level >= " + SqlQuote(LevelName(m.min_level)) + ")");
  }
  if (!m.host.empty()) parts.push_back("host = " + SqlQuote(m.host));
  if (m.logger)
    parts.push_back("(logger = '' OR match(logger, " + SqlRegex(m.logger->pattern()) + "))");
  if (m.thread)
    parts.push_back("(thread = '' OR match(thread, " + SqlRegex(m.thread->pattern()) + "))");
  if (m.message) {
    // The engine's pattern set runs on the record part, then the part the matcher names.
    std::string re = SqlRegex(m.message->pattern());
    parts.push_back("match(" + std::string(kRecordPart) + ", " + re + ")");
    if (m.part == MatchPart::kMessage) {
      parts.push_back("match(" + std::string(kMessagePart) + ", " + re + ")");
    } else if (m.part == MatchPart::kContinuation) {
      parts.push_back("match(" + std::string(kContinuationPart) + ", " + re + ")");
    }
  }
  if (parts.empty()) return "1";
  return parts.size() == 1 ? parts.front() : "(" + Join(parts, " AND ") + ")";
}

bool PlanRule(const Rule& rule, const ConfigValues& config, bool every_candidate, RulePlan* plan,
              std::string* error) {
  *plan = RulePlan();
  plan->rule = &rule;
  std::vector<std::string> terms;
  for (const Step& step : rule.steps) {
    plan->steps.push_back(MatcherCondition(step));
    int64_t within = 0, at_least = 0;
    std::string why;
    if (!Window(step.within.get(), config, &within, &why) ||
        !Window(step.at_least.get(), config, &at_least, &why)) {
      *error = rule.id + ": step '" + step.name + "': " + why;
      return false;
    }
    plan->horizon += within + at_least;
    if (within > 0)
      terms.push_back(step.name + " within " + step.within_text + " = " + DurationText(within));
    if (at_least > 0) {
      terms.push_back(step.name + " at_least " + step.at_least_text + " = " +
                      DurationText(at_least));
    }
  }
  for (const ContextMatcher& c : rule.contexts) plan->contexts.push_back(MatcherCondition(c));
  plan->horizon_text =
      DurationText(plan->horizon) + (terms.empty() ? "" : " (" + Join(terms, ", ") + ")");
  plan->local = LocalConstructs(rule);
  bool one_step = rule.steps.size() == 1 && rule.steps.front().count == 1;
  std::string keep = KeepCondition(rule);
  if (every_candidate) {
    plan->local.insert(plan->local.begin(),
                       "runs locally: near misses and half-matched chains (--explain) need every "
                       "candidate record");
  } else if (one_step) {
    plan->local.insert(plan->local.begin(), "one step: each of its records is a match");
  } else if (keep.empty()) {
    plan->local.insert(plan->local.begin(),
                       "runs locally: no cluster can be ruled out (no step is required, and a "
                       "chain that reaches an absence window fires without a decisive one)");
  } else {
    plan->clustered = true;
  }
  return true;
}

std::string WindowCondition(const SqlWindow& window, bool with_untimed) {
  std::vector<std::string> parts;
  if (window.from != INT64_MIN) parts.push_back("instant >= " + std::to_string(window.from));
  if (window.to != INT64_MAX) parts.push_back("instant < " + std::to_string(window.to));
  if (parts.empty()) {
    return with_untimed ? "1" : "instant != " + std::to_string(kNoInstant);
  }
  std::string timed = Join(parts, " AND ");
  if (!with_untimed) return timed;
  return "(instant = " + std::to_string(kNoInstant) + " OR (" + timed + "))";
}

std::string RowsQuery(const std::vector<RulePlan>& plans, std::string_view table,
                      const SqlWindow& window) {
  std::string comments, wanted;
  auto add = [&](const std::string& comment, const std::string& condition) {
    wanted += (wanted.empty() ? "\n    " : "\n    OR ") + comment + condition;
  };
  for (const RulePlan& plan : plans) {
    const Rule& rule = *plan.rule;
    std::string head = "-- rule " + rule.id + ": horizon " + plan.horizon_text + "\n";
    for (const std::string& line : plan.local) {
      head += "--   " +
              std::string(line.rfind("runs locally", 0) == 0 || line.rfind("one step", 0) == 0
                              ? ""
                              : "decided locally over the rows returned: ") +
              line + "\n";
    }
    comments += head;
    for (size_t i = 0; i < plan.contexts.size(); ++i) {
      add("-- " + rule.id + " context '" + rule.contexts[i].name + "'\n    ", plan.contexts[i]);
    }
    if (plan.clustered) {
      add("-- " + rule.id + ": step records in clusters that can hold a match\n    ",
          "(source, line) GLOBAL IN (\n" + ClusterQuery(plan, table, window) + ")");
    } else {
      for (size_t k = 0; k < plan.steps.size(); ++k) {
        add("-- " + rule.id + " step '" + rule.steps[k].name + "'\n    ", plan.steps[k]);
      }
    }
  }
  if (wanted.empty()) wanted = "\n    0";
  return comments + "SELECT " + std::string(kRecordColumns) + "\nFROM " + std::string(table) +
         "\nWHERE " + WindowCondition(window, false) + " AND (" + wanted +
         ")\nORDER BY instant, host, source, line\nFORMAT " + std::string(kRecordFormat) + "\n";
}

}  // namespace faultline
