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
  buffer_.reserve(batch_bytes_ + (batch_bytes_ >> 3));
}

bool EventBatcher::Add(const Record& record, std::string_view source_key, std::string_view host,
                       std::string* error) {
  // Consecutive records mostly come from one source: the last key is checked first.
  size_t key = keys_.size();
  if (!keys_.empty() && keys_.back() == source_key) {
    key = keys_.size() - 1;
  } else {
    auto found = std::find(keys_.begin(), keys_.end(), source_key);
    key = static_cast<size_t>(found - keys_.begin());
    if (found == keys_.end()) keys_.emplace_back(source_key);
  }
  AppendRecordRow(&buffer_, record, source_key, host);
  rows_.push_back({key, record.line, record.instant, buffer_.size()});
  return buffer_.size() < batch_bytes_ || Flush(error);
}

bool EventBatcher::DropRowsAlreadyThere(std::string* error) {
  int64_t low = std::numeric_limits<int64_t>::max(), high = std::numeric_limits<int64_t>::min();
  int64_t first_line = std::numeric_limits<int64_t>::max(), last_line = 0;
  for (const Row& row : rows_) {
    low = std::min(low, row.instant);
    high = std::max(high, row.instant);
    first_line = std::min(first_line, row.line);
    last_line = std::max(last_line, row.line);
  }
  std::string keys;
  for (const std::string& key : keys_) keys += (keys.empty() ? "" : ", ") + SqlQuote(key);
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
  kept.reserve(buffer_.capacity());
  std::vector<Row> kept_rows;
  size_t begin = 0;
  for (const Row& row : rows_) {
    if (there.count({keys_[row.key], row.line}) != 0) {
      ++rows_already_there_;
    } else {
      kept.append(buffer_, begin, row.end - begin);
      kept_rows.push_back(row);
      kept_rows.back().end = kept.size();
    }
    begin = row.end;
  }
  buffer_.swap(kept);
  rows_.swap(kept_rows);
  return true;
}

bool EventBatcher::Flush(std::string* error) {
  if (rows_.empty()) return true;
  if (recovering_ && !DropRowsAlreadyThere(error)) return false;
  if (!rows_.empty()) {
    if (!client_->Insert(insert_sql_, buffer_, error)) return false;
    ++inserts_;
    rows_sent_ += static_cast<int64_t>(rows_.size());
    bytes_sent_ += static_cast<int64_t>(buffer_.size());
    Failpoint("ship-inserted");  // acknowledged, state not saved: the crash recovery must handle
  }
  buffer_.clear();  // keeps its capacity for the next batch
  rows_.clear();
  keys_.clear();
  return true;
}

}  // namespace faultline
