#include "src/engine/rule_loader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

// The keys every rule needs, for tests about something else.
const std::string kHead =
    "title = \"t\"\n"            // 1
    "severity = \"critical\"\n"  // 2
    "summary = \"s\"\n"          // 3
    "remedy = \"r\"\n";          // 4

std::vector<std::string> Errors(const std::string& text, bool* ok = nullptr) {
  Rule rule;
  std::vector<RuleDiagnostic> diagnostics;
  bool loaded = LoadRule(text, "r.toml", "r", &rule, &diagnostics);
  if (ok != nullptr) *ok = loaded;
  CHECK(loaded == diagnostics.empty());
  std::vector<std::string> out;
  for (const RuleDiagnostic& d : diagnostics) out.push_back(d.ToString());
  return out;
}

using Lines = std::vector<std::string>;

TEST_CASE("rule_loader: a valid rule loads") {
  const std::string text = R"toml(title = "Leader dropped a follower"
severity = "critical"
tags = ["zookeeper", "zkfc"]
priority = 50
effect = "zkfc-exit"
description = "what it means"
summary = "{timeout.host}: {expr.tickTime * syncLimit}; {fatal.host} exited {delta.timeout.fatal} later ({elector.code})"
cause = "at {timeout.time}, {config.syncLimit}"
remedy = "restart the ZKFC on {fatal.host}; {drops.why}"

[[steps]]
name = "timeout"
component = "zk"
level = "warn"
logger = 'LearnerHandler$'
message = '^Closing connection to peer due to transaction timeout\.?$'

[[steps]]
name = "elector"
component = "zkfc"
level = "error"
message = '^Received (?P<op>stat|create) error from Zookeeper\. code:(?P<code>[A-Z_]+)'
within = "tickTime * syncLimit + 2s"

[[steps]]
name = "fatal"
component = "zkfc"
thread = 'main'
host = "nn1"
message = 'exiting'
within = "10s"
same = ["host"]

[[steps]]
message = 'restarted'
within = "1m"
count = 2

[[context]]
name = "drops"
component = "monitor"
message = '^Connection dropped: (?P<why>.*)'
around = "timeout"
before = "tickTime * syncLimit + 5s"
after = "0s"

[[context]]
message = 'fsync'
)toml";
  Rule rule;
  std::vector<RuleDiagnostic> diagnostics;
  REQUIRE(LoadRule(text, "rules/x.toml", "x", &rule, &diagnostics));
  CHECK(diagnostics.empty());
  CHECK(rule.id == "x");
  CHECK(rule.file == "rules/x.toml");
  CHECK(rule.title == "Leader dropped a follower");
  CHECK(rule.severity == Severity::kCritical);
  CHECK(rule.tags == std::vector<std::string>{"zookeeper", "zkfc"});
  CHECK(rule.priority == 50);
  CHECK(rule.effect == "zkfc-exit");
  CHECK(rule.description == "what it means");
  CHECK(rule.cause == "at {timeout.time}, {config.syncLimit}");
  CHECK_FALSE(rule.builtin);

  REQUIRE(rule.steps.size() == 4);
  const Step& timeout = rule.steps[0];
  CHECK(timeout.name == "timeout");
  CHECK_FALSE(timeout.any_component);
  CHECK(timeout.component == Component::kZk);
  CHECK(timeout.min_level == Level::kWarn);
  REQUIRE(timeout.logger != nullptr);
  CHECK(timeout.logger->pattern() == "LearnerHandler$");
  CHECK(timeout.thread == nullptr);
  REQUIRE(timeout.message != nullptr);
  CHECK(timeout.captures.empty());
  CHECK(timeout.within == nullptr);
  CHECK(timeout.within_text == "");
  CHECK(timeout.count == 1);
  CHECK_FALSE(timeout.absent);
  CHECK(timeout.line == 11);

  const Step& elector = rule.steps[1];
  CHECK(elector.name == "elector");
  CHECK(elector.component == Component::kZkfc);
  CHECK(elector.min_level == Level::kError);
  CHECK(elector.captures == std::vector<std::string>{"code", "op"});
  CHECK(elector.within_text == "tickTime * syncLimit + 2s");
  REQUIRE(elector.within != nullptr);
  ConfigValues defaults;
  int64_t micros = 0;
  std::string err;
  REQUIRE(EvalDuration(*elector.within, defaults, &micros, &err));
  CHECK(micros == 12'000'000);
  CHECK(elector.same.empty());
  CHECK(elector.line == 18);

  const Step& fatal = rule.steps[2];
  CHECK(fatal.name == "fatal");
  CHECK(fatal.host == "nn1");
  REQUIRE(fatal.thread != nullptr);
  CHECK(fatal.thread->pattern() == "main");
  CHECK(fatal.min_level == Level::kUnknown);
  CHECK(fatal.within_text == "10s");
  CHECK(fatal.same == std::vector<std::string>{"host"});

  const Step& unnamed = rule.steps[3];
  CHECK(unnamed.name == "step4");
  CHECK(unnamed.any_component);
  CHECK(unnamed.count == 2);
  CHECK(unnamed.within_text == "1m");

  REQUIRE(rule.contexts.size() == 2);
  const ContextMatcher& drops = rule.contexts[0];
  CHECK(drops.name == "drops");
  CHECK(drops.component == Component::kMonitor);
  CHECK(drops.anchor == 0);
  CHECK(drops.captures == std::vector<std::string>{"why"});
  REQUIRE(drops.before != nullptr);
  REQUIRE(EvalDuration(*drops.before, defaults, &micros, &err));
  CHECK(micros == 15'000'000);
  REQUIRE(drops.after != nullptr);
  REQUIRE(EvalDuration(*drops.after, defaults, &micros, &err));
  CHECK(micros == 0);
  const ContextMatcher& unnamed_context = rule.contexts[1];
  CHECK(unnamed_context.name == "context2");
  CHECK(unnamed_context.anchor == 0);
  CHECK(unnamed_context.before == nullptr);
  CHECK(unnamed_context.after == nullptr);

  CHECK(rule.FindName("timeout") == 0);
  CHECK(rule.FindName("step4") == 3);
  CHECK(rule.FindName("drops") == 4);
  CHECK(rule.FindName("context2") == 5);
  CHECK(rule.FindName("nothing") == -1);
}

