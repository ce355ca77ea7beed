#include "src/cli/report.h"

#include <algorithm>
#include <cstdio>

#include "src/base/duration.h"
#include "src/base/text_out.h"
#include "src/cli/report_parts.h"
#include "src/engine/explain.h"

namespace faultline {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string Delta(int64_t from, int64_t to) {
  int64_t d = to - from;
  return (d >= 0 ? "+" : "") + FormatDuration(d);
}

std::string EvidenceLine(const Evidence& e) {
  std::string line = e.source + ":" + std::to_string(e.line) + "  " + e.header;
  if (!e.first_continuation.empty()) line += "\n      " + e.first_continuation;
  return line;
}

// Joins a template's lines into one paragraph and wraps it at 100 columns under `indent`.
std::string Paragraph(const std::string& text, const std::string& indent) {
  std::string words, out, line;
  for (char c : text) words += (c == '\n' || c == '\t') ? ' ' : c;
  size_t pos = 0;
  while (pos < words.size()) {
    size_t begin = words.find_first_not_of(' ', pos);
    if (begin == std::string::npos) break;
    size_t end = words.find(' ', begin);
    if (end == std::string::npos) end = words.size();
    std::string word = words.substr(begin, end - begin);
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > 100) {
      out += (out.empty() ? "" : indent) + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    pos = end;
  }
  if (!line.empty()) out += (out.empty() ? "" : indent) + line + "\n";
  return out.empty() ? "\n" : out;
}

std::string Percent(double confidence) {
  return std::to_string(static_cast<int>(confidence * 100 + 0.5)) + "%";
}

std::string StepLabel(const Step& step) {
  std::string label = step.name;
  if (!step.any_component) label += " (" + std::string(ComponentName(step.component)) + ")";
  return label;
}

// What the logs complain about when no rule explains them: per host, the first and the rarest
// warning-or-worse message templates. Information only: it never changes the exit status.
std::string UnexplainedText(const Analysis& a) {
  std::vector<TemplateStat> stats = a.templates.Summary();
  if (stats.empty()) return "No warning or error was logged.\n";
  std::string out =
      "Unexplained warnings and errors (per host: the first, then the rarest message templates;\n"
      "numbers, ids and addresses masked as <*>):\n";
  std::string host;
  for (const TemplateStat& t : stats) {
    if (t.host != host) {
      host = t.host;
      out += "  " + host + ":\n";
    }
    out += "    " + std::string(t.earliest ? "first " : "rare  ") +
           std::string(LevelName(t.level)) + " x" + std::to_string(t.count) + "  " +
           InstantString(t.first) + (t.count > 1 ? " .. " + InstantString(t.last) : std::string()) +
           "  " + t.text + "\n" + "          e.g. " + t.source + ":" + std::to_string(t.line) +
           "\n";
  }
  return out;
}

}  // namespace

