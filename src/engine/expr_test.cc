#include "src/engine/expr.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

#include "src/base/reporter.h"
#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

constexpr int64_t kSecond = 1'000'000;

// A directory of its own under the system temp directory, removed at the end of the test.
using testing::TempDir;

std::unique_ptr<Expr> MustParse(const std::string& text) {
  std::string err;
  int column = -1;
  auto expr = Expr::Parse(text, &err, &column);
  INFO("expression: ", text, " error: ", err, " at ", column);
  REQUIRE(expr != nullptr);
  CHECK(err.empty());
  return expr;
}

// Parses and evaluates `text` as a duration; fails the test if it is not one.
int64_t Micros(const std::string& text, const ConfigValues& config) {
  auto expr = MustParse(text);
  int64_t micros = -1;
  std::string err;
  INFO("expression: ", text);
  REQUIRE(EvalDuration(*expr, config, &micros, &err));
  CHECK(err.empty());
  return micros;
}

TEST_CASE("expr: a plain duration") {
  ConfigValues defaults;
  CHECK(Micros("30s", defaults) == 30 * kSecond);
  CHECK(Micros("500ms", defaults) == 500'000);
  CHECK(Micros("1.5s", defaults) == 1'500'000);
  CHECK(Micros("5m", defaults) == 300 * kSecond);
  CHECK(Micros("  30s  ", defaults) == 30 * kSecond);
  auto expr = MustParse("30s");
  ExprValue v = expr->Eval(defaults);
  CHECK(v.is_duration);
  CHECK(v.value == 30'000'000.0);
  CHECK(FormatExprValue(v) == "30s");
  std::set<std::string> names;
  expr->CollectNames(&names);
  CHECK(names.empty());
}

TEST_CASE("expr: tickTime * syncLimit + 2s is 12s with the defaults") {
  ConfigValues defaults;
  CHECK(Micros("tickTime * syncLimit + 2s", defaults) == 12 * kSecond);
  auto expr = MustParse("tickTime * syncLimit + 2s");
  CHECK(FormatExprValue(expr->Eval(defaults)) == "12s");
  std::set<std::string> names;
  expr->CollectNames(&names);
  CHECK(names == std::set<std::string>{"syncLimit", "tickTime"});
  // Precedence: * binds tighter than +, whichever side it is on.
  CHECK(Micros("2s + tickTime * syncLimit", defaults) == 12 * kSecond);
  CHECK(Micros("tickTime * syncLimit - 2s", defaults) == 8 * kSecond);
  CHECK(Micros("syncLimit * tickTime", defaults) == 10 * kSecond);
}

TEST_CASE("expr: values come from a loaded zoo.cfg") {
  TempDir dir;
  std::string path =
      dir.Write("zk1/zoo.cfg", "# test ensemble\ntickTime=3000\nsyncLimit = 10\ninitLimit=20\n");
  Reporter reporter;
  reporter.set_quiet(true);
  ConfigValues config;
  config.LoadFile(path, &reporter);
  CHECK(reporter.errors() == 0);
  CHECK(reporter.input_problems() == 0);
  // 3000 ms * 10 + 2 s
  CHECK(Micros("tickTime * syncLimit + 2s", config) == 32 * kSecond);
  CHECK(FormatExprValue(MustParse("tickTime * syncLimit + 2s")->Eval(config)) == "32s");
  CHECK(Micros("tickTime * initLimit", config) == 60 * kSecond);
  CHECK(FormatExprValue(MustParse("tickTime * initLimit")->Eval(config)) == "1m");
  // Keys the file does not set keep their defaults.
  CHECK(Micros("maxSessionTimeout", config) == 40 * kSecond);
  // The same expression object evaluates against whichever configuration it is given.
  auto expr = MustParse("tickTime * syncLimit + 2s");
  ConfigValues defaults;
  CHECK(expr->Eval(defaults).value == 12'000'000.0);
  CHECK(expr->Eval(config).value == 32'000'000.0);
}

TEST_CASE("expr: parentheses") {
  ConfigValues defaults;
  CHECK(Micros("(tickTime + 1s) * 2", defaults) == 6 * kSecond);
  CHECK(Micros("tickTime + 1s * 2", defaults) == 4 * kSecond);
  CHECK(Micros("2 * (tickTime - 500ms)", defaults) == 3 * kSecond);
  CHECK(Micros("((tickTime)) * (syncLimit + 1)", defaults) == 12 * kSecond);
  CHECK(Micros("(2s)", defaults) == 2 * kSecond);
  ExprValue count = MustParse("((syncLimit))")->Eval(defaults);
  CHECK_FALSE(count.is_duration);
  CHECK(count.value == 5.0);
  // Subtraction is left-associative.
  CHECK(Micros("10s - 2s - 1s", defaults) == 7 * kSecond);
  CHECK(Micros("10s - (2s - 1s)", defaults) == 9 * kSecond);
}

TEST_CASE("expr: dashed configuration names") {
  ConfigValues defaults;
  CHECK(Micros("ha.zookeeper.session-timeout.ms * 2", defaults) == 10 * kSecond);
  auto expr = MustParse("ha.zookeeper.session-timeout.ms * 2");
  std::set<std::string> names;
  expr->CollectNames(&names);
  CHECK(names == std::set<std::string>{"ha.zookeeper.session-timeout.ms"});
  CHECK(Micros("ha.health-monitor.rpc-timeout.ms + ha.health-monitor.check-interval.ms",
               defaults) == 46 * kSecond);
  // A dash between letters belongs to the name; with spaces, or before a digit, it is a minus.
  CHECK(Micros("maxSessionTimeout - minSessionTimeout", defaults) == 36 * kSecond);
  CHECK(Micros("tickTime-1s", defaults) == 1 * kSecond);

  TempDir dir;
  std::string path = dir.Write("core-site.xml",
                               "<?xml version=\"1.0\"?>\n<configuration>\n  <property>\n"
                               "    <name>ha.zookeeper.session-timeout.ms</name>\n"
                               "    <value>12000</value>\n  </property>\n</configuration>\n");
  Reporter reporter;
  reporter.set_quiet(true);
  ConfigValues config;
  config.LoadFile(path, &reporter);
  CHECK(Micros("ha.zookeeper.session-timeout.ms * 2", config) == 24 * kSecond);
}

TEST_CASE("expr: numbers are not durations") {
  ConfigValues defaults;
  auto expr = MustParse("syncLimit * 2");
  ExprValue v = expr->Eval(defaults);
  CHECK_FALSE(v.is_duration);
  CHECK(v.value == 10.0);
  CHECK(FormatExprValue(v) == "10");
  int64_t micros = -1;
  std::string err;
  CHECK_FALSE(EvalDuration(*expr, defaults, &micros, &err));
  CHECK(err == "the expression is a number, not a duration");
  CHECK(micros == -1);
  CHECK(FormatExprValue(MustParse("5")->Eval(defaults)) == "5");
  // A number times a duration is a duration.
  CHECK(Micros("1.5 * tickTime", defaults) == 3 * kSecond);
}

TEST_CASE("expr: errors name the problem and its column") {
  struct Row {
    std::string text;
    std::string err;
    int column;
  };
  const Row rows[] = {
      {"fooBar + 1s", "unknown configuration name 'fooBar'", 0},
      {"2s + tickTim", "unknown configuration name 'tickTim' (did you mean 'tickTime'?)", 5},
      {"ha.zookeeper.session-timeout * 2",
       "unknown configuration name 'ha.zookeeper.session-timeout' (did you mean "
       "'ha.zookeeper.session-timeout.ms'?)",
       0},
      {"5 +", "expected a number, duration or configuration name", 3},
      {"", "expected a number, duration or configuration name", 0},
      {"2x", "bad duration '2x': unknown unit 'x' (use us, ms, s, m, h or d)", 0},
      {"1s + 2x", "bad duration '2x': unknown unit 'x' (use us, ms, s, m, h or d)", 5},
      {"(2s + 1s", "expected ')'", 8},
      {"2s )", "unexpected ')'", 3},
      {"2s / 2", "unexpected '/'", 3},
      {"30 parsecs", "expected + - * here; a duration is written without a space (30s, 500ms)", 3},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    std::string err;
    int column = -1;
    CHECK(Expr::Parse(row.text, &err, &column) == nullptr);
    CHECK(err == row.err);
    CHECK(column == row.column);
  }
}

TEST_CASE("expr: a malformed number is an error, not an exception") {
  // "." and a number too large for a double reach std::stod in the number branch.
  for (std::string text :
       {std::string("."), std::string("tickTime * ."), std::string("1") + std::string(400, '0')}) {
    CAPTURE(text);
    std::string err;
    int column = -1;
    std::unique_ptr<Expr> expr;
    CHECK_NOTHROW(expr = Expr::Parse(text, &err, &column));
    if (text == ".") {
      CHECK(expr == nullptr);
      CHECK_FALSE(err.empty());
      CHECK(column == 0);
    } else if (text == "tickTime * .") {
      CHECK(expr == nullptr);
      CHECK_FALSE(err.empty());
      CHECK(column == 11);
    } else {
      // Either rejected with a message, or parsed; never thrown.
      CHECK((expr != nullptr || !err.empty()));
    }
  }
}

}  // namespace
}  // namespace faultline
