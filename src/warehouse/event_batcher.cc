#include "src/warehouse/event_batcher.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "src/base/failpoint.h"
#include "src/warehouse/record_rows.h"
#include "src/warehouse/schema.h"

namespace faultline {

EventBatcher::EventBatcher(ClickHouseClient* client, bool recovering, size_t batch_bytes)
    : client_(client), recovering_(recovering), batch_bytes_(batch_bytes) {
  insert_sql_ = "INSERT INTO " + TableName(client->url(), "events") + " (" +
                std::string(kInsertColumns) + ") FORMAT TabSeparated";
  filling_.buffer.reserve(batch_bytes_ + (batch_bytes_ >> 3));
}

EventBatcher::~EventBatcher() {
  if (in_flight_.valid()) in_flight_.wait();
}

void EventBatcher::Batch::Clear() {
  buffer.clear();  // keeps its capacity for the next batch
  rows.clear();
  keys.clear();
}

bool EventBatcher::Add(const Record& record, std::string_view source_key, std::string_view host,
                       std::string* error) {
  // Consecutive records mostly come from one source: the last key is checked first.
  std::vector<std::string>& keys = filling_.keys;
  size_t key = keys.size();
  if (!keys.empty() && keys.back() == source_key) {
    key = keys.size() - 1;
  } else {
    auto found = std::find(keys.begin(), keys.end(), source_key);
    key = static_cast<size_t>(found - keys.begin());
    if (found == keys.end()) keys.emplace_back(source_key);
  }
  AppendRecordRow(&filling_.buffer, record, source_key, host);
  filling_.rows.push_back({key, record.line, record.instant, filling_.buffer.size()});
  return filling_.buffer.size() < batch_bytes_ || StartSend(error);
}

bool EventBatcher::WaitForSend(std::string* error) {
  if (!in_flight_.valid()) return true;
  if (in_flight_.get()) return true;
  *error = send_error_;
  return false;
}

bool EventBatcher::StartSend(std::string* error) {
  if (!WaitForSend(error)) return false;
  if (filling_.rows.empty()) return true;
  std::swap(filling_, sending_);
  filling_.Clear();
  in_flight_ = std::async(std::launch::async, [this] { return Send(&sending_, &send_error_); });
  return true;
}

bool EventBatcher::DropRowsAlreadyThere(Batch* batch, std::string* error) {
  int64_t low = std::numeric_limits<int64_t>::max(), high = std::numeric_limits<int64_t>::min();
  int64_t first_line = std::numeric_limits<int64_t>::max(), last_line = 0;
  for (const Row& row : batch->rows) {
    low = std::min(low, row.instant);
    high = std::max(high, row.instant);
    first_line = std::min(first_line, row.line);
    last_line = std::max(last_line, row.line);
  }
  std::string keys;
  for (const std::string& key : batch->keys) keys += (keys.empty() ? "" : ", ") + SqlQuote(key);
  // toInt64('...'): a negative literal would be parsed as minus a UInt64, which INT64_MIN
  // (records without a time) is not.
  std::string sql = "SELECT source, line FROM " + TableName(client_->url(), "events") +
                    " WHERE instant >= toInt64('" + std::to_string(low) +
                    "') AND instant <= toInt64('" + std::to_string(high) + "') AND source IN (" +
                    keys + ") AND line >= " + std::to_string(first_line) +
                    " AND line <= " + std::to_string(last_line) + " FORMAT TabSeparated";
  std::set<std::pair<std::string, int64_t>> there;
  std::string bad;
  bool ok = client_->QueryLines(
      sql,
      [&](std::string_view line) {
        size_t tab = line.rfind('\t');
        int64_t number = 0;
        std::string key;
        if (tab == std::string_view::npos ||
            std::from_chars(line.data() + tab + 1, line.data() + line.size(), number).ec !=
                std::errc() ||
            !UnescapeTsvField(line.substr(0, tab), &key)) {
          bad = std::string(line.substr(0, 200));
          return false;
        }
        there.emplace(std::move(key), number);
        return true;
      },
      error);
  if (!ok) return false;
  if (!bad.empty()) {
    *error = "unexpected answer while checking what an interrupted run stored: " + bad;
    return false;
  }
  if (there.empty()) return true;
  std::string kept;
  kept.reserve(batch->buffer.capacity());
  std::vector<Row> kept_rows;
  size_t begin = 0;
  for (const Row& row : batch->rows) {
    if (there.count({batch->keys[row.key], row.line}) != 0) {
      ++rows_already_there_;
    } else {
      kept.append(batch->buffer, begin, row.end - begin);
      kept_rows.push_back(row);
      kept_rows.back().end = kept.size();
    }
    begin = row.end;
  }
  batch->buffer.swap(kept);
  batch->rows.swap(kept_rows);
  return true;
}

bool EventBatcher::Send(Batch* batch, std::string* error) {
  if (recovering_ && !DropRowsAlreadyThere(batch, error)) return false;
  if (!batch->rows.empty()) {
    if (!client_->Insert(insert_sql_, batch->buffer, error)) return false;
    ++inserts_;
    rows_sent_ += static_cast<int64_t>(batch->rows.size());
    bytes_sent_ += static_cast<int64_t>(batch->buffer.size());
    Failpoint("ship-inserted");  // acknowledged, state not saved: the crash recovery must handle
  }
  return true;
}

bool EventBatcher::Flush(std::string* error) { return StartSend(error) && WaitForSend(error); }

}  // namespace faultline