namespace report_detail {

std::string ReadSummary(const Analysis& a) {
  int64_t lines = 0;
  size_t files = 0;
  for (const auto& info : a.sources.infos) {
    lines += info->lines;
    if (info->problem.empty() || info->lines > 0) ++files;
  }
  return "Read " + std::to_string(files) + " input(s), " + std::to_string(lines) + " lines, " +
         std::to_string(a.records) + " records" +
         (a.config_files_read.empty() ? std::string(", no configuration file (defaults used)")
                                      : ", configuration: " + Join(a.config_files_read, ", ")) +
         ".";
}

std::string AbsenceNote(const Match& m) {
  if (!m.absence) return "";
  const Step& last = m.rule->steps.back();
  std::string note = "no '" + last.name + "' within " + last.within_text + " (until " +
                     InstantString(m.absence_deadline) + ")";
  if (m.window_open_at_end) note += "; the logs end before that window closed";
  return note;
}

std::string ConfidenceLine(const Match& m) {
  size_t total = m.steps.size() + m.missing.size();
  std::string line = Percent(m.confidence) + " (" + std::to_string(m.steps.size()) + " of " +
                     std::to_string(total) + " steps in the logs given";
  if (m.ended_waiting) line += "; the logs end while later steps could still have come";
  for (const Evidence& e : m.steps) {
    if (!e.order_only) continue;
    line +=
        "; the logs given carry no time: steps matched in line order, times shown are synthetic (1 "
        "ms per line)";
    break;
  }
  for (const Evidence& e : m.steps) {
    if (!e.assumed) continue;
    line +=
        "; '" + e.name + "' matched on its message alone (the layout shows no component or logger)";
    break;
  }
  return line + ")";
}

// When a record was written; a record of a log without time is placed by its line instead.
std::string EvidenceTime(const Evidence& e) {
  if (e.order_only) return "line " + std::to_string(e.line);
  return InstantString(e.instant, e.precision);
}

// The incident's time span; for logs without any time, says so instead of a synthetic 1970 span.
std::string WhenText(const Incident& inc, const std::string& dash) {
  if (inc.primary->steps.front().order_only) {
    return "no time in the logs given (matched in line order)";
  }
  return InstantString(inc.first) + dash + InstantString(inc.last) + " UTC (" +
         FormatDuration(inc.last - inc.first) + ")";
}

// Cron mode marks an incident that grew since it was reported, and an episode's news.
std::string UpdatedMark(const Incident& inc) {
  if (inc.episode.state == "opened") return "(episode opened) ";
  if (inc.episode.state == "escalated") return "(episode escalated) ";
  if (inc.episode.state == "ongoing") return "(episode ongoing) ";
  return inc.status == "updated" ? "(updated) " : "";
}

// "37 occurrences from 2019-09-30 17:06:11.625 to 19:33:11.004 UTC (2h27m), the worst shown"
std::string EpisodeText(const Incident& inc) {
  const Incident::EpisodeView& e = inc.episode;
  return std::to_string(e.count) + (e.count == 1 ? " occurrence" : " occurrences") + " from " +
         InstantString(e.first) + " to " + InstantString(e.last) + " UTC (" +
         FormatDuration(e.last - e.first) + ")" + (e.count > 1 ? ", the worst shown" : "");
}

std::vector<Link> Chain(const Match& m) {
  std::vector<Link> links;
  for (const Evidence& e : m.context) links.push_back({&e, false});
  for (const Evidence& e : m.steps) links.push_back({&e, true});
  std::stable_sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
    return a.evidence->instant < b.evidence->instant;
  });
  return links;
}

std::string OneLine(const std::string& text) {
  std::string out = Paragraph(text, "");
  std::replace(out.begin(), out.end(), '\n', ' ');
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// What a step that is not in the logs given may mean: its component's log was not among the
// inputs, or the logs given do not show it.
std::string MissingNote(const Step& step, const Analysis& a) {
  if (step.any_component || step.component == Component::kOther) {
    return "the logs given do not show it (an excerpt, a rotated log, or another version's "
           "wording)";
  }
  std::string component(ComponentName(step.component));
  if (!(a.components_seen & (1u << static_cast<unsigned>(step.component)))) {
    return "no " + component + " log was among the inputs";
  }
  return "the " + component +
         " log given does not show it (an excerpt, a rotated log, or another version's wording)";
}

}  // namespace report_detail

using namespace report_detail;  // NOLINT: this file's own shared helpers

