#include "src/engine/rule_loader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "src/base/duration.h"
#include "src/base/spellcheck.h"
#include "src/engine/rule_keys.h"

namespace faultline {
namespace {

// The longest window a rule may ask for ('within', 'at_least', a context's 'before'/'after').
constexpr int64_t kMaxWindowUs = 7 * 24 * 3600 * 1'000'000LL;  // 7 days, as messages say

constexpr std::string_view kFields[] = {"host",    "time",      "message", "source", "myid",
                                        "session", "component", "level",   "line",   "occurrences"};

class Loader {
 public:
  Loader(const std::string& file, std::vector<RuleDiagnostic>* diagnostics, bool trusted)
      : file_(file), diagnostics_(diagnostics), trusted_(trusted) {}

  void Error(const toml::source_region& where, const std::string& message) {
    diagnostics_->push_back(
        {file_, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), message});
    ok_ = false;
  }
  bool ok() const { return ok_; }

  // Names, and the words of enumerated keys, from the one key table (rule_keys.h).
  void CheckKeys(const toml::table& table, KeyScope scope, const std::string& where) {
    std::vector<std::string> allowed = KeyNames(scope);
    for (auto&& [key, value] : table) {
      std::string name(key.str());
      const RuleKey* spec = FindRuleKey(name, scope);
      if (spec == nullptr) {
        Error(key.source(), "unknown key '" + name + "' " + where + SpellingHint(name, allowed));
        continue;
      }
      if (spec->type != KeyType::kWord || !value.is_string()) continue;
      std::string word(*value.value<std::string_view>());
      std::vector<std::string> words = KeyWords(*spec);
      if (std::find(words.begin(), words.end(), word) != words.end()) continue;
      std::string list;
      for (const std::string& w : words) list += (list.empty() ? "" : ", ") + w;
      Error(value.source(),
            "unknown " + name + " '" + word + "' (" + list + ")" + SpellingHint(word, words));
    }
  }