TEST_CASE("rule_loader: the last step may be absent") {
  Rule rule;
  std::vector<RuleDiagnostic> diagnostics;
  REQUIRE(LoadRule(
      kHead + "[[steps]]\nname = \"down\"\nmessage = 'a'\n"
              "[[steps]]\nname = \"back\"\nmessage = 'b'\nwithin = \"10s\"\nabsent = true\n"
              "same = [\"host\"]\n",
      "r.toml", "r", &rule, &diagnostics));
  REQUIRE(rule.steps.size() == 2);
  CHECK_FALSE(rule.steps[0].absent);
  CHECK(rule.steps[1].absent);
}

TEST_CASE("rule_loader: unknown top-level key with a did-you-mean") {
  // "severity" is then missing too: reported at the start of the file.
  CHECK(Errors("title = \"t\"\nseverty = \"critical\"\nsummary = \"s\"\nremedy = \"r\"\n"
               "[[steps]]\nmessage = 'a'\n") ==
        Lines{"r.toml:1:1: error: missing key 'severity'",
              "r.toml:2:1: error: unknown key 'severty' in a rule (did you mean 'severity'?)"});
  // Nothing close: no hint.
  CHECK(Errors(kHead + "colour = \"blue\"\n[[steps]]\nmessage = 'a'\n") ==
        Lines{"r.toml:5:1: error: unknown key 'colour' in a rule"});
}

