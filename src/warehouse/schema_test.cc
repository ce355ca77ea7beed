#include "src/warehouse/schema.h"

#include <doctest/doctest.h>

#include "src/warehouse/record_rows.h"

namespace faultline {
namespace {

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("schema: plain mode creates the database and four MergeTree tables") {
  ClickHouseUrl url;
  url.host = "ch1";
  url.database = "logs";
  std::vector<std::string> statements = SchemaStatements(url);
  REQUIRE(statements.size() == 5);
  CHECK(statements[0] == "CREATE DATABASE IF NOT EXISTS logs");
  CHECK(Contains(statements[1], "CREATE TABLE IF NOT EXISTS logs.events ("));
  CHECK(Contains(statements[1], "instant Int64"));
  CHECK(Contains(statements[1],
                 "ENGINE = MergeTree() PARTITION BY intDiv(instant, 86400000000) ORDER BY "
                 "(instant, host, source, line)"));
  CHECK(Contains(statements[2], "CREATE TABLE IF NOT EXISTS logs.sources ("));
  CHECK(Contains(statements[2], "ReplacingMergeTree() ORDER BY (source, first_line)"));
  CHECK(Contains(statements[3], "CREATE TABLE IF NOT EXISTS logs.config_values ("));
  CHECK(Contains(statements[4], "CREATE TABLE IF NOT EXISTS logs.schema_version ("));
  for (const std::string& s : statements) {
    CHECK_FALSE(Contains(s, "ON CLUSTER"));
    CHECK_FALSE(Contains(s, "Distributed"));
    CHECK_FALSE(Contains(s, "LowCardinality"));  // not in ClickHouse 18.16
    CHECK_FALSE(Contains(s, "DateTime64"));
  }
  CHECK(TableName(url, "events") == "logs.events");
}

TEST_CASE("schema: cluster mode makes local tables on every shard and Distributed ones by host") {
  ClickHouseUrl url;
  url.host = "ch1";
  url.database = "logs";
  url.cluster = "fleet";
  std::vector<std::string> statements = SchemaStatements(url);
  REQUIRE(statements.size() == 9);
  CHECK(statements[0] == "CREATE DATABASE IF NOT EXISTS logs ON CLUSTER fleet");
  CHECK(Contains(statements[1], "CREATE TABLE IF NOT EXISTS logs.events_local ON CLUSTER fleet ("));
  CHECK(Contains(statements[1], "ENGINE = MergeTree()"));
  CHECK(statements[2] ==
        "CREATE TABLE IF NOT EXISTS logs.events ON CLUSTER fleet AS logs.events_local ENGINE = "
        "Distributed(fleet, logs, events_local, cityHash64(host))");
  CHECK(Contains(statements[4], "Distributed(fleet, logs, sources_local, cityHash64(host))"));
  CHECK(Contains(statements[8], "Distributed(fleet, logs, schema_version_local, version)"));
  CHECK(TableName(url, "events") == "logs.events");
}

TEST_CASE("schema: the events table has every column the row codec writes") {
  ClickHouseUrl url;
  url.host = "ch1";
  std::string events = SchemaStatements(url)[1];
  std::string_view columns = kInsertColumns;
  while (!columns.empty()) {
    size_t comma = columns.find(", ");
    std::string name(columns.substr(0, comma));
    INFO(name);
    bool declared = Contains(events, " " + name + " ") || Contains(events, "(" + name + " ");
    CHECK(declared);
    columns = comma == std::string_view::npos ? "" : columns.substr(comma + 2);
  }
}

}  // namespace
}  // namespace faultline
