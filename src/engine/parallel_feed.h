// One reader, several engines (analyze -j N). The reading thread parses and merges the inputs
// once and scans each record's message once with every rule's patterns; each engine, on a
// thread of its own with a share of the rules, takes the records in batches with the hits of
// its share translated to its own pattern indices. An engine thus sees the records, in the
// order and with the hits, it would see reading the inputs alone, so the results do not depend
// on the number of engines. Records no pattern matched travel as their instant only (unless
// some engine reads every record), so a batch holds mostly hits. Given the message templates,
// the first engine's thread counts them (warning-or-worse records travel whole, timeless ones
// too): with several engines the reading thread is the busiest, and they are a tenth of its work.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "src/base/record.h"
#include "src/engine/engine.h"
#include "src/engine/message_templates.h"
#include "src/store/source_info.h"

namespace faultline {

class ParallelFeed {
 public:
  /// `scanner` holds every rule whose engine is among `engines` (it only scans; feed it
  /// nothing). Each engine of `engines` runs on a thread started here, from the first batch to
  /// its Finish. `sources` are the infos records name, copied now: the reader may still learn a
  /// host while engines read, and tells them in the batch where it did.
  /// `templates`, if not null, is given every record of level warning or worse (Add), in stream
  /// order, by the first engine's thread: read it only after Finish.
  ParallelFeed(Engine* scanner, const std::vector<Engine*>& engines,
               const std::vector<const SourceInfo*>& sources,
               MessageTemplates* templates = nullptr);
  ~ParallelFeed();  ///< finishes (with windows closed) if Finish was not called
  ParallelFeed(const ParallelFeed&) = delete;
  ParallelFeed& operator=(const ParallelFeed&) = delete;

  /// The next record of the merged stream (Engine::Feed's contract), on the reader's thread.
  void Feed(const Record& record, const SourceInfo& source);
  /// Hands over the last batch and waits until every engine has read it and finished
  /// (Engine::Finish with `close_open_windows`).
  void Finish(bool close_open_windows);

 private:
  static constexpr size_t kBatchItems = 1024;
  static constexpr size_t kSlots = 16;
  struct Item {
    int64_t instant;
    /// Index in Batch::records, or -1: no hits, its instant is all that counts. A record whole
    /// without an instant is only for the templates.
    int32_t record;
  };
  struct HostChange {
    size_t before_item;  ///< takes effect from this item on
    int32_t source;
    std::string host;
  };
  struct Batch {
    std::vector<Item> items;
    std::vector<Record> records;  ///< the first `used` are this batch's (copies keep capacity)
    size_t used = 0;
    std::vector<int> hits;             ///< the scanner's indices, record after record
    std::vector<uint32_t> hits_begin;  ///< per record, where its hits start; then the end
    std::vector<HostChange> hosts;
    int readers_left = 0;  ///< engines yet to read it; 0 = free for the reader
    bool last = false;     ///< nothing follows it
  };
  struct Reader {
    Engine* engine;
    std::vector<int> to_local;      ///< scanner index -> this engine's (-1: another share's)
    std::vector<SourceInfo> infos;  ///< its own copies (see the constructor)
    std::vector<int> local_hits;
    bool reads_every_record;
    MessageTemplates* templates;  ///< the first engine's thread counts them; null for the rest
  };

  void Publish(bool last);
  void Run(Reader* reader);
  void Read(Reader* reader, const Batch& batch);

  Engine* scanner_;
  MessageTemplates* templates_;
  std::vector<Reader> readers_;
  std::vector<std::thread> threads_;
  bool forward_all_ = false;  ///< some engine reads every record: every record travels whole
  std::vector<std::string> published_host_;  ///< per source: the host the engines know
  std::vector<int> scan_hits_;
  Batch slots_[kSlots];
  uint64_t filling_ = 0;  ///< sequence number of the batch being filled (slot filling_ % kSlots)
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t published_ = 0;  ///< batches handed over
  bool close_open_windows_ = true;
  bool finished_ = false;
};

}  // namespace faultline
