#include "src/warehouse/warehouse_analysis.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <thread>

#include "src/warehouse/clickhouse_client.h"
#include "src/warehouse/record_rows.h"
#include "src/warehouse/schema.h"

namespace faultline {
namespace {

// The fields of one TabSeparated row, unescaped; false for a row that is not `columns` wide.
bool SplitRow(std::string_view line, size_t columns, std::vector<std::string>* fields) {
  fields->clear();
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    std::string field;
    if (!UnescapeTsvField(line.substr(start, tab - start), &field)) return false;
    fields->push_back(std::move(field));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields->size() == columns;
}

int64_t Number(const std::string& text) {
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Each row of a query's TabSeparated answer, split; false with *error on a refused query or a
// row of another width (a server error in the middle of the answer).
bool QueryRows(ClickHouseClient* client, const std::string& sql, size_t columns,
               std::vector<std::vector<std::string>>* rows, std::string* error) {
  std::string body;
  if (!client->Query(sql, &body, error)) return false;
  std::vector<std::string> fields;
  for (size_t start = 0; start < body.size();) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    if (!SplitRow(std::string_view(body).substr(start, end - start), columns, &fields)) {
      *error = "unexpected answer from ClickHouse: " + body.substr(start, 200);
      return false;
    }
    rows->push_back(fields);
    start = end + 1;
  }
  return true;
}

// The sources, as local analysis would have opened them: in input order, which for a directory
// is the sorted order of the paths. A source shipped in several ranges is one source.
bool LoadSources(ClickHouseClient* client, SourceSet* sources,
                 std::map<std::string, int, std::less<>>* index, std::string* error) {
  std::string table = TableName(client->url(), "sources");
  std::string sql =
      "SELECT source, any(p), any(nm), any(h), any(c), any(z), sum(n_lines), sum(n_records), "
      "sum(n_cont), sum(n_unparsed), sum(n_ooo), sum(n_inherited), min(f), max(l)\nFROM (SELECT "
      "source, first_line, any(path) AS p, any(name) AS nm, any(host) AS h, any(component) AS c, "
      "any(zone) AS z, any(lines) AS n_lines, any(records) AS n_records, any(continuation_lines) "
      "AS n_cont, any(unparsed) AS n_unparsed, any(out_of_order) AS n_ooo, any(inherited_time) AS "
      "n_inherited, any(first_instant) AS f, any(last_instant) AS l FROM " +
      table +
      " GROUP BY source, first_line)\nGROUP BY source ORDER BY any(p), source\nFORMAT "
      "TabSeparated";
  std::vector<std::vector<std::string>> rows;
  if (!QueryRows(client, sql, 14, &rows, error)) return false;
  for (const std::vector<std::string>& r : rows) {
    auto info = std::make_unique<SourceInfo>();
    info->path = r[1];
    info->name = r[2];
    info->host = r[3];
    ParseComponent(r[4], &info->component);
    info->zone = r[5];
    info->lines = Number(r[6]);
    info->records = Number(r[7]);
    info->continuation_lines = Number(r[8]);
    info->unparsed = Number(r[9]);
    info->out_of_order = Number(r[10]);
    info->inherited_time = Number(r[11]);
    info->first_instant = Number(r[12]);
    info->last_instant = Number(r[13]);
    (*index)[r[0]] = static_cast<int>(sources->infos.size());
    sources->infos.push_back(std::move(info));
  }
  return true;
}

// The configuration values shipped from zoo.cfg / *-site.xml, the newest per file; files in
// sorted order, as local analysis reads those it finds (a later file's value wins).
bool LoadConfig(ClickHouseClient* client, Analysis* out, std::string* error) {
  std::string sql = "SELECT name, argMax(text, shipped_at), origin FROM " +
                    TableName(client->url(), "config_values") +
                    " GROUP BY name, origin ORDER BY origin, name FORMAT TabSeparated";
  std::vector<std::vector<std::string>> rows;
  if (!QueryRows(client, sql, 3, &rows, error)) return false;
  for (const std::vector<std::string>& r : rows) {
    out->config.Set(r[0], r[1], r[2]);
    std::string file = r[2].substr(0, r[2].rfind(':'));
    if (std::find(out->config_files_read.begin(), out->config_files_read.end(), file) ==
        out->config_files_read.end()) {
      out->config_files_read.push_back(file);
    }
  }
  return true;
}

// What local analysis counts from every record read, in the window or not (records, components
// seen), and where the log time of the window ends (for absence windows still open at the end).
struct Totals {
  int64_t records = 0, timed = 0, last = kNoInstant;
  uint32_t components = 0;
};

bool LoadTotals(ClickHouseClient* client, const SqlWindow& window, Totals* totals,
                std::string* error) {
  std::string fed = WindowCondition(window, false);
  std::string sql = "SELECT count(), countIf(" + fed + "), maxIf(instant, " + fed +
                    "), groupBitOr(bitShiftLeft(toUInt32(1), toUInt8(toInt8(component))))\nFROM " +
                    TableName(client->url(), "events") + " FORMAT TabSeparated";
  std::vector<std::vector<std::string>> rows;
  if (!QueryRows(client, sql, 4, &rows, error)) return false;
  if (rows.size() != 1) {
    *error = "unexpected answer from ClickHouse to the record count";
    return false;
  }
  totals->records = Number(rows[0][0]);
  totals->timed = Number(rows[0][1]);
  if (totals->timed > 0) totals->last = Number(rows[0][2]);
  totals->components = static_cast<uint32_t>(Number(rows[0][3]));
  return true;
}

// Streams the records of `sql` in the merged stream's order to `feed`. The query gives them by
// (instant, host, source, line); records of one instant are put in (source index, line) order,
// as the Merger gives them.
class RecordStream {
 public:
  RecordStream(const SourceSet& sources, const std::map<std::string, int, std::less<>>& index)
      : sources_(sources), index_(index) {}

