// The HTML report's time axis and its overview strip of all incidents.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "src/base/text_out.h"
#include "src/cli/html_escape.h"
#include "src/cli/report_html_parts.h"
#include "src/engine/explain.h"

namespace faultline::html_detail {
namespace {

constexpr int64_t kMs = 1000, kSec = 1000 * kMs, kMin = 60 * kSec, kHour = 60 * kMin,
                  kDay = 24 * kHour;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string Plain(int64_t t) {
  std::string s;
  AppendInstant(&s, t, 3, false);  // "2019-09-17 05:04:12.043"
  return s;
}

}  // namespace

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::string IsoInstant(int64_t instant) {
  std::string s;
  AppendInstant(&s, instant, 3, true);
  return s;
}

double Axis::X(int64_t t) const {
  if (knot_t.size() >= 2) {
    if (t <= knot_t.front()) return knot_x.front();
    if (t >= knot_t.back()) return knot_x.back();
    size_t i =
        static_cast<size_t>(std::upper_bound(knot_t.begin(), knot_t.end(), t) - knot_t.begin());
    double f =
        static_cast<double>(t - knot_t[i - 1]) / static_cast<double>(knot_t[i] - knot_t[i - 1]);
    return knot_x[i - 1] + f * (knot_x[i] - knot_x[i - 1]);
  }
  double span = static_cast<double>(t1 - t0);
  return x0 + (x1 - x0) * static_cast<double>(t - t0) / (span > 0 ? span : 1);
}

void FitAxis(Axis* axis, int64_t lo, int64_t hi) {
  int64_t span = hi - lo;
  int64_t pad = span == 0 ? 500 * kMs : std::max<int64_t>(span / 25, kMs);
  axis->t0 = lo - pad;
  axis->t1 = hi + pad;
}

void StretchAxis(Axis* axis, std::vector<int64_t> times, int64_t focus_from, int64_t focus_to) {
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  if (times.size() < 2) {
    FitAxis(axis, times.empty() ? 0 : times.front(), times.empty() ? 0 : times.back());
    return;
  }
  FitAxis(axis, times.front(), times.back());
  constexpr double kPad = 24;
  size_t gaps = times.size() - 1;
  double room = axis->x1 - axis->x0 - 2 * kPad;
  auto focused = [&](size_t i) { return times[i] >= focus_from && times[i + 1] <= focus_to; };
  double units = 0, total = 0;
  for (size_t i = 0; i < gaps; ++i) {
    units += focused(i) ? 2.5 : 1;
    total += std::sqrt(static_cast<double>(times[i + 1] - times[i]));
  }
  double least = std::min(40.0, room / (2 * units)), spare = room - least * units;
  axis->knot_t = {axis->t0};
  axis->knot_x = {axis->x0};
  double x = axis->x0 + kPad;
  for (size_t i = 0; i < times.size(); ++i) {
    if (i > 0) {
      double share = std::sqrt(static_cast<double>(times[i] - times[i - 1])) / total;
      x += least * (focused(i - 1) ? 2.5 : 1) + spare * share;
    }
    axis->knot_t.push_back(times[i]);
    axis->knot_x.push_back(x);
  }
  axis->knot_t.push_back(axis->t1);
  axis->knot_x.push_back(axis->x1);
}

std::vector<std::pair<int64_t, std::string>> Axis::Ticks() const {
  static constexpr std::array<int64_t, 28> kSteps = {
      kMs,       2 * kMs,   5 * kMs,   10 * kMs,  20 * kMs,   50 * kMs,  100 * kMs,
      200 * kMs, 500 * kMs, kSec,      2 * kSec,  5 * kSec,   10 * kSec, 15 * kSec,
      30 * kSec, kMin,      2 * kMin,  5 * kMin,  10 * kMin,  15 * kMin, 30 * kMin,
      kHour,     2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour, kDay,      7 * kDay};
  int64_t step = kSteps.back();
  for (int64_t s : kSteps) {
    if ((t1 - t0) / s <= 6) {
      step = s;
      break;
    }
  }
  std::vector<std::pair<int64_t, std::string>> ticks;
  for (int64_t t = (FloorDiv(t0, step) + 1) * step; t <= t1 && ticks.size() < 40; t += step) {
    std::string plain = Plain(t);
    std::string label = step < kSec   ? plain.substr(11, 12)
                        : step < kMin ? plain.substr(11, 8)
                        : step < kDay ? plain.substr(11, 5)
                                      : plain.substr(5, 5);
    ticks.emplace_back(t, label);
  }
  return ticks;
}

std::string Axis::Caption() const {
  if (no_time) return "no time in the logs given: placed in line order";
  if (!knot_t.empty()) return "UTC, " + Plain(t0).substr(0, 10) + ", not to scale";
  std::string first = Plain(t0).substr(0, 10), last = Plain(t1).substr(0, 10);
  return "UTC, " + first + (first == last ? "" : " – " + last);
}

void AppendAxis(std::string* out, const Axis& axis, double y, double top) {
  out->append("<g class=\"axis\"><line x1=\"" + Num(axis.x0) + "\" x2=\"" + Num(axis.x1) +
              "\" y1=\"" + Num(y) + "\" y2=\"" + Num(y) + "\"/>");
  if (!axis.no_time) {
    for (const auto& [t, label] : axis.Ticks()) {
      std::string x = Num(axis.X(t));
      out->append("<line class=\"grid\" x1=\"" + x + "\" x2=\"" + x + "\" y1=\"" + Num(top) +
                  "\" y2=\"" + Num(y + 4) + "\"/><text x=\"" + x + "\" y=\"" + Num(y + 17) + "\">" +
                  label + "</text>");
    }
  }
  // Without ticks the (longer) caption starts under the axis instead of ending before it.
  out->append("<text class=\"" + std::string(axis.no_time ? "cap start" : "cap") + "\" x=\"" +
              Num(axis.no_time ? axis.x0 : axis.x0 - 8) + "\" y=\"" + Num(y + 17) + "\">" +
              HtmlEscape(axis.Caption()) + "</text></g>");
}

std::string OverviewSvg(const std::vector<Incident>& incidents) {
  // Incidents of logs without time have synthetic instants: they would stretch the axis to 1970.
  auto timed = [](const Incident& inc) {
    return inc.first != kNoInstant && !inc.primary->steps.front().order_only;
  };
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  std::array<int, 3> per_severity{};
  for (const Incident& inc : incidents) {
    if (!timed(inc)) continue;
    bool episode = inc.episode.count > 1;
    lo = std::min(lo, episode ? std::min(inc.episode.first, inc.first) : inc.first);
    hi = std::max(hi, episode ? std::max(inc.episode.last, inc.last) : inc.last);
    ++per_severity[static_cast<size_t>(inc.severity)];
  }
  if (lo > hi) return "";
  constexpr double kWidth = 1000, kRowHeight = 34, kTop = 6;
  Axis axis;
  axis.x0 = 150;
  axis.x1 = kWidth - 20;
  FitAxis(&axis, lo, hi);
  // Rows from the most severe down; only severities that occur.
  std::array<int, 3> row{-1, -1, -1};
  int rows = 0;
  for (int s = 2; s >= 0; --s) {
    if (per_severity[static_cast<size_t>(s)] > 0) row[static_cast<size_t>(s)] = rows++;
  }
  double axis_y = kTop + rows * kRowHeight + 4;
  std::string out = "<svg class=\"overview\" viewBox=\"0 0 " + Num(kWidth) + " " +
                    Num(axis_y + 26) +
                    "\" role=\"group\" aria-label=\"All incidents on one time axis, by "
                    "severity\">";
  for (int s = 2; s >= 0; --s) {
    int r = row[static_cast<size_t>(s)];
    if (r < 0) continue;
    std::string name(SeverityName(static_cast<Severity>(s)));
    double y = kTop + r * kRowHeight;
    out += "<rect class=\"lane-bg" + std::string(r % 2 ? " odd" : "") + "\" x=\"0\" y=\"" + Num(y) +
           "\" width=\"" + Num(kWidth) + "\" height=\"" + Num(kRowHeight) +
           "\"/><text class=\"lane-h\" x=\"8\" y=\"" + Num(y + 21) + "\">" + name + " (" +
           std::to_string(per_severity[static_cast<size_t>(s)]) + ")</text>";
  }
  AppendAxis(&out, axis, axis_y, kTop);
  // Three tracks per row, so incidents close in time do not hide each other.
  std::array<std::array<double, 3>, 3> track_end;
  for (auto& t : track_end) t.fill(-1e9);
  for (size_t i = 0; i < incidents.size(); ++i) {
    const Incident& inc = incidents[i];
    if (!timed(inc)) continue;
    auto sev = static_cast<size_t>(inc.severity);
    bool episode = inc.episode.count > 1;
    double from = axis.X(episode ? std::min(inc.episode.first, inc.first) : inc.first);
    double to =
        std::max(axis.X(episode ? std::max(inc.episode.last, inc.last) : inc.last), from + 5);
    size_t track = 0;
    for (size_t k = 0; k < 3; ++k) {
      if (track_end[sev][k] + 2 <= from) {
        track = k;
        break;
      }
      if (track_end[sev][k] < track_end[sev][track]) track = k;
    }
    track_end[sev][track] = std::max(track_end[sev][track], to);
    double y = kTop + row[sev] * kRowHeight + 4 + static_cast<double>(track) * 9;
    std::string label =
        std::to_string(i + 1) + ". " + std::string(SeverityName(inc.severity)) + ": " +
        inc.primary->rule->title + ", " + InstantString(inc.first) + " UTC" +
        (episode ? ", " + std::to_string(inc.episode.count) + " occurrences" : std::string());
    std::string mark = "<a href=\"#i" + std::to_string(i + 1) + "\" class=\"ov sev-" +
                       std::string(SeverityName(inc.severity)) + "\" data-overview=\"" +
                       HtmlEscape(inc.fingerprint) + "\"><title>" + HtmlEscape(label) + "</title>";
    if (episode) {
      mark += "<line x1=\"" + Num(from) + "\" x2=\"" + Num(to) + "\" y1=\"" + Num(y + 3.5) +
              "\" y2=\"" + Num(y + 3.5) + "\"/>";
    }
    double x = axis.X(inc.first);
    mark += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" +
            Num(std::max(axis.X(inc.last) - x, 5.0)) + "\" height=\"7\"/></a>";
    out += mark;
  }
  out += "</svg>";
  return out;
}

}  // namespace faultline::html_detail
