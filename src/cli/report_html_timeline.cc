// The swimlane timeline of one incident in the HTML report (see report_html_parts.h).
#include <algorithm>
#include <cmath>

#include "src/base/duration.h"
#include "src/cli/html_escape.h"
#include "src/cli/report_html_parts.h"
#include "src/cli/report_parts.h"
#include "src/engine/explain.h"

namespace faultline::html_detail {
namespace {

using report_detail::Chain;
using report_detail::EvidenceTime;
using report_detail::Link;

constexpr double kWidth = 1000, kPlotX0 = 175, kPlotX1 = 975, kTop = 26, kLaneHeight = 52,
                 kWindowRow = 18;

struct Lane {
  std::string key;    ///< the host, or "missing:COMPONENT" for a lane no log was given for
  std::string title;  ///< what the label says
  std::vector<Component> components;
};

enum class MarkKind { kStep, kContext, kMissing, kAbsent };

struct Mark {
  MarkKind kind;
  std::string name;
  int64_t t = 0;
  size_t lane = 0;
  int ev = -1;  ///< index into Chain(), for records
  const Evidence* evidence = nullptr;
  std::string note;  ///< for a step not in the logs given
  double x = 0, y = 0;
  bool root = false;
};

// A span on the time axis the rule checked, with what it is.
struct Window {
  int64_t from, to;
  std::string label, key;
};

std::string LaneKey(const Evidence& e) { return e.host.empty() ? "?" : e.host; }

size_t FindOrAddLane(std::vector<Lane>* lanes, const std::string& key, const std::string& title) {
  for (size_t i = 0; i < lanes->size(); ++i) {
    if ((*lanes)[i].key == key) return i;
  }
  lanes->push_back({key, title, {}});
  return lanes->size() - 1;
}

// A step not in the logs goes on the lane of a host that logged its component, else on a lane
// of its own named for the component.
size_t LaneForStep(std::vector<Lane>* lanes, const Step& step) {
  if (!step.any_component) {
    for (size_t i = 0; i < lanes->size(); ++i) {
      const auto& c = (*lanes)[i].components;
      if (std::find(c.begin(), c.end(), step.component) != c.end()) return i;
    }
    std::string component(ComponentName(step.component));
    return FindOrAddLane(lanes, "missing:" + component, component + " (no log)");
  }
  return FindOrAddLane(lanes, "missing:?", "(not in the logs)");
}

// An expression as people write it: "tickTime × syncLimit".
std::string Shown(std::string text) {
  for (size_t p = text.find(" * "); p != std::string::npos; p = text.find(" * ", p))
    text.replace(p, 3, " × ");
  return text;
}

// "{timeout.time - tickTime * syncLimit}" in a rule's text: a window the rule reasons with,
// counted back (or on) from a record's time.
void TemplateWindows(const std::string& text, const Match& m, const ConfigValues& config,
                     std::vector<Window>* out) {
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) return;
    std::string inner = text.substr(open + 1, close - open - 1);
    size_t at = inner.find(".time ");
    if (at == std::string::npos || at + 8 > inner.size()) continue;
    char op = inner[at + 6];
    if ((op != '-' && op != '+') || inner[at + 7] != ' ') continue;
    std::string name = inner.substr(0, at), expr_text = inner.substr(at + 8);
    const Evidence* e = FindEvidence(m, name);
    std::string err;
    int column = 0;
    std::unique_ptr<Expr> expr = Expr::Parse(expr_text, &err, &column);
    int64_t d = 0;
    if (!e || !expr || !EvalDuration(*expr, config, &d, &err) || d <= 0) continue;
    std::string shown = Shown(expr_text);
    Window w{op == '-' ? e->instant - d : e->instant, op == '-' ? e->instant : e->instant + d,
             shown + " = " + FormatDuration(d) + (op == '-' ? " before " : " after ") + name,
             expr_text};
    bool seen = std::any_of(out->begin(), out->end(),
                            [&](const Window& o) { return o.from == w.from && o.to == w.to; });
    if (!seen) out->push_back(w);
  }
}