TEST_CASE("rule_loader: unknown step key with a did-you-mean") {
  CHECK(Errors(kHead + "[[steps]]\n"            // 5
                       "name = \"a\"\n"         // 6
                       "message = 'a'\n"        // 7
                       "\n"                     // 8
                       "[[steps]]\n"            // 9
                       "name = \"b\"\n"         // 10
                       "message = 'b'\n"        // 11
                       "withn = \"30s\"\n") ==  // 12
        Lines{"r.toml:9:1: error: step 'b' needs 'within' (a window after the step before it)",
              "r.toml:12:1: error: unknown key 'withn' in a step (did you mean 'within'?)"});
  CHECK(
      Errors(kHead + "[[steps]]\nmesage = 'a'\n[[context]]\naroud = \"step1\"\n") ==
      Lines{"r.toml:6:1: error: unknown key 'mesage' in a step (did you mean 'message'?)",
            "r.toml:8:1: error: unknown key 'aroud' in a context entry (did you mean 'around'?)"});
}

TEST_CASE("rule_loader: bad RE2 pattern") {
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'foo(bar'\n") ==
        Lines{"r.toml:6:11: error: bad RE2 pattern in 'message': missing ): foo(bar"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\nlogger = '*Elector'\n") ==
        Lines{"r.toml:7:10: error: bad RE2 pattern in 'logger': no argument for repetition "
              "operator: *"});
  // The hint about named groups only where a named group is the problem.
  CHECK(Errors(kHead + "[[steps]]\nmessage = '(?P<why'\n") ==
        Lines{"r.toml:6:11: error: bad RE2 pattern in 'message': invalid named capture group: "
              "(?P<why (named groups are written (?P<name>...))"});
  // Too large for RE2's memory budget: one clean line, RE2's own words replaced.
  CHECK(Errors(kHead + "[[steps]]\nmessage = '\\pL{1000}\\pL{1000}'\n") ==
        Lines{"r.toml:6:11: error: bad RE2 pattern in 'message': pattern too large: RE2 compiles "
              "it to more than its 8 MiB budget (use fewer or shorter repetitions, or split it "
              "over steps)"});
}

TEST_CASE("rule_loader: windows that could never match are refused") {
  auto step2 = [](const std::string& keys) {
    return Errors(kHead + "[[steps]]\nmessage = 'a'\n[[steps]]\nmessage = 'b'\n" + keys + "\n");
  };
  CHECK(step2("within = '1s - 10s'") ==
        Lines{"r.toml:9:10: error: 'within' = '1s - 10s' is -9s with the default configuration; "
              "a window must be longer than 0 and at most 7 days (168h)"});
  CHECK(step2("within = '0s'").size() == 1);
  CHECK(step2("within = '169h'").size() == 1);
  CHECK(step2("within = '9999999h * 99999999999'").size() == 1);
  CHECK(step2("within = '10s'\nat_least = '2s - 3s'").size() == 1);
  CHECK(step2("within = '7d'").empty());
  CHECK(step2("within = '10s'\nat_least = '0s'").empty());
}

TEST_CASE("rule_loader: one rule id in two --rules directories is an error naming both") {
  testing::TempDir tmp;
  std::string rule = kHead + "[[steps]]\nmessage = 'a'\n";
  for (const char* dir : {"a", "b"}) {
    std::filesystem::create_directories(tmp.Path() + "/" + dir);
    std::ofstream(tmp.Path() + "/" + dir + "/same.toml") << rule;
  }
  std::vector<Rule> rules;
  std::vector<RuleDiagnostic> diagnostics;
  CHECK_FALSE(LoadRuleSet({tmp.Path() + "/a", tmp.Path() + "/b"}, &rules, &diagnostics, false));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].file == tmp.Path() + "/b/same.toml");
  CHECK(diagnostics[0].message.find(tmp.Path() + "/a/same.toml") != std::string::npos);
  // One directory named twice is the same files: no conflict.
  rules.clear();
  diagnostics.clear();
  CHECK(LoadRuleSet({tmp.Path() + "/a", tmp.Path() + "/a"}, &rules, &diagnostics, false));
  CHECK(rules.size() == 1);
}