  std::string String(const toml::table& table, std::string_view key, bool required) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (required) Error(table.source(), "missing key '" + std::string(key) + "'");
      return "";
    }
    if (!node->is_string()) {
      Error(node->source(), "'" + std::string(key) + "' must be a string");
      return "";
    }
    return std::string(*node->value<std::string_view>());
  }

  std::vector<std::string> Strings(const toml::table& table, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) return out;
    const toml::array* list = node->as_array();
    if (list == nullptr) {
      Error(node->source(), "'" + std::string(key) + "' must be an array of strings");
      return out;
    }
    for (const toml::node& item : *list) {
      if (auto text = item.value<std::string>()) {
        out.push_back(*text);
      } else {
        Error(item.source(), "'" + std::string(key) + "' entries must be strings");
      }
    }
    return out;
  }

  std::unique_ptr<LazyRegex> ReadRegex(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return nullptr;
    auto re = std::make_unique<LazyRegex>(String(table, key, true));
    if (trusted_) return re;  // compiled when first used (lazy_regex.h)
    const RE2& compiled = re->get();
    if (!compiled.ok()) {
      std::string why = compiled.error();
      if (compiled.error_code() == RE2::ErrorPatternTooLarge) {
        why = "pattern too large: RE2 compiles it to more than its " +
              std::to_string(compiled.options().max_mem() >> 20) +
              " MiB budget (use fewer or shorter repetitions, or split it over steps)";
      } else if (why.find("named capture") != std::string::npos) {
        why += " (named groups are written (?P<name>...))";
      }
      Error(node->source(), "bad RE2 pattern in '" + std::string(key) + "': " + why);
      return nullptr;
    }
    return re;
  }

  std::unique_ptr<Expr> Expression(const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return nullptr;
    std::string text = String(table, key, true);
    std::string err;
    int column = 0;
    auto expr = Expr::Parse(text, &err, &column);
    if (expr == nullptr) {
      toml::source_region where = node->source();
      where.begin.column += static_cast<toml::source_index>(column + 1);  // past the quote
      Error(where,
            "bad duration or expression '" + text + "' in '" + std::string(key) + "': " + err);
      return nullptr;
    }
    // Built once (its defaults are parsed numbers): each window of every rule is checked here.
    static const ConfigValues defaults;
    ExprValue value = expr->Eval(defaults);
    if (!value.is_duration) {
      Error(node->source(), "'" + std::string(key) + "' = '" + text +
                                "' is a number, not a duration (add a unit: 30s)");
      return nullptr;
    }
    // A window that is negative, empty (for 'within'), overflowing or longer than any log
    // would be accepted and then never match: refuse it here, with its value.
    bool positive = key == "within";
    if (!std::isfinite(value.value) || value.value < 0 || (positive && value.value <= 0) ||
        value.value > static_cast<double>(kMaxWindowUs)) {
      std::string shown = std::isfinite(value.value) && std::fabs(value.value) < 1e18
                              ? FormatExprValue(value)
                              : std::string("out of range");
      Error(node->source(), "'" + std::string(key) + "' = '" + text + "' is " + shown +
                                " with the default configuration; a window must be " +
                                (positive ? "longer than 0" : "0 or longer") +
                                " and at most 7 days (168h)");
      return nullptr;
    }
    return expr;
  }

  void FillMatcher(const toml::table& table, Matcher* m) {
    m->line = static_cast<int>(table.source().begin.line);
    m->name = String(table, "name", false);
    std::string component = String(table, "component", false);
    if (!component.empty()) {
      m->any_component = false;
      ParseComponent(component, &m->component);  // an unknown word: CheckKeys said so
    }
    std::string level = String(table, "level", false);
    if (!level.empty()) ParseLevel(level, &m->min_level);  // an unknown word: CheckKeys said so
    ParseMatchPart(String(table, "part", false), &m->part);
    m->host = String(table, "host", false);
    m->logger = ReadRegex(table, "logger");
    m->thread = ReadRegex(table, "thread");
    m->message = ReadRegex(table, "message");
    if (m->message != nullptr) {
      for (const auto& [name, index] : m->message->NamedGroups()) {
        m->captures.push_back(name);
      }
    }
  }

  // {config.X}, {delta.A.B} and {expr.E} would read a step of that name as something else.
  void CheckReservedName(const toml::table& table, const std::string& name) {
    if (name == "config" || name == "delta" || name == "expr") {
      Error(table.get("name")->source(),
            "'" + name + "' is reserved for templates ({" + name + ".…}); name the step otherwise");
    }
  }

  void LoadSteps(const toml::array& steps, Rule* rule) {
    std::set<std::string> names;
    for (size_t i = 0; i < steps.size(); ++i) {
      const toml::table* table = steps[i].as_table();
      if (table == nullptr) {
        Error(steps[i].source(), "each entry of 'steps' must be a table ([[steps]])");
        continue;
      }
      CheckKeys(*table, kStepScope, "in a step");
      Step step;
      FillMatcher(*table, &step);
      if (step.name.empty()) step.name = "step" + std::to_string(i + 1);
      CheckReservedName(*table, step.name);
      if (!names.insert(step.name).second) {
        Error(table->source(), "two steps are called '" + step.name + "'");
      }
      ParseStepRole(String(*table, "role", false), &step.role);
      step.within = Expression(*table, "within");
      if (step.within != nullptr) step.within_text = String(*table, "within", true);
      if (i > 0 && table->get("within") == nullptr) {
        Error(table->source(), "step '" + step.name +
                                   "' needs 'within' (a window after the "
                                   "step before it)");
      }
      step.at_least = Expression(*table, "at_least");
      if (step.at_least != nullptr) {
        step.at_least_text = String(*table, "at_least", true);
        if (i == 0)
          Error(table->get("at_least")->source(), "the first step cannot have 'at_least'");
      }
      if (const toml::node* count = table->get("count")) {
        auto value = count->value<int64_t>();
        if (!value || *value < 1 || *value > 100000) {
          Error(count->source(), "'count' must be an integer from 1 to 100000");
        } else {
          step.count = static_cast<int>(*value);
          if (step.count > 1 && table->get("within") == nullptr) {
            Error(count->source(), "'count' needs 'within' (the window the occurrences fall in)");
          }
        }
      }
      if (const toml::node* absent = table->get("absent")) {
        auto value = absent->value<bool>();
        if (!value) Error(absent->source(), "'absent' must be true or false");
        step.absent = value.value_or(false);
        if (step.absent && (i == 0 || i + 1 != steps.size())) {
          Error(absent->source(), "only the last step (not the first) may be 'absent'");
        }
        if (step.absent && step.role != StepRole::kRequired) {
          Error(absent->source(), "an 'absent' step is always required (drop its 'role')");
        }
        if (step.absent && step.at_least != nullptr) {
          Error(absent->source(), "an 'absent' step cannot have 'at_least'");
        }
      }
      if (const toml::node* same = table->get("same")) {
        const toml::array* keys = same->as_array();
        if (keys == nullptr) {
          Error(same->source(), "'same' must be an array of keys, e.g. [\"host\"]");
        } else {
          for (const toml::node& key : *keys) {
            auto text = key.value<std::string>();
            if (!text) {
              Error(key.source(), "'same' entries must be strings");
              continue;
            }
            step.same.push_back(*text);
            same_sources_.push_back({*text, key.source(), static_cast<int>(i)});
          }
        }
      }
      if (const toml::node* not_same = table->get("not_same")) {
        const toml::array* keys = not_same->as_array();
        bool ok = keys != nullptr && i > 0;
        for (size_t k = 0; ok && k < keys->size(); ++k) {
          auto text = keys->get(k)->value<std::string>();
          ok = text && (*text == "host" || *text == "myid");
          if (ok) step.not_same.push_back(*text);
        }
        if (!ok) {
          Error(not_same->source(),
                "'not_same' (not on the first step) may only list \"host\" and \"myid\"");
        }
      }
      rule->steps.push_back(std::move(step));
    }
  }

  void LoadContexts(const toml::array& contexts, Rule* rule) {
    for (size_t i = 0; i < contexts.size(); ++i) {
      const toml::table* table = contexts[i].as_table();
      if (table == nullptr) {
        Error(contexts[i].source(), "each entry of 'context' must be a table ([[context]])");
        continue;
      }
      CheckKeys(*table, kContextScope, "in a context entry");
      ContextMatcher context;
      FillMatcher(*table, &context);
      if (context.name.empty()) context.name = "context" + std::to_string(i + 1);
      CheckReservedName(*table, context.name);
      std::string around = String(*table, "around", false);
      context.anchor = 0;
      if (!around.empty()) {
        int index = rule->FindName(around);
        if (index < 0 || index >= static_cast<int>(rule->steps.size())) {
          Error(table->get("around")->source(), "'around' names no step: '" + around + "'");
        } else {
          context.anchor = index;
        }
      }
      if (const toml::node* same = table->get("same")) {
        const toml::array* keys = same->as_array();
        bool ok = keys != nullptr;
        for (size_t k = 0; ok && k < keys->size(); ++k) {
          auto key = (*keys)[k].value<std::string>();
          ok = key && *key == "host";
        }
        if (!ok) Error(same->source(), "'same' in a context entry may only be [\"host\"]");
        context.same_host = ok && !keys->empty();
      }
      context.before = Expression(*table, "before");
      context.after = Expression(*table, "after");
      rule->contexts.push_back(std::move(context));
    }
  }

  // Each `same` key must be host, myid, session, or a capture of that step and an earlier one.
  void CheckSameKeys(const Rule& rule) {
    for (const SameSource& s : same_sources_) {
      if (s.key == "host" || s.key == "myid" || s.key == "session") continue;
      bool here = false, before = false;
      for (int i = 0; i <= s.step && i < static_cast<int>(rule.steps.size()); ++i) {
        const auto& caps = rule.steps[i].captures;
        bool has = std::find(caps.begin(), caps.end(), s.key) != caps.end();
        if (i == s.step)
          here = has;
        else
          before |= has;
      }
      if (!here || (!before && s.step > 0)) {  // on the first step: groups its occurrences
        Error(s.where, "'same' key '" + s.key +
                           "' is not host, myid, session, or a capture of this step and an "
                           "earlier one");
      }
    }
  }

  // Checks the {placeholders} of a template.
  void CheckTemplate(const Rule& rule, const toml::table& table, std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    std::string text = String(table, key, false);
    size_t pos = 0;
    while ((pos = text.find('{', pos)) != std::string::npos) {
      size_t close = text.find('}', pos);
      if (close == std::string::npos) {
        Error(node->source(), "'" + std::string(key) + "': unclosed '{'");
        return;
      }
      std::string why = CheckPlaceholder(rule, text.substr(pos + 1, close - pos - 1));
      if (!why.empty()) {
        Error(node->source(), "'" + std::string(key) + "': {" +
                                  text.substr(pos + 1, close - pos - 1) + "}: " + why);
      }
      pos = close + 1;
    }
  }

  std::string CheckPlaceholder(const Rule& rule, const std::string& body) {
    size_t dot = body.find('.');
    if (dot == std::string::npos) return "expected STEP.FIELD, delta.A.B, config.NAME or expr.EXPR";
    std::string head = body.substr(0, dot), rest = body.substr(dot + 1);
    if (head == "config") {
      return ConfigValues::IsKnown(rest) ? ""
                                         : "unknown configuration name '" + rest + "'" +
                                               SpellingHint(rest, ConfigValues::KnownNames());
    }
    if (head == "expr") {
      std::string err;
      int column;
      return Expr::Parse(rest, &err, &column) ? "" : err;
    }
    if (head == "delta") {
      size_t second = rest.find('.');
      if (second == std::string::npos) return "expected delta.A.B";
      for (const std::string& name : {rest.substr(0, second), rest.substr(second + 1)}) {
        if (rule.FindName(name) < 0) return "no step or context called '" + name + "'";
      }
      return "";
    }
    int index = rule.FindName(head);
    if (index < 0) return "no step or context called '" + head + "'";
    std::string field = rest;
    if (field == "within") {
      bool absent = index < static_cast<int>(rule.steps.size()) && rule.steps[index].absent;
      return absent ? "" : "only an absent step has 'within'";
    }
    size_t minus = rest.find(" - ");
    if (minus != std::string::npos) {  // {STEP.time - EXPR}
      field = rest.substr(0, minus);
      if (field != "time") return "only 'time' takes ' - EXPR'";
      std::string err;
      int column;
      if (!Expr::Parse(rest.substr(minus + 3), &err, &column)) return err;
    }
    if (std::find(std::begin(kFields), std::end(kFields), field) != std::end(kFields)) return "";
    const Matcher& m = index < static_cast<int>(rule.steps.size())
                           ? static_cast<const Matcher&>(rule.steps[index])
                           : rule.contexts[index - rule.steps.size()];
    if (std::find(m.captures.begin(), m.captures.end(), field) != m.captures.end()) return "";
    return "'" + head + "' has no field or capture '" + field + "'";
  }

 private:
  struct SameSource {
    std::string key;
    toml::source_region where;
    int step;
  };
  std::string file_;
  std::vector<RuleDiagnostic>* diagnostics_;
  bool trusted_;  ///< built into the binary: patterns compiled when first used
  std::vector<SameSource> same_sources_;
  bool ok_ = true;
};

}  // namespace

