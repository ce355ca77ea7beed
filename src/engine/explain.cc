#include "src/engine/explain.h"

#include <algorithm>
#include <set>

#include "src/base/duration.h"
#include "src/base/text_out.h"

namespace faultline {
namespace {

// Stands for a placeholder whose step or context did not match; its sentence is dropped.
constexpr char kMissing = '\x01';

// A sentence with a value missing, without its clauses ("; ...") that lack one; "" if its first
// clause lacks one. "X happened at T; the connection had been lost {delta} before." keeps "X
// happened at T." when the connection loss is not in the logs.
std::string DropIncompleteClauses(const std::string& sentence) {
  std::string_view rest(sentence);
  std::string_view ending;
  for (std::string_view end : {". ", "."}) {
    if (rest.size() >= end.size() && rest.substr(rest.size() - end.size()) == end) {
      ending = end;
      rest.remove_suffix(end.size());
      break;
    }
  }
  std::string out;
  bool first = true;
  while (true) {
    size_t split = rest.find("; ");
    std::string_view clause = rest.substr(0, split);
    bool complete = clause.find(kMissing) == std::string_view::npos;
    if (first && !complete) return "";
    if (complete) {
      if (!first) out += "; ";
      out += clause;
    }
    first = false;
    if (split == std::string_view::npos) break;
    rest.remove_prefix(split + 2);
  }
  return out + std::string(ending);
}

// Removes from each sentence (up to ". " or the end) what contains kMissing: the clauses that
// do, or the whole sentence when its first clause does.
std::string DropIncompleteSentences(const std::string& text) {
  if (text.find(kMissing) == std::string::npos) return text;
  std::string out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(". ", begin);
    end = end == std::string::npos ? text.size() : end + 2;
    std::string sentence = text.substr(begin, end - begin);
    out +=
        sentence.find(kMissing) == std::string::npos ? sentence : DropIncompleteClauses(sentence);
    begin = end;
  }
  return out;
}

void AddNames(const std::string& text, std::vector<std::string>* out, std::set<std::string>* seen) {
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    size_t close = text.find('}', pos);
    if (close == std::string::npos) return;
    std::string body = text.substr(pos + 1, close - pos - 1);
    std::set<std::string> names;
    std::string err;
    int column;
    if (body.rfind("config.", 0) == 0) {
      names.insert(body.substr(7));
    } else if (body.rfind("expr.", 0) == 0) {
      if (auto e = Expr::Parse(body.substr(5), &err, &column)) e->CollectNames(&names);
    } else if (size_t minus = body.find(" - "); minus != std::string::npos) {
      if (auto e = Expr::Parse(body.substr(minus + 3), &err, &column)) e->CollectNames(&names);
    }
    for (const std::string& name : names) {
      if (seen->insert(name).second) out->push_back(name);
    }
    pos = close + 1;
  }
}

std::string Field(const Evidence& e, const std::string& field) {
  if (field == "host") return e.host.empty() ? "?" : e.host;
  if (field == "time") {  // a log without time: its line says where, not when
    return e.order_only ? "line " + std::to_string(e.line) + " of " + e.source
                        : InstantString(e.instant, e.precision);
  }
  if (field == "message") return e.message;
  if (field == "source") return e.source + ":" + std::to_string(e.line);
  if (field == "line") return std::to_string(e.line);
  if (field == "myid") return e.myid < 0 ? "?" : std::to_string(e.myid);
  if (field == "session") return e.session.empty() ? "?" : e.session;
  if (field == "component") return std::string(ComponentName(e.component));
  if (field == "level") return std::string(LevelName(e.level));
  if (field == "occurrences") return std::to_string(e.occurrences);
  auto it = e.captures.find(field);
  return it == e.captures.end() ? "?" : it->second;
}

