#include "src/warehouse/schema.h"

#include <charconv>

namespace faultline {
namespace {

constexpr std::string_view kLevelEnum =
    "Enum8('-' = 0, 'TRACE' = 1, 'DEBUG' = 2, 'INFO' = 3, 'WARN' = 4, 'ERROR' = 5, 'FATAL' = 6)";
constexpr std::string_view kComponentEnum =
    "Enum8('other' = 0, 'zk' = 1, 'zkfc' = 2, 'namenode' = 3, 'journalnode' = 4, 'monitor' = 5)";

struct Table {
  std::string name;
  std::string columns;
  std::string engine;  // MergeTree family, with its keys
  std::string sharding_key;
};

std::vector<Table> Tables() {
  std::string level(kLevelEnum), component(kComponentEnum);
  return {
      {"events",
       "source String, host String, instant Int64, local Int64, line Int64, myid Int32, "
       "code_line Int32, continuation_lines UInt32, flags UInt16, precision UInt8, "
       "level " +
           level + ", component " + component +
           ", "
           "thread_at UInt32, thread_len UInt32, logger_at UInt32, logger_len UInt32, "
           "message_at UInt32, message_len UInt32, thread String, logger String, message String, "
           "text String",
       "MergeTree() PARTITION BY intDiv(instant, 86400000000) ORDER BY (instant, host, source, "
       "line)",
       "cityHash64(host)"},
      {"sources",
       "source String, host String, path String, name String, component " + component +
           ", "
           "layout String, zone String, compressed UInt8, first_line Int64, last_line Int64, "
           "lines Int64, records Int64, continuation_lines Int64, unparsed Int64, "
           "out_of_order Int64, inherited_time Int64, first_instant Int64, last_instant Int64, "
           "shipped_at Int64",
       "ReplacingMergeTree() ORDER BY (source, first_line)", "cityHash64(host)"},
      {"config_values",
       "name String, text String, number Float64, unit Enum8('millis' = 0, 'count' = 1, "
       "'text' = 2), origin String, shipped_at Int64",
       "ReplacingMergeTree(shipped_at) ORDER BY (name, origin)", "cityHash64(name, origin)"},
      {"schema_version", "version UInt32, written_by String, shipped_at Int64",
       "MergeTree() ORDER BY version", "version"},
  };
}

bool FirstNumber(std::string_view body, int64_t* value) {
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
  auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), *value);
  return ec == std::errc() && end == body.data() + body.size();
}

// The distinct versions found, "" for none; false when schema_version does not exist.
bool ReadVersions(ClickHouseClient* client, std::string* versions, bool* exists,
                  std::string* error) {
  const ClickHouseUrl& url = client->url();
  std::string body;
  std::string table = url.cluster.empty() ? "schema_version" : "schema_version_local";
  if (!client->Query("SELECT count() FROM system.tables WHERE database = " +
                         SqlQuote(url.database) + " AND name = " + SqlQuote(table),
                     &body, error)) {
    return false;
  }
  int64_t count = 0;
  *exists = FirstNumber(body, &count) && count > 0;
  versions->clear();
  if (!*exists) return true;
  if (!client->Query(
          "SELECT arrayStringConcat(arrayMap(v -> toString(v), groupUniqArray(version)), "
          "',') FROM " +
              TableName(url, "schema_version"),
          &body, error)) {
    return false;
  }
  while (!body.empty() && body.back() == '\n') body.pop_back();
  *versions = body;
  return true;
}

std::string VersionMismatch(const ClickHouseUrl& url, const std::string& versions) {
  std::string where = DescribeClickHouseUrl(url);
  return "database " + where + " holds faultline schema version " + versions +
         ", this faultline writes and reads version " + std::to_string(kSchemaVersion) +
         ": the layouts differ and are never mixed; ship into another database (" +
         "clickhouse://HOST:PORT/NEWDB) or drop this one";
}

bool AnyTableExists(ClickHouseClient* client, bool* exists, std::string* error) {
  std::string body;
  if (!client->Query(
          "SELECT count() FROM system.tables WHERE database = " + SqlQuote(client->url().database),
          &body, error)) {
    return false;
  }
  int64_t count = 0;
  *exists = FirstNumber(body, &count) && count > 0;
  return true;
}

}  // namespace

std::string TableName(const ClickHouseUrl& url, const std::string& name) {
  return url.database + "." + name;
}

std::vector<std::string> SchemaStatements(const ClickHouseUrl& url) {
  std::vector<std::string> out;
  const std::string& db = url.database;
  std::string on_cluster = url.cluster.empty() ? "" : " ON CLUSTER " + url.cluster;
  out.push_back("CREATE DATABASE IF NOT EXISTS " + db + on_cluster);
  for (const Table& table : Tables()) {
    std::string local = url.cluster.empty() ? table.name : table.name + "_local";
    out.push_back("CREATE TABLE IF NOT EXISTS " + db + "." + local + on_cluster + " (" +
                  table.columns + ") ENGINE = " + table.engine);
    if (!url.cluster.empty()) {
      out.push_back("CREATE TABLE IF NOT EXISTS " + db + "." + table.name + on_cluster + " AS " +
                    db + "." + local + " ENGINE = Distributed(" + url.cluster + ", " + db + ", " +
                    local + ", " + table.sharding_key + ")");
    }
  }
  return out;
}

bool EnsureSchema(ClickHouseClient* client, std::string* error) {
  const ClickHouseUrl& url = client->url();
  std::string versions;
  bool has_version_table = false;
  if (!ReadVersions(client, &versions, &has_version_table, error)) return false;
  if (!has_version_table) {
    bool other_tables = false;
    if (!AnyTableExists(client, &other_tables, error)) return false;
    if (other_tables) {
      *error = VersionMismatch(url, "0 (tables without a schema_version)");
      return false;
    }
  } else if (!versions.empty() && versions != std::to_string(kSchemaVersion)) {
    *error = VersionMismatch(url, versions);
    return false;
  }
  std::string body;
  for (const std::string& statement : SchemaStatements(url)) {
    if (!client->Query(statement, &body, error)) return false;
  }
  if (versions.empty()) {
    std::string row = std::to_string(kSchemaVersion) + "\tfaultline " FAULTLINE_VERSION "\t0\n";
    if (!client->Insert("INSERT INTO " + TableName(url, "schema_version") +
                            " (version, written_by, shipped_at) FORMAT TabSeparated",
                        row, error)) {
      return false;
    }
  }
  return true;
}

bool CheckSchema(ClickHouseClient* client, std::string* error) {
  const ClickHouseUrl& url = client->url();
  std::string versions;
  bool exists = false;
  if (!ReadVersions(client, &versions, &exists, error)) return false;
  if (!exists || versions.empty()) {
    bool other_tables = false;
    if (!AnyTableExists(client, &other_tables, error)) return false;
    if (other_tables) {
      *error = VersionMismatch(url, "0 (tables without a schema_version)");
    } else {
      *error = "no faultline data in " + DescribeClickHouseUrl(url) + ": run `faultline ship " +
               DescribeClickHouseUrl(url) + " PATHS...` first";
    }
    return false;
  }
  if (versions != std::to_string(kSchemaVersion)) {
    *error = VersionMismatch(url, versions);
    return false;
  }
  return true;
}

}  // namespace faultline