void AppendMark(std::string* out, const Mark& k, const std::string& id) {
  std::string cx = Num(k.x), cy = Num(k.y), label, cls;
  switch (k.kind) {
    case MarkKind::kStep:
      cls = k.root ? "step root" : "step";
      break;
    case MarkKind::kContext:
      cls = "ctx";
      break;
    case MarkKind::kMissing:
      cls = "missing";
      break;
    case MarkKind::kAbsent:
      cls = "absent";
      break;
  }
  if (k.evidence) {
    const Evidence& e = *k.evidence;
    label = std::string(k.kind == MarkKind::kContext ? "context " : "step ") + k.name + ", " +
            LaneKey(e) + ", " + EvidenceTime(e) + (e.order_only ? "" : " UTC") + ", " + e.source +
            ":" + std::to_string(e.line);
  } else {
    label = k.name + ": " + k.note;
  }
  *out += "<g class=\"mk " + cls + "\" tabindex=\"0\" role=\"button\" " +
          std::string(k.kind == MarkKind::kContext ? "data-context" : "data-chain-step") + "=\"" +
          HtmlEscape(k.name) + "\"";
  if (k.ev >= 0) *out += " data-ev=\"" + id + "-e" + std::to_string(k.ev) + "\"";
  if (!k.note.empty()) *out += " data-note=\"" + HtmlEscape(label) + "\"";
  *out += " aria-label=\"" + HtmlEscape(label) + "\"><title>" + HtmlEscape(label) + "</title>";
  if (k.kind == MarkKind::kContext) {
    *out +=
        "<rect x=\"" + Num(k.x - 5) + "\" y=\"" + Num(k.y - 5) + "\" width=\"10\" height=\"10\"/>";
  } else {
    *out += "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + (k.root ? "9" : "7") + "\"/>";
  }
  if (k.kind == MarkKind::kAbsent) {
    *out += "<path d=\"M" + Num(k.x - 4) + " " + Num(k.y - 4) + "l8 8m0-8l-8 8\"/>";
  }
  *out += "</g>";
  if (k.kind != MarkKind::kContext) {
    // Below the mark: the Δt labels of the arrows sit above.
    *out += "<text class=\"mk-l\" x=\"" + Num(k.x) + "\" y=\"" + Num(k.y + (k.root ? 21 : 19)) +
            "\" text-anchor=\"middle\">" + HtmlEscape(k.name) + "</text>";
  }
}

// An arrow from one chain mark to the next: straight between lanes, arched along one lane.
void AppendArrow(std::string* out, const Mark& from, const Mark& to, const std::string& id,
                 const std::string& label) {
  bool same_lane = std::fabs(from.y - to.y) < 1;
  double mx = (from.x + to.x) / 2, my = (from.y + to.y) / 2;
  double cx = mx, cy = same_lane ? my - 26 : my;
  auto shorten = [&](const Mark& k, double by, double* x, double* y) {
    double dx = cx - k.x, dy = cy - k.y, len = std::hypot(dx, dy);
    *x = len > 0 ? k.x + dx / len * by : k.x;
    *y = len > 0 ? k.y + dy / len * by : k.y;
  };
  double x1, y1, x2, y2;
  shorten(from, from.root ? 10 : 8, &x1, &y1);
  shorten(to, to.root ? 12 : 10, &x2, &y2);
  bool guess = from.kind != MarkKind::kStep || to.kind != MarkKind::kStep;
  *out += "<g class=\"arrow" + std::string(guess ? " guess" : "") + "\" data-chain-step=\"" +
          HtmlEscape(to.name) + "\">";
  if (std::hypot(to.x - from.x, to.y - from.y) > 12) {
    *out += "<path d=\"M" + Num(x1) + " " + Num(y1) + "Q" + Num(cx) + " " + Num(cy) + " " +
            Num(x2) + " " + Num(y2) + "\" marker-end=\"url(#" + id + "-ah)\"/>";
  }
  // The label sits at the curve's middle; beside a steep arrow rather than on it.
  double lx = same_lane ? mx : mx + 6, ly = same_lane ? my - 16 : my - 4;
  *out += "<text class=\"dt\" x=\"" + Num(lx) + "\" y=\"" + Num(ly) + "\"" +
          (same_lane ? " text-anchor=\"middle\"" : "") + ">" + HtmlEscape(label) + "</text></g>";
}

}  // namespace