// A time between two records, for a sentence: to the millisecond once it is over 10 ms, so
// that logs with microsecond times (syslog's short-precise) read "1.974s later", not
// "1973831us later".
std::string FormatDelta(int64_t micros) {
  int64_t magnitude = micros < 0 ? -micros : micros;
  if (magnitude < 10'000) return FormatDuration(micros);
  int64_t rounded = (magnitude + 500) / 1000 * 1000;
  return FormatDuration(micros < 0 ? -rounded : rounded);
}

// {STEP.within} of an absent step: how long the logs show it did not come. The whole window when
// it closed inside the logs; when they end first, only the time they cover, so that a summary
// never claims more silence than the logs hold.
std::string AbsenceWindow(const Match& match) {
  if (!match.absence) return std::string(1, kMissing);
  const std::string& window = match.rule->steps.back().within_text;
  if (!match.window_open_at_end || match.logs_end == kNoInstant) return "within " + window;
  int64_t covered = std::max<int64_t>(0, match.logs_end - match.last);
  return "in what the logs show (they end " +
         (covered == 0 ? std::string("there") : FormatDelta(covered) + " later") + ", before " +
         window + " had passed)";
}

std::string Placeholder(const std::string& body, const Match& match, const ConfigValues& config) {
  std::string err;
  int column;
  if (body.rfind("config.", 0) == 0) {
    const ConfigValue* v = config.Find(body.substr(7));
    if (v == nullptr) return "(unset)";
    return v->unit == ConfigUnit::kMillis ? v->text + " ms" : v->text;
  }
  if (body.rfind("expr.", 0) == 0) {
    auto e = Expr::Parse(body.substr(5), &err, &column);
    return e ? FormatExprValue(e->Eval(config)) : "?";
  }
  size_t dot = body.find('.');
  if (dot == std::string::npos) return "?";
  std::string head = body.substr(0, dot), rest = body.substr(dot + 1);
  if (head == "delta") {
    size_t second = rest.find('.');
    const Evidence* a = FindEvidence(match, rest.substr(0, second));
    const Evidence* b = FindEvidence(match, rest.substr(second + 1));
    if (a == nullptr || b == nullptr) return std::string(1, kMissing);
    return FormatDelta(b->instant - a->instant);
  }
  if (rest == "within") return AbsenceWindow(match);
  const Evidence* e = FindEvidence(match, head);
  if (e == nullptr) return std::string(1, kMissing);
  if (size_t minus = rest.find(" - "); minus != std::string::npos) {
    auto expr = Expr::Parse(rest.substr(minus + 3), &err, &column);
    if (!expr) return "?";
    ExprValue v = expr->Eval(config);
    return InstantString(e->instant - static_cast<int64_t>(v.value), e->precision);
  }
  return Field(*e, rest);
}

}  // namespace

std::string InstantString(int64_t instant, int precision) {
  if (instant == kNoInstant) return "-";
  std::string out;
  AppendInstant(&out, instant, precision >= 6 ? 6 : 3, false);
  return out;
}

const Evidence* FindEvidence(const Match& match, const std::string& name) {
  for (const Evidence& e : match.steps) {
    if (e.name == name) return &e;
  }
  for (const Evidence& e : match.context) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::string ExpandTemplate(const std::string& text, const Match& match,
                           const ConfigValues& config) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
    if (close == std::string::npos) {
      out += text.substr(pos);
      break;
    }
    out += text.substr(pos, open - pos);
    out += Placeholder(text.substr(open + 1, close - open - 1), match, config);
    pos = close + 1;
  }
  return DropIncompleteSentences(out);
}

std::string ExpandSummary(const Match& match, const ConfigValues& config) {
  std::string summary = ExpandTemplate(match.rule->summary, match, config);
  if (summary.find_first_not_of(" \n") != std::string::npos) return summary;
  std::vector<std::string> hosts;
  for (const Evidence& e : match.steps) {
    if (!e.host.empty() && std::find(hosts.begin(), hosts.end(), e.host) == hosts.end()) {
      hosts.push_back(e.host);
    }
  }
  std::string out;
  for (const std::string& host : hosts) out += (out.empty() ? "" : ", ") + host;
  return out.empty() ? match.rule->title : out + ": " + match.rule->title;
}

std::vector<std::string> ConfigNamesUsed(const Rule& rule) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto add_expr = [&](const Expr* e) {
    if (e == nullptr) return;
    std::set<std::string> found;
    e->CollectNames(&found);
    for (const std::string& n : found) {
      if (seen.insert(n).second) names.push_back(n);
    }
  };
  for (const Step& s : rule.steps) add_expr(s.within.get());
  for (const ContextMatcher& c : rule.contexts) {
    add_expr(c.before.get());
    add_expr(c.after.get());
  }
  for (const std::string* t : {&rule.summary, &rule.cause, &rule.remedy})
    AddNames(*t, &names, &seen);
  return names;
}

std::string DescribeConfig(const std::string& name, const ConfigValues& config) {
  const ConfigValue* v = config.Find(name);
  if (v == nullptr) return name + " (not set, no default)";
  std::string value = v->unit == ConfigUnit::kMillis ? v->text + " ms" : v->text;
  return name + " = " + value + (v->is_default ? " (not configured; " : " (from ") + v->origin +
         ")";
}

}  // namespace faultline