std::string RuleDiagnostic::ToString() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

bool LoadRule(std::string_view text, const std::string& file, const std::string& id, Rule* rule,
              std::vector<RuleDiagnostic>* diagnostics, bool trusted) {
  Loader loader(file, diagnostics, trusted);
  size_t first_diagnostic = diagnostics->size();
  toml::table table;
  try {
    table = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    loader.Error(e.source(), std::string(e.description()));
    return false;
  }
  rule->id = id;
  rule->file = file;
  loader.CheckKeys(table, kRuleScope, "in a rule");
  if (const toml::node* given = table.get("id")) {
    auto value = given->value<std::string>();
    if (!value || *value != id) {
      loader.Error(given->source(), "'id' must match the file name ('" + id + "')");
    }
  }
  rule->title = loader.String(table, "title", true);
  rule->description = loader.String(table, "description", false);
  rule->effect = loader.String(table, "effect", false);
  rule->summary = loader.String(table, "summary", true);
  rule->cause = loader.String(table, "cause", false);
  rule->remedy = loader.String(table, "remedy", true);
  std::string severity = loader.String(table, "severity", true);
  if (!severity.empty()) ParseSeverity(severity, &rule->severity);  // CheckKeys checked the word
  if (const toml::node* priority = table.get("priority")) {
    auto value = priority->value<int64_t>();
    if (!value) loader.Error(priority->source(), "'priority' must be an integer");
    rule->priority = static_cast<int>(value.value_or(0));
  }
  rule->tags = loader.Strings(table, "tags");
  rule->explains = loader.Strings(table, "explains");
  const toml::node* steps = table.get("steps");
  if (steps == nullptr || !steps->is_array() || steps->as_array()->empty()) {
    loader.Error(steps ? steps->source() : table.source(),
                 "a rule needs at least one [[steps]] entry");
  } else {
    loader.LoadSteps(*steps->as_array(), rule);
    if (rule->steps.size() > 64) {
      loader.Error(steps->source(), "a rule may have at most 64 steps");
    }
    bool can_open = false;
    for (const Step& step : rule->steps) can_open |= step.role != StepRole::kCorroborating;
    if (!can_open) {
      loader.Error(steps->source(),
                   "every step is 'corroborating': at least one must be decisive or required");
    }
  }
  if (const toml::node* contexts = table.get("context")) {
    if (!contexts->is_array()) {
      loader.Error(contexts->source(), "'context' must be [[context]] tables");
    } else {
      loader.LoadContexts(*contexts->as_array(), rule);
    }
  }
  loader.CheckSameKeys(*rule);
  for (std::string_view key : {"summary", "cause", "remedy"})
    loader.CheckTemplate(*rule, table, key);
  // In file order, as a reader goes through the file.
  std::stable_sort(diagnostics->begin() + static_cast<std::ptrdiff_t>(first_diagnostic),
                   diagnostics->end(), [](const RuleDiagnostic& a, const RuleDiagnostic& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  return loader.ok();
}

}  // namespace faultline
