// Records on their way into the warehouse's events table: rows gathered into one reused buffer
// and sent as one INSERT per few MB, the size at which ClickHouse writes one part per partition
// per insert without the per-insert overhead dominating (docs/scale-out.md has the figures).
//
// Exactly once after a crash: a run that died after an INSERT was acknowledged but before its
// state was saved re-reads the same lines next time. That run is told so (`recovering`) and checks
// each batch against what the table holds before sending it: the rows with the same source key
// and line, within the batch's own time range (so the primary key, which starts with the instant,
// limits the read to the batch's granules), are left out. Normal runs skip the check.
//
// Parsing and sending overlap: a full batch is sent on a second thread while the next one fills
// (two buffers, each reused). At most one send is in flight, so the client is never shared.
#pragma once

#include <cstdint>
#include <future>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/base/record.h"
#include "src/warehouse/clickhouse_client.h"

namespace faultline {

inline constexpr size_t kDefaultBatchBytes = 4 << 20;

class EventBatcher {
 public:
  EventBatcher(ClickHouseClient* client, bool recovering, size_t batch_bytes = kDefaultBatchBytes);
  ~EventBatcher();  ///< waits for a send in flight
  EventBatcher(const EventBatcher&) = delete;
  EventBatcher& operator=(const EventBatcher&) = delete;

  /// Adds one record; starts sending the batch when it is full. False with *error when a send
  /// failed (that of this batch or the one before: their rows may or may not be stored, so the
  /// caller keeps its state unsaved, and the next run recovers).
  bool Add(const Record& record, std::string_view source_key, std::string_view host,
           std::string* error);
  /// Sends what is left and waits until every batch is acknowledged.
  bool Flush(std::string* error);

  int64_t rows_sent() const { return rows_sent_; }
  int64_t rows_already_there() const { return rows_already_there_; }
  int64_t inserts() const { return inserts_; }
  int64_t bytes_sent() const { return bytes_sent_; }

 private:
  struct Row {
    size_t key;  // index into Batch::keys
    int64_t line, instant;
    size_t end;  // end of its text in Batch::buffer
  };
  struct Batch {
    std::string buffer;
    std::vector<Row> rows;
    std::vector<std::string> keys;  // its distinct source keys
    void Clear();
  };
  bool StartSend(std::string* error);  // hands filling_ to the sender
  bool WaitForSend(std::string* error);
  bool Send(Batch* batch, std::string* error);  // on the sender thread
  bool DropRowsAlreadyThere(Batch* batch, std::string* error);

  ClickHouseClient* client_;
  bool recovering_;
  size_t batch_bytes_;
  std::string insert_sql_;
  Batch filling_, sending_;
  std::future<bool> in_flight_;
  std::string send_error_;
  int64_t rows_sent_ = 0, rows_already_there_ = 0, inserts_ = 0, bytes_sent_ = 0;
};

}  // namespace faultline
