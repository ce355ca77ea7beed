// The pieces of the HTML report (report_html.cc builds the page from them): the SVG swimlane of
// one incident, the overview strip of all incidents, a time axis both use, and the page's inline
// style and script.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "src/engine/analysis.h"

namespace faultline::html_detail {

/// A time axis mapped onto SVG x coordinates [x0, x1]: linear, or piecewise linear through knots.
struct Axis {
  int64_t t0 = 0, t1 = 1;
  double x0 = 0, x1 = 1;
  bool no_time = false;  ///< synthetic instants (logs without time): no tick labels
  /// When set (see StretchAxis), time maps linearly between consecutive knots only.
  std::vector<int64_t> knot_t;
  std::vector<double> knot_x;
  double X(int64_t t) const;
  /// A tick every round step (1 ms .. 1 day), about six of them, with their UTC labels.
  std::vector<std::pair<int64_t, std::string>> Ticks() const;
  /// "UTC, 2019-09-17": what the tick labels leave out.
  std::string Caption() const;
};

/// Fits the axis to [lo, hi] with a margin on each side (a zero span becomes one second).
void FitAxis(Axis* axis, int64_t lo, int64_t hi);

/// Fits the axis to `times` so that no two distinct ones are closer than a mark's width: each
/// gap between consecutive times gets a minimum width plus a share growing with its square root.
/// A chain of 360 ms and 215 ms steps after a 10 s window stays readable; the Δt labels and the
/// ticks say the true times.
/// Gaps within [focus_from, focus_to] (the causal chain) get a wider minimum.
void StretchAxis(Axis* axis, std::vector<int64_t> times, int64_t focus_from, int64_t focus_to);

/// Appends the axis line at height y, its ticks and labels, and grid lines up to `top`.
void AppendAxis(std::string* out, const Axis& axis, double y, double top);

/// An SVG coordinate: one decimal, none when it is zero.
std::string Num(double v);

/// "2019-09-17T05:04:12.043Z", for <time datetime> and the script's local-time hover.
std::string IsoInstant(int64_t instant);

/// The SVG swimlane of an incident's primary match: a lane per host (data-lane), a mark per step
/// (data-chain-step) and context record (data-context), arrows labelled with Δt between the
/// steps, the windows the rule checked, and hollow marks for steps not in the logs given. Mark k
/// refers to the evidence row `id`-e`k` (k in Chain() order). `id` makes element ids unique.
std::string SwimlaneSvg(const Match& m, const Analysis& a, const std::string& id);

/// The overview strip: every incident with a time on one axis, a row per severity, each mark a
/// link to #i<N> (N from 1, in the order given).
std::string OverviewSvg(const std::vector<Incident>& incidents);

extern const char kHtmlStyle[];
extern const char kHtmlScript[];

}  // namespace faultline::html_detail
