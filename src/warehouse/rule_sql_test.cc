// The rule -> SQL compiler of analyze --engine (rule_sql.h): the shape of the query per kind of
// rule, the regex literals, and the constructs it names as decided locally.
#include "src/warehouse/rule_sql.h"

#include <doctest/doctest.h>

#include "src/engine/engine_test_util.h"

namespace faultline {
namespace {

using namespace engine_test;  // NOLINT: the shared test vocabulary

Rule Load(const std::string& text) {
  Rule rule;
  std::vector<RuleDiagnostic> diagnostics;
  bool ok = LoadRule(text, "r.toml", "r", &rule, &diagnostics);
  for (const RuleDiagnostic& d : diagnostics) INFO(d.ToString());
  REQUIRE(ok);
  return rule;
}

std::string Sql(const Rule& rule, bool every_candidate = false, SqlWindow window = {}) {
  RulePlan plan;
  std::string error;
  REQUIRE(PlanRule(rule, ConfigValues(), every_candidate, &plan, &error));
  return RowsQuery({plan}, "faultline.events", window);
}

bool Has(const std::string& text, std::string_view part) {
  INFO(text);
  return text.find(part) != std::string::npos;
}

TEST_CASE("rule sql: regex literals are escaped and keep RE2's line semantics") {
  CHECK(SqlRegex(R"(a\.b)") == R"('(?-s:a\\.b)')");
  CHECK(SqlRegex("it's") == R"('(?-s:it\'s)')");
  CHECK(SqlRegex("(?i)abc") == "'(?-s:(?i)abc)'");
  CHECK(SqlRegex(R"(code:(?P<code>[A-Z_]+))") == R"('(?-s:code:(?P<code>[A-Z_]+))')");
}

TEST_CASE("rule sql: a matcher's condition lets unknown fields through, as the engine does") {
  Rule rule = Load(kSequence);
  std::string first = MatcherCondition(rule.steps[0]);
  CHECK(Has(first, "component IN ('zk', 'other')"));
  CHECK(Has(first, "(level = '-' OR level >= 'WARN')"));
  CHECK(Has(first, "(logger = '' OR match(logger, '(?-s:LearnerHandler$)'))"));
  CHECK(Has(first, "match(substring(text, message_at + 1), "));
  Rule parted = Load(kHead + R"toml(
[[steps]]
message = 'ConnectionLoss'
part = "continuation"
)toml");
  std::string cond = MatcherCondition(parted.steps[0]);
  CHECK(Has(cond, "position(text, '\\n')"));
  CHECK_FALSE(Has(cond, "component"));
}

TEST_CASE("rule sql: a sequence keeps only clusters holding every required step") {
  std::string sql = Sql(Load(kSequence));
  CHECK(Has(sql, "-- rule r: horizon 30s (elector within 30s = 30s)"));
  CHECK(Has(sql, "(source, line) GLOBAL IN ("));
  CHECK(Has(sql, "x - before > 30000000"));
  CHECK(Has(sql,
            "HAVING sum(bitAnd(r.4, 1) != 0) >= 1\n           AND sum(bitAnd(r.4, 2) != 0) >= 1)"));
  CHECK(Has(sql, "decided locally over the rows returned: the chain"));
  CHECK(Has(sql, "ORDER BY instant, host, source, line\nFORMAT TabSeparated"));
  CHECK(Has(sql, "WHERE instant != -9223372036854775808 AND ("));
}

TEST_CASE("rule sql: a count rule asks for count records in a cluster") {
  std::string sql = Sql(Load(kHead + R"toml(
[[steps]]
name = "flap"
component = "monitor"
message = '^Connection dropped'
count = 3
within = "60s"
)toml"));
  CHECK(Has(sql, "HAVING sum(bitAnd(r.4, 1) != 0) >= 3)"));
  CHECK(Has(sql, "> 60000000"));
  CHECK(Has(sql, "count windows of 'flap'"));
}

TEST_CASE("rule sql: an absent step is fetched but not required") {
  std::string sql = Sql(Load(kHead + R"toml(
[[steps]]
name = "down"
component = "zk"
message = '^Shutting down'

[[steps]]
name = "back"
component = "zk"
message = '^Started'
within = "10s"
absent = true
)toml"));
  CHECK(Has(sql, "HAVING sum(bitAnd(r.4, 1) != 0) >= 1)"));
  CHECK_FALSE(Has(sql, "bitAnd(r.4, 2)"));
  CHECK(Has(sql, "* 2 AS m"));  // its records still come back: they void waiting chains
  CHECK(Has(sql, "absence of 'back'"));
}

TEST_CASE("rule sql: what only local analysis can do is named, and only step conditions run") {
  std::string explain = Sql(Load(kSequence), true);
  CHECK(Has(explain, "--   runs locally: near misses and half-matched chains (--explain)"));
  CHECK_FALSE(Has(explain, "GLOBAL IN"));
  CHECK(Has(explain, "-- r step 'timeout'"));
  std::string one = Sql(Load(kHead + "[[steps]]\nmessage = 'OutOfMemoryError'\n"));
  CHECK(Has(one, "one step: each of its records is a match"));
  CHECK_FALSE(Has(one, "GLOBAL IN"));
}

TEST_CASE("rule sql: the time window bounds every read") {
  SqlWindow window{1000, 2000};
  std::string sql = Sql(Load(kSequence), false, window);
  CHECK(Has(sql, "WHERE instant >= 1000 AND instant < 2000 AND ("));
  CHECK(WindowCondition(window, true) ==
        "(instant = -9223372036854775808 OR (instant >= 1000 AND instant < 2000))");
  CHECK(WindowCondition(SqlWindow(), true) == "1");
}

TEST_CASE("rule sql: windows are evaluated with the configuration") {
  Rule rule = Load(kHead + R"toml(
[[steps]]
message = 'a'
[[steps]]
message = 'b'
within = "tickTime * syncLimit"
)toml");
  RulePlan plan;
  std::string error;
  REQUIRE(PlanRule(rule, ConfigValues(), false, &plan, &error));
  CHECK(plan.horizon == 10 * kSecond);  // 2000 ms x 5 by default
  CHECK(plan.horizon_text == "10s (step2 within tickTime * syncLimit = 10s)");
}

TEST_CASE("engine: ReachTime tells the engine where the stream ended") {
  const std::string absent = kHead + R"toml(
[[steps]]
name = "down"
component = "zk"
message = '^Shutting down'
[[steps]]
name = "back"
component = "zk"
message = '^Started'
within = "10s"
absent = true
)toml";
  Record down = Rec(kT0, 1, Component::kZk, Level::kInfo, "x.Y", "Shutting down");
  Harness sparse({absent});
  sparse.Feed(down, kZk1);
  sparse.engine().ReachTime(kT0 + 20 * kSecond);  // later records matched nothing
  sparse.engine().Finish();
  REQUIRE(sparse.matches().size() == 1);
  CHECK_FALSE(sparse.matches()[0].window_open_at_end);
  Harness alone({absent});
  alone.Feed(down, kZk1);
  alone.engine().Finish();
  REQUIRE(alone.matches().size() == 1);
  CHECK(alone.matches()[0].window_open_at_end);
}

}  // namespace
}  // namespace faultline
