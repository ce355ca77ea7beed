// The warehouse schema: what `faultline ship` creates in ClickHouse and what `analyze --engine`
// reads. Written for ClickHouse 18.16 (Debian 12): DateTime counts seconds, so every time is an
// Int64 of UTC microseconds, as in Record::instant; no LowCardinality (Enum8 for the closed sets).
//
// Tables, in the URL's database:
//   events         one row per Record, every field (see record_rows.h), plus its source key and
//                  host. MergeTree, one partition per UTC day, ORDER BY (instant, host, source,
//                  line): the rules ask for a time range first and read it in time order across
//                  hosts (the order Engine::Feed wants), so the primary key prunes a --since window
//                  to exactly its granules and the rows come out nearly sorted; host and source
//                  then line make the order total.
//   sources        one row per source and shipped range (ReplacingMergeTree on (source,
//                  first_line): a range shipped again after a crash replaces its row; read with
//                  FINAL). Path, name, host, component, layout, zone and the counts `sources`
//                  prints.
//   config_values  the configuration values read from zoo.cfg / hdfs-site.xml / core-site.xml
//                  among the inputs (only those set by a file; the defaults are faultline's own).
//   schema_version one row per writer; all must equal kSchemaVersion.
//
// With ?cluster=NAME every table is `<name>_local` on each shard (created ON CLUSTER, which needs
// the cluster's distributed DDL, i.e. ZooKeeper, as every ClickHouse cluster has) and `<name>` is a
// Distributed table over them, sharded by cityHash64(host): a host's events and its sources live
// on one shard. Reads and inserts use the plain names in both modes.
#pragma once

#include <string>
#include <vector>

#include "src/warehouse/clickhouse_client.h"
#include "src/warehouse/clickhouse_url.h"

namespace faultline {

/// Bumped whenever a table's columns, order or meaning change.
inline constexpr int kSchemaVersion = 1;

/// The statements that create the database and its tables if missing, in order (plain or
/// cluster mode, after `url.cluster`).
std::vector<std::string> SchemaStatements(const ClickHouseUrl& url);

/// "db.name": the table reads and inserts use (the Distributed one in cluster mode).
std::string TableName(const ClickHouseUrl& url, const std::string& name);

/// Creates what is missing and records kSchemaVersion in a new database. False, with a message
/// saying what to do, when the database holds another schema version (never mixed) or the server
/// refuses.
bool EnsureSchema(ClickHouseClient* client, std::string* error);

/// For readers: true when the database exists and holds exactly kSchemaVersion; otherwise false
/// with "no faultline data in clickhouse://...: run `faultline ship` first" or the version error.
bool CheckSchema(ClickHouseClient* client, std::string* error);

}  // namespace faultline