std::string RenderText(const Analysis& a, const ReportOptions& o) {
  const char* bold = o.colour ? "\033[1m" : "";
  const char* red = o.colour ? "\033[1;31m" : "";
  const char* yellow = o.colour ? "\033[33m" : "";
  const char* reset = o.colour ? "\033[0m" : "";
  std::string out;
  if (a.incidents.empty()) {
    out += "No incident: nothing matched the rules. " + ReadSummary(a) + "\n";
    out += UnexplainedText(a);
  }
  int number = 0;
  for (const Incident& inc : a.incidents) {
    const Match& m = *inc.primary;
    const Rule& rule = *m.rule;
    const char* colour = inc.severity == Severity::kCritical  ? red
                         : inc.severity == Severity::kWarning ? yellow
                                                              : "";
    out += std::string(colour) + bold + "[" + std::to_string(++number) + "] " +
           Upper(SeverityName(inc.severity)) + reset + bold + "  " + UpdatedMark(inc) + rule.title +
           reset + "   (rule " + rule.id + ")\n";
    out += "    When:   " + WhenText(inc, " .. ") + "   Hosts: " + Join(inc.hosts, ", ") + "\n";
    if (inc.episode.count > 1 || !inc.episode.state.empty())
      out += "    Episode: " + EpisodeText(inc) + "\n";
    out += "    Summary: " + Paragraph(ExpandSummary(m, a.config), "      ");
    const Evidence& root = m.steps.front();
    out += "    Probable root cause: " + root.name + " on " +
           (root.host.empty() ? "?" : root.host) + " at " + EvidenceTime(root) + ": " +
           root.message + "\n";
    if (!rule.cause.empty())
      out += "      " + Paragraph(ExpandTemplate(rule.cause, m, a.config), "      ");
    out += "    Confidence: " + ConfidenceLine(m) + "\n";
    if (!m.missing.empty()) {
      out += "    Not in the logs given:\n";
      for (const std::string& name : m.missing) {
        const Step& step = rule.steps[rule.FindName(name)];
        out += "      " + StepLabel(step) + ": " + MissingNote(step, a) + "\n";
      }
    }
    for (const Match* deeper : inc.deeper) {
      out += "    Behind it (rule " + deeper->rule->id +
             "): " + Paragraph(ExpandSummary(*deeper, a.config), "      ");
    }
    for (const Match* effect : inc.consequences) {
      out += "    Consequence (rule " + effect->rule->id +
             "): " + Paragraph(ExpandSummary(*effect, a.config), "      ");
    }
    out += "    Causal chain:\n";
    for (const Link& link : Chain(m)) {
      const Evidence& e = *link.evidence;
      out += "      " + EvidenceTime(e) + "  " + Delta(root.instant, e.instant) + " from root  " +
             (link.is_step ? "" : "(context) ") + e.name + " @" + (e.host.empty() ? "?" : e.host) +
             ": " + e.message;
      if (e.occurrences > 1) out += "  [x" + std::to_string(e.occurrences) + " in window]";
      out += "\n";
    }
    if (m.absence) out += "      then " + AbsenceNote(m) + "\n";
    out += "    Evidence:\n";
    for (const Link& link : Chain(m)) out += "      " + EvidenceLine(*link.evidence) + "\n";
    std::vector<std::string> config_names = ConfigNamesUsed(rule);
    if (!config_names.empty()) {
      out += "    Configuration:\n";
      for (const std::string& name : config_names) {
        out += "      " + DescribeConfig(name, a.config) + "\n";
      }
    }
    out += "    Remedy: " + Paragraph(ExpandTemplate(rule.remedy, m, a.config), "      ");
    for (const Alternative& alt : inc.alternatives) {
      out += "    Also considered: " + alt.match->rule->id + " (" + alt.match->rule->title +
             "), ranked lower: " + alt.reason + "\n";
    }
    if (inc.rule_ids.size() > 1) out += "    Rules fired: " + Join(inc.rule_ids, ", ") + "\n";
    out += "\n";
  }
  if (a.engine->matches_dropped() > 0) {
    out += "(" + std::to_string(a.engine->matches_dropped()) +
           " further matches beyond the 10000 kept (1000 per rule) were counted but not kept)\n";
  }
  if (o.explain) {
    out += ReadSummary(a) + "\n";
    if (a.engine->near_misses().empty()) {
      out += "Near misses: none.\n";
    } else {
      out += "Near misses (all steps seen, but outside a window):\n";
      for (const NearMiss& n : a.engine->near_misses()) {
        out += "  " + n.rule->id + ": '" + n.to.name + "' came " + FormatDuration(n.gap) +
               " after '" + n.from.name + "'; the rule allows " + FormatDuration(n.allowed) + " (" +
               n.from.source + ":" + std::to_string(n.from.line) + " -> " + n.to.source + ":" +
               std::to_string(n.to.line) + ")\n";
      }
    }
    if (!a.engine->half_matches().empty()) {
      out += "Half-matched chains (some steps seen, not enough to open an incident):\n";
      for (const NearMiss& n : a.engine->half_matches()) {
        out += "  " + n.rule->id + ": '" + n.from.name + "' at " + n.from.source + ":" +
               std::to_string(n.from.line) + "; never seen: " + Join(n.missing, ", ") + "\n";
      }
    }
  }
  return out;
}

