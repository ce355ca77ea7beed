// The JSON report (schema "faultline.analyze/1", documented in faultline(1)).
#include <cstdio>

#include "src/base/text_out.h"
#include "src/cli/report.h"
#include "src/cli/report_parts.h"
#include "src/engine/episodes.h"
#include "src/engine/explain.h"

namespace faultline {

using namespace report_detail;  // NOLINT: the renderers' shared helpers

namespace {

void JsonKey(std::string* out, std::string_view key) {
  if (!out->empty() && out->back() != '{' && out->back() != '[') out->push_back(',');
  AppendJsonString(out, key);
  out->push_back(':');
}

void JsonString(std::string* out, std::string_view key, std::string_view value) {
  JsonKey(out, key);
  AppendJsonString(out, value);
}

void JsonInstant(std::string* out, std::string_view key, int64_t instant, int precision = 3) {
  JsonKey(out, key);
  if (instant == kNoInstant) {
    out->append("null");
    return;
  }
  out->push_back('"');
  AppendInstant(out, instant, precision >= 6 ? 6 : 3, true);
  out->push_back('"');
}

// "episode":{"count":N,"first":..,"last":..,"occurrences":[start, ...],"state":..}
void AppendEpisode(std::string* out, const Incident& inc) {
  const Incident::EpisodeView& e = inc.episode;
  JsonKey(out, "episode");
  out->push_back('{');
  JsonKey(out, "count");
  out->append(std::to_string(e.count));
  JsonInstant(out, "first", e.first);
  JsonInstant(out, "last", e.last);
  JsonKey(out, "occurrences");
  out->push_back('[');
  for (size_t i = 0; i < e.times.size(); ++i) {
    if (i) out->push_back(',');
    out->push_back('"');
    AppendInstant(out, e.times[i], 3, true);
    out->push_back('"');
  }
  out->push_back(']');
  if (!e.state.empty()) JsonString(out, "state", e.state);
  out->push_back('}');
}

void JsonEvidence(std::string* out, const Evidence& e, int64_t root, bool is_step) {
  out->push_back('{');
  JsonString(out, "name", e.name);
  JsonKey(out, "kind");
  AppendJsonString(out, is_step ? "step" : "context");
  JsonInstant(out, "instant", e.instant, e.precision);
  JsonKey(out, "delta_from_root_ms");
  out->append(std::to_string((e.instant - root) / 1000));
  JsonString(out, "host", e.host);
  JsonString(out, "component", ComponentName(e.component));
  JsonString(out, "source", e.source);
  JsonKey(out, "line");
  out->append(std::to_string(e.line));
  JsonString(out, "text", e.header);
  JsonString(out, "continuation", e.first_continuation);
  JsonString(out, "message", e.message);
  JsonKey(out, "occurrences");
  out->append(std::to_string(e.occurrences));
  JsonKey(out, "captures");
  out->push_back('{');
  for (const auto& [k, v] : e.captures) JsonString(out, k, v);
  out->push_back('}');
  out->push_back('}');
}

}  // namespace

std::string RenderJson(const Analysis& a, const ReportOptions& o) {
  std::string out = "{";
  JsonString(&out, "schema", "faultline.analyze/1");
  JsonKey(&out, "incidents");
  out.push_back('[');
  for (const Incident& inc : a.incidents) {
    const Match& m = *inc.primary;
    const Rule& rule = *m.rule;
    if (out.back() != '[') out.push_back(',');
    out.push_back('{');
    JsonString(&out, "rule", rule.id);
    JsonString(&out, "title", rule.title);
    JsonString(&out, "severity", SeverityName(inc.severity));
    JsonString(&out, "fingerprint", inc.fingerprint);
    if (!inc.status.empty()) JsonString(&out, "status", inc.status);
    if (inc.episode.count > 0) AppendEpisode(&out, inc);
    JsonInstant(&out, "first", inc.first);
    JsonInstant(&out, "last", inc.last);
    JsonKey(&out, "hosts");
    out.push_back('[');
    for (size_t i = 0; i < inc.hosts.size(); ++i) {
      if (i) out.push_back(',');
      AppendJsonString(&out, inc.hosts[i]);
    }
    out.push_back(']');
    JsonString(&out, "summary", OneLine(ExpandSummary(m, a.config)));
    JsonString(&out, "cause", OneLine(ExpandTemplate(rule.cause, m, a.config)));
    JsonString(&out, "remedy", OneLine(ExpandTemplate(rule.remedy, m, a.config)));
    JsonString(&out, "root_cause", m.steps.front().name);
    JsonKey(&out, "confidence");
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", m.confidence);
    out.append(confidence);
    JsonKey(&out, "missing");
    out.push_back('[');
    for (const std::string& name : m.missing) {
      const Step& step = rule.steps[rule.FindName(name)];
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "step", name);
      JsonString(&out, "component", step.any_component ? "" : ComponentName(step.component));
      JsonString(&out, "note", MissingNote(step, a));
      out.push_back('}');
    }
    out.push_back(']');
    JsonKey(&out, "order_only");
    out.append(m.steps.front().order_only ? "true" : "false");
    JsonKey(&out, "ended_waiting");
    out.append(m.ended_waiting ? "true" : "false");
    JsonKey(&out, "absence");
    out.append(m.absence ? "true" : "false");
    JsonKey(&out, "window_open_at_end");
    out.append(m.window_open_at_end ? "true" : "false");
    JsonKey(&out, "chain");
    out.push_back('[');
    for (const Link& link : Chain(m)) {
      if (out.back() != '[') out.push_back(',');
      JsonEvidence(&out, *link.evidence, m.steps.front().instant, link.is_step);
    }
    out.push_back(']');
    JsonKey(&out, "configuration");
    out.push_back('[');
    for (const std::string& name : ConfigNamesUsed(rule)) {
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "name", name);
      const ConfigValue* v = a.config.Find(name);
      JsonString(&out, "value", v ? v->text : "");
      JsonString(&out, "origin", v ? v->origin : "");
      JsonKey(&out, "default");
      out.append(v && v->is_default ? "true" : "false");
      out.push_back('}');
    }
    out.push_back(']');
    JsonKey(&out, "rules_fired");
    out.push_back('[');
    for (size_t i = 0; i < inc.rule_ids.size(); ++i) {
      if (i) out.push_back(',');
      AppendJsonString(&out, inc.rule_ids[i]);
    }
    out.push_back(']');
    JsonKey(&out, "behind_root_cause");
    out.push_back('[');
    for (const Match* deeper : inc.deeper) {
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "rule", deeper->rule->id);
      JsonString(&out, "summary", OneLine(ExpandSummary(*deeper, a.config)));
      out.push_back('}');
    }
    out.push_back(']');
    JsonKey(&out, "consequences");
    out.push_back('[');
    for (const Match* effect : inc.consequences) {
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "rule", effect->rule->id);
      JsonString(&out, "summary", OneLine(ExpandSummary(*effect, a.config)));
      out.push_back('}');
    }
    out.push_back(']');
    JsonKey(&out, "alternatives");
    out.push_back('[');
    for (const Alternative& alt : inc.alternatives) {
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "rule", alt.match->rule->id);
      JsonString(&out, "reason", alt.reason);
      out.push_back('}');
    }
    out.append("]}");
  }
  out.push_back(']');
  if (o.quiet_period > 0) {
    // Every incident is listed above; the episodes group them (worst occurrence first).
    JsonKey(&out, "episodes");
    out.push_back('[');
    for (const Incident& e : EpisodeSummaries(a.incidents, o.quiet_period)) {
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "rule", e.primary->rule->id);
      JsonString(&out, "host", e.primary->steps.front().host);
      JsonString(&out, "severity", SeverityName(e.severity));
      JsonString(&out, "worst", e.fingerprint);
      JsonKey(&out, "count");
      out.append(std::to_string(e.episode.count));
      JsonInstant(&out, "first", e.episode.first);
      JsonInstant(&out, "last", e.episode.last);
      JsonKey(&out, "occurrences");
      out.push_back('[');
      for (size_t i = 0; i < e.episode.times.size(); ++i) {
        if (i) out.push_back(',');
        out.push_back('"');
        AppendInstant(&out, e.episode.times[i], 3, true);
        out.push_back('"');
      }
      out.append("]}");
    }
    out.push_back(']');
  }
  JsonKey(&out, "records");
  out.append(std::to_string(a.records));
  JsonKey(&out, "unexplained");
  out.push_back('[');
  for (const TemplateStat& t : a.templates.Summary()) {
    if (out.back() != '[') out.push_back(',');
    out.push_back('{');
    JsonString(&out, "host", t.host);
    JsonString(&out, "kind", t.earliest ? "first" : "rare");
    JsonString(&out, "level", LevelName(t.level));
    JsonKey(&out, "count");
    out.append(std::to_string(t.count));
    JsonInstant(&out, "first", t.first);
    JsonInstant(&out, "last", t.last);
    JsonString(&out, "template", t.text);
    JsonString(&out, "example", t.example);
    JsonString(&out, "source", t.source);
    JsonKey(&out, "line");
    out.append(std::to_string(t.line));
    out.push_back('}');
  }
  out.push_back(']');
  if (o.explain) {
    JsonKey(&out, "near_misses");
    out.push_back('[');
    for (const NearMiss& n : a.engine->near_misses()) {
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "rule", n.rule->id);
      JsonString(&out, "from", n.from.name);
      JsonString(&out, "to", n.to.name);
      JsonKey(&out, "gap_ms");
      out.append(std::to_string(n.gap / 1000));
      JsonKey(&out, "allowed_ms");
      out.append(std::to_string(n.allowed / 1000));
      out.push_back('}');
    }
    out.push_back(']');
    JsonKey(&out, "half_matches");
    out.push_back('[');
    for (const NearMiss& n : a.engine->half_matches()) {
      if (out.back() != '[') out.push_back(',');
      out.push_back('{');
      JsonString(&out, "rule", n.rule->id);
      JsonString(&out, "from", n.from.name);
      JsonString(&out, "source", n.from.source);
      JsonKey(&out, "line");
      out.append(std::to_string(n.from.line));
      JsonKey(&out, "missing");
      out.push_back('[');
      for (const std::string& name : n.missing) {
        if (out.back() != '[') out.push_back(',');
        AppendJsonString(&out, name);
      }
      out.push_back(']');
      out.push_back('}');
    }
    out.push_back(']');
  }
  out.append("}\n");
  return out;
}

}  // namespace faultline
