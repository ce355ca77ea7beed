#include "src/engine/analysis.h"

#include "src/store/learnt_layouts.h"
#include "src/store/merge.h"

namespace faultline {

bool Analyze(const AnalysisRequest& request, const std::vector<const Rule*>& rules,
             Reporter* reporter, Analysis* out) {
  std::vector<InputProblem> problems;
  std::vector<std::string> configs = request.config_files;
  std::vector<InputFile> inputs =
      request.cron ? request.inputs : ExpandInputs(request.paths, &problems, &configs);
  for (const InputProblem& problem : problems) reporter->InputProblem(problem.path, problem.why);
  OpenOptions open = request.open;
  out->config_files_read = LearnLayoutsFromConfigs(&configs, &open, reporter);
  for (const std::string& path : configs) {
    out->config.LoadFile(path, reporter);
    out->config_files_read.push_back(path);
  }
  out->engine = std::make_unique<Engine>(rules, out->config);
  if (!out->engine->ok()) {
    reporter->Error(out->engine->error());
    return false;
  }
  // Re-read enough of each log next time to rebuild every rule's windows (plus a margin).
  if (request.cron) open.window.replay_span_us = out->engine->LongestSpan() + 60'000'000;
  out->sources = OpenSources(inputs, open, reporter);
  Merger merger(out->sources.sources);
  while (const Record* r = merger.Next()) {
    ++out->records;
    out->components_seen |= 1u << static_cast<unsigned>(r->component);
    if (r->instant != kNoInstant && (r->instant < request.from || r->instant >= request.to)) {
      continue;
    }
    const SourceInfo& info = out->sources.sources[r->source]->info();
    out->engine->Feed(*r, info);
    out->templates.Add(*r, info);
  }
  out->engine->Finish(!request.cron);
  ReportReadProblems(out->sources, reporter);
  out->incidents = BuildIncidents(out->engine->matches());
  return true;
}

}  // namespace faultline
