#include "src/engine/analysis.h"

#include <algorithm>

#include "src/engine/parallel_feed.h"
#include "src/store/learnt_layouts.h"
#include "src/store/merge.h"

namespace faultline {

std::vector<const Rule*> ShareOf(const std::vector<const Rule*>& rules, int shard, int shards) {
  std::vector<const Rule*> share;
  for (size_t i = static_cast<size_t>(shard); i < rules.size(); i += static_cast<size_t>(shards)) {
    share.push_back(rules[i]);
  }
  return share;
}

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
  // With N jobs the reading thread parses, merges and scans, and N - 1 engine threads match,
  // each with a share of the rules: one thread per core, none waiting for a core.
  int jobs = request.cron ? 1 : request.jobs;
  bool threaded = jobs > 1;
  int shards = std::max(1, std::min(jobs - 1, static_cast<int>(rules.size())));
  std::vector<std::vector<const Rule*>> shares;
  for (int i = 0; i < shards; ++i) shares.push_back(ShareOf(rules, i, shards));
  // One engine reads alone; threaded engines take their hits from a scanner that holds every
  // rule.
  std::unique_ptr<Engine> scanner;
  if (threaded) scanner = std::make_unique<Engine>(rules, out->config);
  std::vector<std::unique_ptr<Engine>> engines;
  for (int i = 0; i < shards; ++i) {
    engines.push_back(std::make_unique<Engine>(shares[i], out->config, !threaded));
    if (!engines.back()->ok()) {
      reporter->Error(engines.back()->error());
      return false;
    }
  }
  if (scanner != nullptr && !scanner->ok()) {
    reporter->Error(scanner->error());
    return false;
  }
  // Re-read enough of each log next time to rebuild every rule's windows (plus a margin).
  if (request.cron) open.window.replay_span_us = engines.front()->LongestSpan() + 60'000'000;
  out->sources = OpenSources(inputs, open, reporter);
  // The reading thread counts the templates alone or with one engine beside it (the engine is
  // the busier of the two); with more, the first engine's thread does (ParallelFeed).
  const bool reader_counts_templates = shards == 1;
  std::unique_ptr<ParallelFeed> parallel;
  if (scanner != nullptr) {
    std::vector<Engine*> readers;
    for (auto& engine : engines) readers.push_back(engine.get());
    std::vector<const SourceInfo*> infos;
    for (auto& source : out->sources.sources) infos.push_back(&source->info());
    MessageTemplates* templates = reader_counts_templates ? nullptr : &out->templates;
    parallel = std::make_unique<ParallelFeed>(scanner.get(), readers, infos, templates);
  }
  Merger merger(out->sources.sources);
  while (const Record* r = merger.Next()) {
    ++out->records;
    out->components_seen |= 1u << static_cast<unsigned>(r->component);
    if (r->instant != kNoInstant && (r->instant < request.from || r->instant >= request.to)) {
      continue;
    }
    const SourceInfo& info = out->sources.sources[r->source]->info();
    if (parallel != nullptr) {
      parallel->Feed(*r, info);
    } else {
      engines.front()->Feed(*r, info);
    }
    if (reader_counts_templates) out->templates.Add(*r, info);
  }
  if (parallel != nullptr) {
    parallel->Finish(!request.cron);
  } else {
    engines.front()->Finish(!request.cron);
  }
  out->engine = std::move(engines.front());
  for (int i = 1; i < shards; ++i) out->engine->Absorb(std::move(*engines[i]));
  ReportReadProblems(out->sources, reporter);
  out->incidents = BuildIncidents(out->engine->matches());
  return true;
}

}  // namespace faultline