std::string SwimlaneSvg(const Match& m, const Analysis& a, const std::string& id) {
  const Rule& rule = *m.rule;
  std::vector<Lane> lanes;
  std::vector<Mark> marks;
  std::vector<Link> chain = Chain(m);
  // Lanes: the steps' hosts in chain order first (the root cause's on top), then the context's.
  for (const Evidence& e : m.steps) FindOrAddLane(&lanes, LaneKey(e), LaneKey(e));
  for (const Link& link : chain) {
    const Evidence& e = *link.evidence;
    Lane& lane = lanes[FindOrAddLane(&lanes, LaneKey(e), LaneKey(e))];
    if (std::find(lane.components.begin(), lane.components.end(), e.component) ==
        lane.components.end())
      lane.components.push_back(e.component);
  }
  for (size_t k = 0; k < chain.size(); ++k) {
    const Evidence& e = *chain[k].evidence;
    Mark mark{chain[k].is_step ? MarkKind::kStep : MarkKind::kContext,
              e.name,
              e.instant,
              FindOrAddLane(&lanes, LaneKey(e), LaneKey(e)),
              static_cast<int>(k),
              &e};
    mark.root = &e == &m.steps.front();
    marks.push_back(mark);
  }
  // The chain in rule order: matched steps, and those not in the logs placed between their
  // neighbours in time (or before the first, after the last).
  std::vector<size_t> order;  // indices into marks
  int64_t lo = m.steps.front().instant, hi = lo;
  for (const Mark& k : marks) {
    lo = std::min(lo, k.t);
    hi = std::max(hi, k.t);
  }
  int64_t gap = std::max<int64_t>((hi - lo) / 6, 500'000);
  for (const Step& step : rule.steps) {
    auto matched = std::find_if(marks.begin(), marks.end(), [&](const Mark& k) {
      return k.kind == MarkKind::kStep && k.name == step.name;
    });
    if (matched != marks.end()) {
      order.push_back(static_cast<size_t>(matched - marks.begin()));
      continue;
    }
    bool missing = std::find(m.missing.begin(), m.missing.end(), step.name) != m.missing.end();
    if (!missing && !(step.absent && m.absence)) continue;
    Mark mark{missing ? MarkKind::kMissing : MarkKind::kAbsent, step.name, 0,
              LaneForStep(&lanes, step)};
    mark.note = missing ? report_detail::MissingNote(step, a) : report_detail::AbsenceNote(m);
    if (!missing && m.absence_deadline != kNoInstant) mark.t = m.absence_deadline;
    marks.push_back(mark);
    order.push_back(marks.size() - 1);
  }
  for (size_t i = 0; i < order.size(); ++i) {
    Mark& k = marks[order[i]];
    if (k.kind != MarkKind::kMissing && !(k.kind == MarkKind::kAbsent && k.t == 0)) continue;
    size_t before = i, after = i;
    while (before > 0 && marks[order[before - 1]].kind == MarkKind::kMissing) --before;
    while (after < order.size() && marks[order[after]].kind == MarkKind::kMissing) ++after;
    bool has_before = before > 0, has_after = after < order.size();
    int64_t t0 = has_before ? marks[order[before - 1]].t : 0;
    int64_t t1 = has_after ? marks[order[after]].t : 0;
    if (!has_before && !has_after) {
      k.t = lo;
    } else if (!has_before) {
      k.t = t1 - gap * static_cast<int64_t>(after - i);
    } else if (!has_after) {
      k.t = t0 + gap * static_cast<int64_t>(i - before + 1);
    } else {
      k.t = t0 + (t1 - t0) * static_cast<int64_t>(i - before + 1) /
                     static_cast<int64_t>(after - before + 1);
    }
  }
  // Windows the rule checked: those its text counts from a record (tickTime × syncLimit before
  // the time-out) as shaded bands; an absence's as a band too; each step's `within` as a bar.
  std::vector<Window> bands, bars;
  for (const std::string* text : {&rule.summary, &rule.cause, &rule.remedy})
    TemplateWindows(*text, m, a.config, &bands);
  if (m.absence && m.absence_deadline != kNoInstant && !m.steps.empty()) {
    bands.push_back({m.steps.back().instant, m.absence_deadline,
                     "no '" + rule.steps.back().name + "' within " + rule.steps.back().within_text,
                     "absence"});
  }
  for (size_t i = 1; i < order.size(); ++i) {
    const Mark& prev = marks[order[i - 1]];
    const Mark& k = marks[order[i]];
    if (prev.kind != MarkKind::kStep || k.kind != MarkKind::kStep) continue;
    const Step& step = rule.steps[rule.FindName(k.name)];
    int64_t d = 0;
    std::string err;
    if (!step.within || !EvalDuration(*step.within, a.config, &d, &err)) continue;
    std::string label = k.name + " within " + Shown(step.within_text);
    if (FormatDuration(d) != step.within_text) label += " = " + FormatDuration(d);
    bars.push_back({prev.t, prev.t + d, label + " of " + prev.name, step.within_text});
  }
  std::vector<int64_t> times;
  for (const Mark& k : marks) times.push_back(k.t);
  for (const Window& w : bands) {
    times.push_back(w.from);
    times.push_back(w.to);
  }
  Axis axis;
  axis.x0 = kPlotX0;
  axis.x1 = kPlotX1;
  axis.no_time = m.steps.front().order_only;
  StretchAxis(&axis, times, m.steps.front().instant, m.steps.back().instant);
  // Place the marks; ones that would overlap on a lane move up or down a little.
  std::vector<std::vector<std::pair<double, int>>> placed(lanes.size());
  std::vector<size_t> by_time(marks.size());
  for (size_t i = 0; i < marks.size(); ++i) by_time[i] = i;
  std::stable_sort(by_time.begin(), by_time.end(),
                   [&](size_t x, size_t y) { return marks[x].t < marks[y].t; });
  for (size_t i : by_time) {
    Mark& k = marks[i];
    k.x = axis.X(k.t);
    int slot = 0;
    for (int s : {0, -1, 1}) {
      bool clear = std::none_of(placed[k.lane].begin(), placed[k.lane].end(), [&](auto& p) {
        return p.second == s && std::fabs(p.first - k.x) < 12;
      });
      if (clear) {
        slot = s;
        break;
      }
    }
    placed[k.lane].push_back({k.x, slot});
    k.y = kTop + static_cast<double>(k.lane) * kLaneHeight + kLaneHeight / 2 + slot * 13;
  }
  double lanes_bottom = kTop + static_cast<double>(lanes.size()) * kLaneHeight;
  double axis_y = lanes_bottom + static_cast<double>(bars.size()) * kWindowRow + 8;
  std::string out = "<svg class=\"swim\" viewBox=\"0 0 " + Num(kWidth) + " " + Num(axis_y + 26) +
                    "\" role=\"group\" aria-label=\"Timeline: a lane per host, the causal chain "
                    "as arrows\"><defs><marker id=\"" +
                    id +
                    "-ah\" class=\"ah\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
                    "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 "
                    "10z\"/></marker></defs>";
  for (size_t i = 0; i < lanes.size(); ++i) {
    out += "<rect class=\"lane-bg" + std::string(i % 2 ? " odd" : "") + "\" x=\"0\" y=\"" +
           Num(kTop + static_cast<double>(i) * kLaneHeight) + "\" width=\"" + Num(kWidth) +
           "\" height=\"" + Num(kLaneHeight) + "\"/>";
  }
  auto clip = [&](int64_t t) { return std::clamp(axis.X(t), axis.x0, axis.x1); };
  for (const Window& w : bands) {
    double x0 = clip(w.from), x1 = clip(w.to);
    bool right = x0 > (kPlotX0 + kPlotX1) / 2;
    out += "<g class=\"band\" data-window=\"" + HtmlEscape(w.key) + "\"><title>" +
           HtmlEscape(w.label) + "</title><rect x=\"" + Num(x0) + "\" y=\"" + Num(kTop) +
           "\" width=\"" + Num(std::max(x1 - x0, 1.0)) + "\" height=\"" + Num(lanes_bottom - kTop) +
           "\"/><text x=\"" + Num(right ? x1 : x0) + "\" y=\"" + Num(kTop - 8) + "\"" +
           (right ? " text-anchor=\"end\"" : "") + ">" + HtmlEscape(w.label) + "</text></g>";
  }
  AppendAxis(&out, axis, axis_y, kTop);
  for (size_t i = 0; i < bars.size(); ++i) {
    const Window& w = bars[i];
    double y = lanes_bottom + static_cast<double>(i) * kWindowRow + 12;
    double x0 = clip(w.from), x1 = clip(w.to);
    bool cut = axis.X(w.to) > axis.x1;
    out += "<g class=\"win\" data-window=\"" + HtmlEscape(w.key) + "\"><title>" +
           HtmlEscape(w.label) + "</title><path d=\"M" + Num(x0) + " " + Num(y - 4) + "v4H" +
           Num(x1) + (cut ? "" : "v-4") + "\"/>";
    // The label beside the bar where it fits (about 6 units a character), else over its end.
    double width = 6.0 * static_cast<double>(w.label.size() + 2);
    bool right = x1 + 6 + width <= kWidth, left = !right && x0 - 6 - width >= 0;
    double at = right ? x1 + 6 : left ? x0 - 6 : kWidth - 4;
    out += "<text x=\"" + Num(at) + "\" y=\"" + Num(y + 3) + "\"" +
           (right ? " text-anchor=\"start\"" : " text-anchor=\"end\"") + ">" + HtmlEscape(w.label) +
           (cut ? " →" : "") + "</text></g>";
  }
  // Δt between steps; past a step not in the logs, the time since the last step that is.
  const Mark* last_seen = nullptr;
  for (size_t i = 1; i < order.size(); ++i) {
    const Mark& from = marks[order[i - 1]];
    const Mark& to = marks[order[i]];
    if (from.kind == MarkKind::kStep) last_seen = &from;
    std::string label = "?";
    if (to.kind == MarkKind::kStep && last_seen) {
      label = (to.t >= last_seen->t ? "+" : "") + FormatDuration(to.t - last_seen->t);
      if (last_seen != &from) label += " after " + last_seen->name;
    }
    AppendArrow(&out, from, to, id, label);
  }
  for (size_t l = 0; l < lanes.size(); ++l) {
    double y = kTop + static_cast<double>(l) * kLaneHeight;
    std::string components;
    for (Component c : lanes[l].components)
      components += (components.empty() ? "" : ", ") + std::string(ComponentName(c));
    if (lanes[l].key.rfind("missing:", 0) == 0) components = "not in the logs given";
    // A long host name is cut to fit the label column; the whole one is its tooltip.
    std::string title = lanes[l].title;
    if (title.size() > 22) title = title.substr(0, 20) + "…";
    out += "<g class=\"lane\" data-lane=\"" + HtmlEscape(lanes[l].key) +
           "\"><text class=\"lane-h\" x=\"8\" y=\"" + Num(y + 22) + "\"><title>" +
           HtmlEscape(lanes[l].title) + "</title>" + HtmlEscape(title) +
           "</text><text class=\"lane-c\" x=\"8\" y=\"" + Num(y + 38) + "\">" +
           HtmlEscape(components) + "</text>";
    for (size_t i : by_time) {
      if (marks[i].lane == l) AppendMark(&out, marks[i], id);
    }
    out += "</g>";
  }
  out += "</svg>";
  return out;
}

}  // namespace faultline::html_detail