TEST_CASE("rule_loader: bad duration") {
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[steps]]\nmessage = 'b'\n"
                       "within = \"30 parsecs\"\n") ==  // 9; the quote is column 10
        Lines{"r.toml:9:14: error: bad duration or expression '30 parsecs' in 'within': expected "
              "+ - * here; a duration is written without a space (30s, 500ms)"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[steps]]\nmessage = 'b'\n"
                       "within = \"30parsecs\"\n") ==
        Lines{"r.toml:9:11: error: bad duration or expression '30parsecs' in 'within': bad "
              "duration '30parsecs': unknown unit 'parsecs' (use us, ms, s, m, h or d)"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[steps]]\nmessage = 'b'\n"
                       "within = \"5 +\"\n") ==
        Lines{"r.toml:9:14: error: bad duration or expression '5 +' in 'within': expected a "
              "number, duration or configuration name"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[context]]\nmessage = 'c'\nbefore = \"tickTim * 2\"\n") ==
        Lines{"r.toml:9:11: error: bad duration or expression 'tickTim * 2' in 'before': unknown "
              "configuration name 'tickTim' (did you mean 'tickTime'?)"});
}

TEST_CASE("rule_loader: a number is not a duration") {
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[steps]]\nmessage = 'b'\n"
                       "within = \"5\"\n") ==
        Lines{"r.toml:9:10: error: 'within' = '5' is a number, not a duration (add a unit: 30s)"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[steps]]\nmessage = 'b'\n"
                       "within = \"syncLimit * 2\"\n") ==
        Lines{"r.toml:9:10: error: 'within' = 'syncLimit * 2' is a number, not a duration (add a "
              "unit: 30s)"});
}

TEST_CASE("rule_loader: a second step needs within") {
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"                    // 5-6
                       "[[steps]]\nname = \"b\"\nmessage = 'b'\n") ==  // 7-9
        Lines{"r.toml:7:1: error: step 'b' needs 'within' (a window after the step before it)"});
  // Unnamed steps are called by their position.
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n[[steps]]\nmessage = 'b'\n") ==
        Lines{"r.toml:7:1: error: step 'step2' needs 'within' (a window after the step before "
              "it)"});
}

TEST_CASE("rule_loader: only the last step may be absent") {
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\nabsent = true\n"  // 5-7
                       "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\n") ==
        Lines{"r.toml:7:10: error: only the last step (not the first) may be 'absent'"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"                                  // 5-6
                       "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\nabsent = true\n"  // 7-10
                       "[[steps]]\nmessage = 'c'\nwithin = \"5s\"\n") ==
        Lines{"r.toml:10:10: error: only the last step (not the first) may be 'absent'"});
}

TEST_CASE("rule_loader: not_same lists host or myid on a later step") {
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"  // 5-6
                       "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\nnot_same = [\"session\"]\n") ==
        Lines{"r.toml:10:12: error: 'not_same' (not on the first step) may only list \"host\" and "
              "\"myid\""});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\nnot_same = [\"host\"]\n") ==
        Lines{"r.toml:7:12: error: 'not_same' (not on the first step) may only list \"host\" and "
              "\"myid\""});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\nnot_same = [\"host\", "
                       "\"myid\"]\n")
            .empty());
}

TEST_CASE("rule_loader: a context entry takes same = [\"host\"] only") {
  const std::string step = kHead + "[[steps]]\nname = \"a\"\nmessage = 'a'\n";  // 5-7
  CHECK(Errors(step + "[[context]]\nmessage = 'c'\naround = \"a\"\nsame = [\"host\"]\n").empty());
  CHECK(Errors(step + "[[context]]\nmessage = 'c'\naround = \"a\"\nsame = [\"myid\"]\n") ==
        Lines{"r.toml:11:8: error: 'same' in a context entry may only be [\"host\"]"});
}

