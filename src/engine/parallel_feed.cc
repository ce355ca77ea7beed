#include "src/engine/parallel_feed.h"

#include <map>
#include <utility>

namespace faultline {

ParallelFeed::ParallelFeed(Engine* scanner, const std::vector<Engine*>& engines,
                           const std::vector<const SourceInfo*>& sources,
                           MessageTemplates* templates)
    : scanner_(scanner), templates_(templates) {
  std::map<std::pair<const Rule*, int>, int> scanned;
  std::vector<Engine::PatternOwner> owners = scanner->PatternOwners();
  for (size_t i = 0; i < owners.size(); ++i) {
    scanned[{owners[i].rule, owners[i].index}] = static_cast<int>(i);
  }
  for (const SourceInfo* info : sources) published_host_.push_back(info->host);
  readers_.resize(engines.size());
  for (size_t e = 0; e < engines.size(); ++e) {
    Reader& reader = readers_[e];
    reader.engine = engines[e];
    reader.reads_every_record = engines[e]->ReadsEveryRecord();
    reader.templates = e == 0 ? templates : nullptr;
    forward_all_ = forward_all_ || reader.reads_every_record;
    reader.to_local.assign(owners.size(), -1);
    std::vector<Engine::PatternOwner> own = engines[e]->PatternOwners();
    for (size_t local = 0; local < own.size(); ++local) {
      // Every engine's rules are the scanner's: its patterns are among the scanner's.
      reader.to_local[scanned.at({own[local].rule, own[local].index})] = static_cast<int>(local);
    }
    for (const SourceInfo* info : sources) reader.infos.push_back(*info);
  }
  for (Reader& reader : readers_) threads_.emplace_back(&ParallelFeed::Run, this, &reader);
}

ParallelFeed::~ParallelFeed() {
  if (!finished_) Finish(true);
}

void ParallelFeed::Feed(const Record& record, const SourceInfo& source) {
  bool for_templates = templates_ != nullptr && record.level >= Level::kWarn;
  // No engine reads a record without an instant (Engine::Feed); the templates may.
  if (record.instant == kNoInstant && !for_templates) return;
  Batch& batch = slots_[filling_ % kSlots];
  scan_hits_.clear();
  if (record.instant != kNoInstant) scanner_->ScanPatterns(record, &scan_hits_);
  if (scan_hits_.empty() && !forward_all_ && !for_templates) {
    batch.items.push_back({record.instant, -1});
  } else {
    std::string& host = published_host_[static_cast<size_t>(record.source)];
    if (source.host != host) {
      host = source.host;
      batch.hosts.push_back({batch.items.size(), record.source, host});
    }
    if (batch.used == batch.records.size()) batch.records.emplace_back();
    batch.records[batch.used] = record;  // into a recycled record: its text keeps its capacity
    batch.hits_begin.push_back(static_cast<uint32_t>(batch.hits.size()));
    batch.hits.insert(batch.hits.end(), scan_hits_.begin(), scan_hits_.end());
    batch.items.push_back({record.instant, static_cast<int32_t>(batch.used++)});
  }
  if (batch.items.size() >= kBatchItems) Publish(false);
}

void ParallelFeed::Publish(bool last) {
  Batch& batch = slots_[filling_ % kSlots];
  batch.last = last;
  {
    std::unique_lock lock(mutex_);
    batch.readers_left = static_cast<int>(readers_.size());
    published_ = ++filling_;
  }
  changed_.notify_all();
  if (last) return;
  // The next slot is free once every engine has read what it held kSlots batches ago.
  Batch& next = slots_[filling_ % kSlots];
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return next.readers_left == 0; });
  }
  next.items.clear();
  next.used = 0;
  next.hits.clear();
  next.hits_begin.clear();
  next.hosts.clear();
}

void ParallelFeed::Finish(bool close_open_windows) {
  if (finished_) return;
  finished_ = true;
  close_open_windows_ = close_open_windows;  // read by the engines after the last batch
  Publish(true);
  for (std::thread& thread : threads_) thread.join();
}

void ParallelFeed::Run(Reader* reader) {
  for (uint64_t next = 0;; ++next) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return published_ > next; });
    }
    const Batch& batch = slots_[next % kSlots];
    Read(reader, batch);
    bool last = batch.last;
    {
      std::unique_lock lock(mutex_);
      --slots_[next % kSlots].readers_left;
    }
    changed_.notify_all();
    if (last) break;
  }
  reader->engine->Finish(close_open_windows_);
}

void ParallelFeed::Read(Reader* reader, const Batch& batch) {
  Engine& engine = *reader->engine;
  size_t host = 0;
  for (size_t i = 0; i < batch.items.size(); ++i) {
    for (; host < batch.hosts.size() && batch.hosts[host].before_item == i; ++host) {
      reader->infos[static_cast<size_t>(batch.hosts[host].source)].host = batch.hosts[host].host;
    }
    const Item& item = batch.items[i];
    if (item.record < 0) {
      engine.PassRecord(item.instant);
      continue;
    }
    size_t r = static_cast<size_t>(item.record);
    size_t end = r + 1 < batch.used ? batch.hits_begin[r + 1] : batch.hits.size();
    reader->local_hits.clear();
    for (size_t h = batch.hits_begin[r]; h < end; ++h) {
      int local = reader->to_local[static_cast<size_t>(batch.hits[h])];
      if (local >= 0) reader->local_hits.push_back(local);
    }
    const Record& record = batch.records[r];
    const SourceInfo& info = reader->infos[static_cast<size_t>(record.source)];
    if (reader->templates != nullptr) reader->templates->Add(record, info);
    if (record.instant == kNoInstant) continue;  // it came for the templates alone
    if (reader->local_hits.empty() && !reader->reads_every_record) {
      engine.PassRecord(item.instant);
    } else {
      engine.FeedScanned(record, info, reader->local_hits);
    }
  }
}

}  // namespace faultline