  bool Run(ClickHouseClient* client, const std::string& sql,
           const std::function<void(const Record&, const SourceInfo&)>& feed, std::string* error) {
    std::string row_error;
    bool ok = client->QueryLines(
        sql,
        [&](std::string_view line) {
          size_t at = used_;
          if (at == batch_.size()) batch_.emplace_back();
          Item& item = batch_[at];
          if (!ParseRecordRow(line, &item.record, &key_, &row_error)) return false;
          item.info = Source(key_);
          item.record.source = item.info.first;
          if (at > 0 && batch_[0].record.instant != item.record.instant) {
            FeedSorted(at, feed);  // the instant before is complete
            std::swap(batch_[0], batch_[at]);
            at = 0;
          }
          used_ = at + 1;
          return true;
        },
        error);
    if (!row_error.empty()) {
      *error = row_error;
      return false;
    }
    if (!ok) return false;
    FeedSorted(used_, feed);
    used_ = 0;
    return true;
  }

 private:
  struct Item {
    Record record;
    std::pair<int, const SourceInfo*> info;
  };

  std::pair<int, const SourceInfo*> Source(const std::string& key) {
    auto it = index_.find(key);
    if (it != index_.end()) return {it->second, sources_.infos[it->second].get()};
    // Events whose source row is missing (a ship interrupted between the two inserts): named
    // by their key, after every known source.
    auto extra = unknown_.find(key);
    if (extra == unknown_.end()) {
      auto info = std::make_unique<SourceInfo>();
      info->name = info->path = key;
      extra = unknown_.emplace(key, std::move(info)).first;
    }
    return {static_cast<int>(sources_.infos.size() + unknown_.size()), extra->second.get()};
  }

