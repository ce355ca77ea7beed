#include "src/engine/analysis.h"

#include <sys/stat.h>

#include <thread>

#include "src/store/learnt_layouts.h"
#include "src/store/merge.h"

namespace faultline {
namespace {

bool ReadableTwice(const std::vector<InputFile>& inputs) {
  for (const InputFile& input : inputs) {
    struct stat st;
    if (input.path == "-" || stat(input.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      return false;
    }
  }
  return true;
}

// One more engine over the whole stream, on its own thread: it opens the inputs itself and
// reports nothing (the first engine's reading reports every problem once).
void RunShard(const std::vector<InputFile>& inputs, OpenOptions open, int64_t from, int64_t to,
              bool cron, Engine* engine) {
  Reporter quiet;
  quiet.set_quiet(true);
  open.progress = nullptr;
  SourceSet sources = OpenSources(inputs, open, &quiet);
  Merger merger(sources.sources);
  while (const Record* r = merger.Next()) {
    if (r->instant != kNoInstant && (r->instant < from || r->instant >= to)) continue;
    engine->Feed(*r, sources.sources[r->source]->info());
  }
  engine->Finish(!cron);
}

}  // namespace

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
  int shards = request.cron || !ReadableTwice(inputs) ? 1 : request.jobs;
  shards = std::max(1, std::min(shards, static_cast<int>(rules.size())));
  std::vector<std::vector<const Rule*>> shares;
  for (int i = 0; i < shards; ++i) shares.push_back(ShareOf(rules, i, shards));
  std::vector<std::unique_ptr<Engine>> engines;
  for (int i = 0; i < shards; ++i) {
    engines.push_back(std::make_unique<Engine>(shares[i], out->config));
    if (!engines.back()->ok()) {
      reporter->Error(engines.back()->error());
      return false;
    }
  }
  out->engine = std::move(engines.front());
  // Re-read enough of each log next time to rebuild every rule's windows (plus a margin).
  if (request.cron) open.window.replay_span_us = out->engine->LongestSpan() + 60'000'000;
  std::vector<std::thread> threads;
  for (int i = 1; i < shards; ++i) {
    threads.emplace_back(RunShard, std::cref(inputs), open, request.from, request.to, request.cron,
                         engines[i].get());
  }
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
  for (int i = 1; i < shards; ++i) {
    threads[i - 1].join();
    out->engine->Absorb(std::move(*engines[i]));
  }
  ReportReadProblems(out->sources, reporter);
  out->incidents = BuildIncidents(out->engine->matches());
  return true;
}

}  // namespace faultline