TEST_CASE("rule_loader: at_least is for later, present steps") {
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\nat_least = \"1s\"\n"  // 5-7
                       "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\n") ==
        Lines{"r.toml:7:12: error: the first step cannot have 'at_least'"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"  // 5-6
                       "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\nat_least = \"1s\"\n"
                       "absent = true\n") ==  // 7-11
        Lines{"r.toml:11:10: error: an 'absent' step cannot have 'at_least'"});
  CHECK(Errors(kHead + "[[steps]]\nmessage = 'a'\n"
                       "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\nat_least = \"tickTime\"\n")
            .empty());
}

TEST_CASE("rule_loader: templates naming unknown steps, captures or configuration") {
  const std::string rule =
      "title = \"t\"\nseverity = \"critical\"\n"
      "summary = \"{x.host} on {a.cod}\"\n"    // 3
      "cause = \"{delta.a.b}\"\n"              // 4
      "remedy = \"raise {config.tickTim}\"\n"  // 5
      "[[steps]]\nname = \"a\"\nmessage = '(?P<code>\\d+)'\n";
  CHECK(Errors(rule) ==
        Lines{"r.toml:3:11: error: 'summary': {x.host}: no step or context called 'x'",
              "r.toml:3:11: error: 'summary': {a.cod}: 'a' has no field or capture 'cod'",
              "r.toml:4:9: error: 'cause': {delta.a.b}: no step or context called 'b'",
              "r.toml:5:10: error: 'remedy': {config.tickTim}: unknown configuration name "
              "'tickTim' (did you mean 'tickTime'?)"});
  // The known fields and captures, contexts, delta, config and expr are all accepted.
  CHECK(Errors("title = \"t\"\nseverity = \"info\"\n"
               "summary = \"{a.host} {a.time} {a.message} {a.source} {a.myid} {a.session} "
               "{a.component} {a.level} {a.line} {a.code} {c.why} {delta.a.c} {a.time - 2s}\"\n"
               "remedy = \"{config.ha.zookeeper.session-timeout.ms} {expr.tickTime * 2}\"\n"
               "[[steps]]\nname = \"a\"\nmessage = '(?P<code>\\d+)'\n"
               "[[context]]\nname = \"c\"\nmessage = '(?P<why>.*)'\n")
            .empty());
}

TEST_CASE("rule_loader: only an absent step has a within placeholder") {
  const std::string rule =
      "title = \"t\"\nseverity = \"info\"\n"
      "summary = \"{a.within} {b.within}\"\nremedy = \"r\"\n"  // 3
      "[[steps]]\nname = \"a\"\nmessage = 'a'\n"
      "[[steps]]\nname = \"b\"\nmessage = 'b'\nwithin = \"5s\"\nabsent = true\n";
  CHECK(Errors(rule) ==
        Lines{"r.toml:3:11: error: 'summary': {a.within}: only an absent step has 'within'"});
}

TEST_CASE("rule_loader: a same key that is no capture") {
  CHECK(Errors(kHead +
               "[[steps]]\nmessage = '(?P<sid>\\d+)'\n"  // 5-6
               "[[steps]]\nmessage = 'b'\nwithin = \"5s\"\nsame = [\"host\", \"peer\"]\n") ==  // 10
        Lines{"r.toml:10:17: error: 'same' key 'peer' is not host, myid, session, or a capture of "
              "this step and an earlier one"});
  // A capture of this step only, not of an earlier one.
  CHECK(Errors(kHead +
               "[[steps]]\nmessage = 'a'\n"
               "[[steps]]\nmessage = '(?P<sid>\\d+)'\nwithin = \"5s\"\nsame = [\"sid\"]\n") ==
        Lines{"r.toml:10:9: error: 'same' key 'sid' is not host, myid, session, or a capture of "
              "this step and an earlier one"});
  // A capture of both is fine.
  CHECK(Errors(kHead + "[[steps]]\nmessage = '(?P<sid>\\d+)'\n"
                       "[[steps]]\nmessage = 'x(?P<sid>\\d+)'\nwithin = \"5s\"\nsame = [\"sid\"]\n")
            .empty());
}