std::string RenderMarkdown(const Analysis& a, const ReportOptions& o) {
  std::string out = "# faultline analysis\n\n";
  if (a.incidents.empty()) {
    out += "No incident: nothing matched the rules. " + ReadSummary(a) + "\n\n";
    std::vector<TemplateStat> stats = a.templates.Summary();
    if (!stats.empty()) {
      out +=
          "## Unexplained warnings and errors\n\n| host | | level | count | first (UTC) | "
          "template | e.g. |\n|---|---|---|---|---|---|---|\n";
      for (const TemplateStat& t : stats) {
        std::string text = t.text;
        std::replace(text.begin(), text.end(), '|', '/');
        out += "| " + t.host + " | " + (t.earliest ? "first" : "rare") + " | " +
               std::string(LevelName(t.level)) + " | " + std::to_string(t.count) + " | " +
               InstantString(t.first) + " | `" + text + "` | `" + t.source + ":" +
               std::to_string(t.line) + "` |\n";
      }
    }
  }
  int number = 0;
  for (const Incident& inc : a.incidents) {
    const Match& m = *inc.primary;
    const Rule& rule = *m.rule;
    const Evidence& root = m.steps.front();
    out += "## " + std::to_string(++number) + ". " + Upper(SeverityName(inc.severity)) + ": " +
           UpdatedMark(inc) + rule.title + "\n\n";
    out += "- **When:** " + WhenText(inc, " – ") + "\n";
    out += "- **Hosts:** " + Join(inc.hosts, ", ") + "\n";
    if (inc.episode.count > 1 || !inc.episode.state.empty())
      out += "- **Episode:** " + EpisodeText(inc) + "\n";
    out += "- **Rule:** `" + rule.id + "`\n\n";
    out += OneLine(ExpandSummary(m, a.config)) + "\n\n";
    out += "**Probable root cause:** `" + root.name + "` on " + root.host + " at " +
           EvidenceTime(root) + " — " + root.message + "\n\n";
    if (!rule.cause.empty()) out += OneLine(ExpandTemplate(rule.cause, m, a.config)) + "\n\n";
    out += "**Confidence:** " + ConfidenceLine(m) + "\n\n";
    if (!m.missing.empty()) {
      out += "**Not in the logs given:**\n\n";
      for (const std::string& name : m.missing) {
        const Step& step = rule.steps[rule.FindName(name)];
        out += "- `" + step.name + "`: " + MissingNote(step, a) + "\n";
      }
      out += "\n";
    }
    for (const Match* effect : inc.consequences) {
      out += "**Consequence** (`" + effect->rule->id +
             "`): " + OneLine(ExpandSummary(*effect, a.config)) + "\n\n";
    }
    for (const Match* deeper : inc.deeper) {
      out += "**Behind it** (`" + deeper->rule->id +
             "`): " + OneLine(ExpandSummary(*deeper, a.config)) + "\n\n";
    }
    out += "| time (UTC) | Δt from root | step | host | evidence |\n|---|---|---|---|---|\n";
    for (const Link& link : Chain(m)) {
      const Evidence& e = *link.evidence;
      std::string message = e.message;
      std::replace(message.begin(), message.end(), '|', '/');
      out += "| " + EvidenceTime(e) + " | " + Delta(root.instant, e.instant) + " | " +
             (link.is_step ? "" : "context: ") + e.name + " | " + e.host + " | `" + e.source + ":" +
             std::to_string(e.line) + "` " + message + " |\n";
    }
    if (m.absence) out += "\nThen " + AbsenceNote(m) + ".\n";
    std::vector<std::string> config_names = ConfigNamesUsed(rule);
    if (!config_names.empty()) {
      out += "\n**Configuration:**\n\n";
      for (const std::string& name : config_names)
        out += "- " + DescribeConfig(name, a.config) + "\n";
    }
    out += "\n**Remedy:** " + OneLine(ExpandTemplate(rule.remedy, m, a.config)) + "\n\n";
    for (const Alternative& alt : inc.alternatives) {
      out += "- Also considered `" + alt.match->rule->id + "`, ranked lower: " + alt.reason + "\n";
    }
    out += "<details><summary>Evidence lines</summary>\n\n```\n";
    for (const Link& link : Chain(m)) out += EvidenceLine(*link.evidence) + "\n";
    out += "```\n</details>\n\n";
  }
  if (o.explain) {
    out += "## What was read\n\n" + ReadSummary(a) + "\n";
    for (const NearMiss& n : a.engine->near_misses()) {
      out += "\n- Near miss `" + n.rule->id + "`: '" + n.to.name + "' came " +
             FormatDuration(n.gap) + " after '" + n.from.name + "'; the rule allows " +
             FormatDuration(n.allowed) + ".";
    }
    out += "\n";
  }
  return out;
}

}  // namespace faultline
