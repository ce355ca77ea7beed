// The HTML report: one self-contained page (inline style, SVG and script; nothing fetched) with
// an overview of all incidents and, per incident, a swimlane timeline, the evidence, the
// configuration and the remedy. Every piece of text goes through HtmlEscape: log lines are
// untrusted, and the script reads them back with textContent only.
#include <algorithm>
#include <array>

#include "src/base/duration.h"
#include "src/cli/html_escape.h"
#include "src/cli/report.h"
#include "src/cli/report_html_parts.h"
#include "src/cli/report_parts.h"
#include "src/engine/explain.h"

namespace faultline {

using namespace report_detail;  // NOLINT: the renderers' shared helpers
using namespace html_detail;    // NOLINT: this renderer's own pieces

namespace {

// Incidents beyond this many (they come best ranked first) are listed in brief: a bench corpus
// has hundreds, and the page must stay small enough to open at once.
constexpr size_t kDetailed = 100;

std::string E(std::string_view text) { return HtmlEscape(text); }

std::string Time(int64_t instant, const std::string& shown) {
  return "<time datetime=\"" + IsoInstant(instant) + "\">" + E(shown) + "</time>";
}

std::string EvidenceTimeHtml(const Evidence& e) {
  return e.order_only ? E(EvidenceTime(e)) : Time(e.instant, EvidenceTime(e));
}

std::string WhenHtml(const Incident& inc) {
  if (inc.primary->steps.front().order_only) return E(WhenText(inc, " – "));
  return Time(inc.first, InstantString(inc.first)) + " – " +
         Time(inc.last, InstantString(inc.last)) + " UTC (" + FormatDuration(inc.last - inc.first) +
         ")";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string Badge(Severity s) {
  std::string name(SeverityName(s));
  return "<span class=\"badge sev-" + name + "\">" + name + "</span>";
}

std::string Percent(double confidence) {
  return std::to_string(static_cast<int>(confidence * 100 + 0.5)) + "%";
}

std::string Expand(const std::string& text, const Match& m, const Analysis& a) {
  return E(OneLine(ExpandTemplate(text, m, a.config)));
}

// When, hosts, rule, confidence and episode: what the header of every incident shows.
std::string Meta(const Incident& inc) {
  const Match& m = *inc.primary;
  std::string out = "<dl class=\"meta\"><dt>When</dt><dd>" + WhenHtml(inc) +
                    "</dd><dt>Hosts</dt><dd>" + E(Join(inc.hosts)) +
                    "</dd><dt>Rule</dt><dd><code>" + E(m.rule->id) +
                    "</code></dd><dt>Confidence</dt><dd><span class=\"conf\" "
                    "aria-hidden=\"true\"><span style=\"width:" +
                    Percent(m.confidence) + "\"></span></span> " + E(ConfidenceLine(m)) + "</dd>";
  if (inc.episode.count > 1 || !inc.episode.state.empty())
    out += "<dt>Episode</dt><dd>" + E(EpisodeText(inc)) + "</dd>";
  return out + "</dl>";
}

std::string RootCause(const Match& m) {
  const Evidence& root = m.steps.front();
  return "<p class=\"root\"><strong>Probable root cause:</strong> <code>" + E(root.name) +
         "</code> on " + E(root.host.empty() ? "?" : root.host) + " at " + EvidenceTimeHtml(root) +
         ": " + E(root.message) + "</p>";
}

std::string EvidenceTable(const Match& m, const std::string& id) {
  std::string out =
      "<div class=\"scroll\"><table class=\"ev\"><thead><tr><th scope=\"col\">time (UTC)</th>"
      "<th scope=\"col\">Δt from root</th><th scope=\"col\">step</th><th scope=\"col\">host</th>"
      "<th scope=\"col\">where</th><th scope=\"col\">record</th></tr></thead><tbody>";
  std::vector<Link> chain = Chain(m);
  int64_t root = m.steps.front().instant;
  for (size_t k = 0; k < chain.size(); ++k) {
    const Evidence& e = *chain[k].evidence;
    int64_t d = e.instant - root;
    std::string text = e.header;
    if (!e.first_continuation.empty()) text += "\n" + e.first_continuation;
    out += "<tr id=\"" + id + "-e" + std::to_string(k) + "\" class=\"" +
           (chain[k].is_step ? "step" : "ctx") + "\"><td>" + EvidenceTimeHtml(e) + "</td><td>" +
           (d >= 0 ? "+" : "") + FormatDuration(d) + "</td><td>" +
           (chain[k].is_step ? "" : "context: ") + E(e.name) +
           (e.occurrences > 1 ? " ×" + std::to_string(e.occurrences) : "") + "</td><td>" +
           E(e.host) + "</td><td><code>" + E(e.source) + ":" + std::to_string(e.line) +
           "</code></td><td><pre>" + E(text) + "</pre></td></tr>";
  }
  return out + "</tbody></table></div>";
}

std::string Related(const Incident& inc, const Analysis& a) {
  std::string out;
  for (const Match* deeper : inc.deeper) {
    out += "<p class=\"rel\"><strong>Behind it</strong> (<code>" + E(deeper->rule->id) +
           "</code>): " + E(OneLine(ExpandSummary(*deeper, a.config))) + "</p>";
  }
  for (const Match* effect : inc.consequences) {
    out += "<p class=\"rel\"><strong>Consequence</strong> (<code>" + E(effect->rule->id) +
           "</code>): " + E(OneLine(ExpandSummary(*effect, a.config))) + "</p>";
  }
  return out;
}

std::string IncidentSection(const Analysis& a, size_t n, const Incident& inc) {
  const Match& m = *inc.primary;
  const Rule& rule = *m.rule;
  std::string id = "i" + std::to_string(n);
  std::string severity(SeverityName(inc.severity));
  std::string out =
      "<article class=\"inc sev-" + severity + "\" id=\"" + id + "\" data-incident=\"" +
      E(inc.fingerprint) + "\" tabindex=\"-1\" aria-labelledby=\"" + id + "-h\"><h2 id=\"" + id +
      "-h\">" + Badge(inc.severity) + " <a class=\"n\" href=\"#" + id + "\">" + std::to_string(n) +
      ".</a> " + E(UpdatedMark(inc) + rule.title) + "</h2>" + Meta(inc) + "<p class=\"summary\">" +
      E(OneLine(ExpandSummary(m, a.config))) + "</p>" + RootCause(m);
  if (n > kDetailed) {
    return out + "<p class=\"brief\">Timeline and evidence are shown for the first " +
           std::to_string(kDetailed) +
           " incidents only; the JSON report (<code>--format json</code>) or <code>--from</code>/"
           "<code>--to</code> around this one give the rest.</p><h3>Remedy</h3><p>" +
           Expand(rule.remedy, m, a) + "</p></article>";
  }
  if (!rule.cause.empty()) out += "<p class=\"cause\">" + Expand(rule.cause, m, a) + "</p>";
  out += Related(inc, a);
  out += "<figure class=\"tl\"><div class=\"scroll\">" + SwimlaneSvg(m, a, id) +
         "</div><figcaption>Select a mark (hover, click, or Tab then Enter) to see its record; "
         "← → move along the chain.</figcaption></figure><div class=\"rec\" id=\"" +
         id + "-rec\" aria-live=\"polite\"></div>";
  if (m.absence) out += "<p>Then " + E(AbsenceNote(m)) + ".</p>";
  if (!m.missing.empty()) {
    out += "<h3>Not in the logs given</h3><ul>";
    for (const std::string& name : m.missing) {
      const Step& step = rule.steps[rule.FindName(name)];
      out += "<li><code>" + E(name) + "</code>: " + E(MissingNote(step, a)) + "</li>";
    }
    out += "</ul>";
  }
  out += "<h3>Evidence</h3>" + EvidenceTable(m, id);
  std::vector<std::string> config_names = ConfigNamesUsed(rule);
  if (!config_names.empty()) {
    out += "<h3>Configuration</h3><ul class=\"cfg\">";
    for (const std::string& name : config_names)
      out += "<li>" + E(DescribeConfig(name, a.config)) + "</li>";
    out += "</ul>";
  }
  out += "<h3>Remedy</h3><p class=\"remedy\">" + Expand(rule.remedy, m, a) + "</p>";
  for (const Alternative& alt : inc.alternatives) {
    out += "<p class=\"alt\">Also considered <code>" + E(alt.match->rule->id) + "</code> (" +
           E(alt.match->rule->title) + "), ranked lower: " + E(alt.reason) + "</p>";
  }
  if (inc.rule_ids.size() > 1)
    out += "<p class=\"alt\">Rules fired: " + E(Join(inc.rule_ids)) + "</p>";
  return out + "</article>";
}

// Every incident in one table, each row a link to its section.
std::string Contents(const std::vector<Incident>& incidents) {
  std::string out =
      "<div class=\"scroll\"><table class=\"toc\"><thead><tr><th scope=\"col\">#</th><th "
      "scope=\"col\">severity</th><th scope=\"col\">first (UTC)</th><th scope=\"col\">incident</th>"
      "<th scope=\"col\">hosts</th><th scope=\"col\">confidence</th></tr></thead><tbody>";
  for (size_t i = 0; i < incidents.size(); ++i) {
    const Incident& inc = incidents[i];
    std::string n = std::to_string(i + 1);
    bool timed = !inc.primary->steps.front().order_only;
    out += "<tr><td><a href=\"#i" + n + "\">" + n + "</a></td><td>" + Badge(inc.severity) +
           "</td><td>" + (timed ? Time(inc.first, InstantString(inc.first)) : "—") +
           "</td><td><a href=\"#i" + n + "\">" + E(UpdatedMark(inc) + inc.primary->rule->title) +
           "</a>" +
           (inc.episode.count > 1
                ? " <span class=\"ep\">×" + std::to_string(inc.episode.count) + "</span>"
                : "") +
           "</td><td>" + E(Join(inc.hosts)) + "</td><td>" + Percent(inc.primary->confidence) +
           "</td></tr>";
  }
  return out + "</tbody></table></div>";
}

std::string Unexplained(const Analysis& a) {
  std::vector<TemplateStat> stats = a.templates.Summary();
  if (stats.empty()) return "<p>No warning or error was logged.</p>";
  std::string out =
      "<h2>Unexplained warnings and errors</h2><p>Per host, the first and the rarest message "
      "templates (numbers, ids and addresses masked as &lt;*&gt;).</p><div class=\"scroll\">"
      "<table class=\"ev\"><thead><tr><th>host</th><th></th><th>level</th><th>count</th>"
      "<th>first (UTC)</th><th>template</th><th>e.g.</th></tr></thead><tbody>";
  for (const TemplateStat& t : stats) {
    out += "<tr><td>" + E(t.host) + "</td><td>" + (t.earliest ? "first" : "rare") + "</td><td>" +
           E(LevelName(t.level)) + "</td><td>" + std::to_string(t.count) + "</td><td>" +
           Time(t.first, InstantString(t.first)) + "</td><td><pre>" + E(t.text) +
           "</pre></td><td><code>" + E(t.source) + ":" + std::to_string(t.line) +
           "</code></td></tr>";
  }
  return out + "</tbody></table></div>";
}

std::string Explain(const Analysis& a) {
  std::string out =
      "<section class=\"explain\"><h2>What was read</h2><p>" + E(ReadSummary(a)) + "</p>";
  if (!a.engine) return out + "</section>";
  out += "<h3>Near misses</h3><ul>";
  for (const NearMiss& n : a.engine->near_misses()) {
    out += "<li><code>" + E(n.rule->id) + "</code>: '" + E(n.to.name) + "' came " +
           FormatDuration(n.gap) + " after '" + E(n.from.name) + "'; the rule allows " +
           FormatDuration(n.allowed) + "</li>";
  }
  return out + "</ul></section>";
}

constexpr std::string_view kLegend =
    "<p class=\"legend\"><svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><circle class=\"lg-step\" "
    "cx=\"8\" cy=\"8\" r=\"6\"/></svg> step of the causal chain <svg viewBox=\"0 0 16 16\" "
    "aria-hidden=\"true\"><rect class=\"lg-ctx\" x=\"3\" y=\"3\" width=\"10\" height=\"10\"/>"
    "</svg> context record <svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><circle "
    "class=\"lg-missing\" cx=\"8\" cy=\"8\" r=\"5.5\"/></svg> step not in the logs given "
    "<svg viewBox=\"0 0 16 16\" aria-hidden=\"true\"><rect class=\"lg-band\" x=\"1\" y=\"2\" "
    "width=\"14\" height=\"12\"/></svg> window the rule checked</p>";

}  // namespace

std::string RenderHtml(const Analysis& a, const ReportOptions& o) {
  std::array<int, 3> counts{};
  for (const Incident& inc : a.incidents) ++counts[static_cast<size_t>(inc.severity)];
  std::string headline = a.incidents.empty()
                             ? "No incident: nothing matched the rules"
                             : std::to_string(a.incidents.size()) +
                                   (a.incidents.size() == 1 ? " incident" : " incidents") + ": " +
                                   std::to_string(counts[2]) + " critical, " +
                                   std::to_string(counts[1]) + " warning, " +
                                   std::to_string(counts[0]) + " info";
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><meta name=\"color-scheme\" "
      "content=\"light dark\"><title>faultline: " +
      E(headline) + "</title><style>" + kHtmlStyle +
      "</style></head><body><a class=\"skip\" href=\"#incidents\">Skip to the incidents</a>"
      "<header class=\"page\"><h1>faultline analysis</h1><p class=\"headline\">" +
      E(headline) + ".</p>";
  if (!a.sources.infos.empty()) out += "<p class=\"read\">" + E(ReadSummary(a)) + "</p>";
  if (!a.incidents.empty()) {
    out += std::string(kLegend) +
           "<p class=\"keys\">Times are UTC; hover over one for your local time. Keys: "
           "<kbd>j</kbd>/<kbd>k</kbd> next and previous incident; in a timeline <kbd>Tab</kbd> to "
           "a mark, <kbd>←</kbd> <kbd>→</kbd> along the chain, <kbd>Esc</kbd> back to the "
           "incident.</p>";
  }
  out += "</header>";
  if (a.incidents.size() > 1) {
    out += "<nav class=\"overview\" aria-label=\"All incidents\"><h2>Overview</h2>" +
           OverviewSvg(a.incidents) + Contents(a.incidents);
    if (a.incidents.size() > kDetailed) {
      out += "<p class=\"brief\">Timeline and evidence are shown for the first " +
             std::to_string(kDetailed) + " incidents (the best ranked); the other " +
             std::to_string(a.incidents.size() - kDetailed) + " are listed in brief.</p>";
    }
    out += "</nav>";
  }
  out += "<main id=\"incidents\">";
  if (a.incidents.empty()) out += Unexplained(a);
  for (size_t i = 0; i < a.incidents.size(); ++i) out += IncidentSection(a, i + 1, a.incidents[i]);
  out += "</main>";
  if (a.engine && a.engine->matches_dropped() > 0) {
    out += "<p class=\"brief\">" + std::to_string(a.engine->matches_dropped()) +
           " further matches beyond the 10000 kept (1000 per rule) were counted but not kept.</p>";
  }
  if (o.explain) out += Explain(a);
  out += "<script>" + std::string(kHtmlScript) + "</script></body></html>\n";
  return out;
}

}  // namespace faultline