TEST_CASE("rule_loader: TOML syntax error") {
  bool ok = true;
  CHECK(Errors(kHead + "[[steps]\nmessage = 'a'\n", &ok) ==
        Lines{"r.toml:5:9: error: Error while parsing table header: expected ']', saw '\\n'"});
  CHECK_FALSE(ok);
  CHECK(Errors("title = \"t\nseverity = 1\n") ==
        Lines{"r.toml:1:11: error: Error while parsing string: unescaped control characters other "
              "than TAB (U+0009) are explicitly prohibited"});
}

TEST_CASE("rule_loader: all errors of a file are reported") {
  const std::string text =
      "title = \"t\"\n"              // 1
      "severty = \"critical\"\n"     // 2
      "summary = \"{nope.host}\"\n"  // 3
      "remedy = \"r\"\n"             // 4
      "[[steps]]\n"                  // 5
      "message = 'a('\n"             // 6
      "absent = true\n"              // 7
      "[[steps]]\n"                  // 8
      "message = 'b'\n"              // 9
      "withn = \"5s\"\n";            // 10
  bool ok = true;
  std::vector<std::string> errors = Errors(text, &ok);
  CHECK_FALSE(ok);
  CHECK(errors.size() > 1);
  CHECK(errors ==
        Lines{"r.toml:1:1: error: missing key 'severity'",
              "r.toml:2:1: error: unknown key 'severty' in a rule (did you mean 'severity'?)",
              "r.toml:3:11: error: 'summary': {nope.host}: no step or context called 'nope'",
              "r.toml:6:11: error: bad RE2 pattern in 'message': missing ): a(",
              "r.toml:7:10: error: only the last step (not the first) may be 'absent'",
              "r.toml:8:1: error: step 'step2' needs 'within' (a window after the step before it)",
              "r.toml:10:1: error: unknown key 'withn' in a step (did you mean 'within'?)"});
}

TEST_CASE("rule_loader: diagnostics of a second file follow those of the first") {
  Rule first, second;
  std::vector<RuleDiagnostic> diagnostics;
  CHECK_FALSE(LoadRule(kHead + "[[steps]]\nmessage = 'a'\nwithn = \"1s\"\n", "b.toml", "b", &first,
                       &diagnostics));
  CHECK_FALSE(LoadRule("title = 1\n", "a.toml", "a", &second, &diagnostics));
  REQUIRE(diagnostics.size() >= 2);
  CHECK(diagnostics[0].ToString() ==
        "b.toml:7:1: error: unknown key 'withn' in a step (did you mean 'within'?)");
  CHECK(diagnostics[1].file == "a.toml");
}

TEST_CASE("rule_loader: rules parsed on several threads come as with one") {
  testing::TempDir tmp;
  // Good and broken files interleaved, so a thread finishing early would show in the order.
  for (int i = 0; i < 12; ++i) {
    std::string body = i % 3 == 1 ? kHead + "[[steps]]\nmessage = 'a'\nwithn = \"1s\"\n"
                                  : kHead + "[[steps]]\nmessage = 'm" + std::to_string(i) + "'\n";
    std::ofstream(tmp.Path() + "/r" + std::to_string(10 + i) + ".toml") << body;
  }
  auto load = [&](int threads, std::vector<std::string>* lines) {
    std::vector<Rule> rules;
    std::vector<RuleDiagnostic> diagnostics;
    bool ok = LoadRuleSet({tmp.Path()}, &rules, &diagnostics, true, threads);
    for (const Rule& rule : rules) lines->push_back(rule.id + " " + rule.file);
    for (const RuleDiagnostic& d : diagnostics) lines->push_back(d.ToString());
    return ok;
  };
  std::vector<std::string> one, four;
  CHECK_FALSE(load(1, &one));
  CHECK_FALSE(load(4, &four));
  CHECK(one.size() == BuiltinRuleTexts().size() + 8 + 4);  // built-ins, 8 good, 4 diagnostics
  CHECK(four == one);
}

}  // namespace
}  // namespace faultline