  // Feeds the first `count` items of the batch (records of one instant) in (source index, line)
  // order.
  void FeedSorted(size_t count, const std::function<void(const Record&, const SourceInfo&)>& feed) {
    order_.clear();
    for (size_t i = 0; i < count; ++i) order_.push_back(&batch_[i]);
    std::sort(order_.begin(), order_.end(), [](const Item* a, const Item* b) {
      return a->info.first != b->info.first ? a->info.first < b->info.first
                                            : a->record.line < b->record.line;
    });
    for (const Item* item : order_) feed(item->record, *item->info.second);
  }

  const SourceSet& sources_;
  const std::map<std::string, int, std::less<>>& index_;
  std::map<std::string, std::unique_ptr<SourceInfo>, std::less<>> unknown_;
  std::vector<Item> batch_;  // records of one instant (and the next one's first); reused
  size_t used_ = 0;
  std::vector<Item*> order_;
  std::string key_;
};

}  // namespace

bool AnalyzeWarehouse(const WarehouseRequest& request, const std::vector<const Rule*>& rules,
                      Reporter* reporter, Analysis* out) {
  ClickHouseClient client(request.url);
  std::string error;
  std::map<std::string, int, std::less<>> index;
  Totals totals;
  if (!CheckSchema(&client, &error) || !LoadSources(&client, &out->sources, &index, &error) ||
      !LoadConfig(&client, out, &error) || !LoadTotals(&client, request.window, &totals, &error)) {
    reporter->Error(error);
    return false;
  }
  out->records = totals.records;
  out->components_seen = totals.components;

  int shards = std::max(1, std::min(request.jobs, static_cast<int>(rules.size())));
  std::vector<std::vector<const Rule*>> shares;
  std::vector<std::string> queries;
  std::string table = TableName(request.url, "events");
  for (int i = 0; i < shards; ++i) {
    shares.push_back(ShareOf(rules, i, shards));
    std::vector<RulePlan> plans;
    for (const Rule* rule : shares.back()) {
      plans.emplace_back();
      if (!PlanRule(*rule, out->config, request.every_candidate, &plans.back(), &error)) {
        reporter->Error(error);
        return false;
      }
    }
    queries.push_back(RowsQuery(plans, table, request.window));
  }
  std::vector<std::unique_ptr<Engine>> engines;
  for (int i = 0; i < shards; ++i) {
    engines.push_back(std::make_unique<Engine>(shares[i], out->config));
    if (!engines.back()->ok()) {
      reporter->Error(engines.back()->error());
      return false;
    }
  }
  // One query per engine, each on its own connection and thread, plus the warning-or-worse
  // records for the unexplained-templates section, which local analysis takes from every record.
  std::vector<std::string> errors(shards + 1);
  auto run_shard = [&](int i) {
    ClickHouseClient own(request.url);
    RecordStream stream(out->sources, index);
    Engine* engine = engines[i].get();
    if (stream.Run(
            &own, queries[i],
            [engine](const Record& r, const SourceInfo& info) { engine->Feed(r, info); },
            &errors[i])) {
      engine->ReachTime(totals.last);
      engine->Finish(true);
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < shards; ++i) threads.emplace_back(run_shard, i);
  {
    RecordStream stream(out->sources, index);
    std::string sql = "SELECT " + std::string(kRecordColumns) + "\nFROM " + table + "\nWHERE " +
                      WindowCondition(request.window, true) +
                      " AND level >= 'WARN'\nORDER BY instant, host, source, line\nFORMAT " +
                      std::string(kRecordFormat);
    stream.Run(
        &client, sql,
        [out](const Record& r, const SourceInfo& info) { out->templates.Add(r, info); },
        &errors[shards]);
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& e : errors) {
    if (!e.empty()) {
      reporter->Error(e);
      return false;
    }
  }
  out->engine = std::move(engines.front());
  for (int i = 1; i < shards; ++i) out->engine->Absorb(std::move(*engines[i]));
  out->incidents = BuildIncidents(out->engine->matches());
  return true;
}

}  // namespace faultline
