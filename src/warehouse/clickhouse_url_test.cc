#include "src/warehouse/clickhouse_url.h"

#include <doctest/doctest.h>

namespace faultline {
namespace {

ClickHouseUrl Parse(std::string_view text) {
  ClickHouseUrl url;
  std::string error;
  INFO(text);
  CHECK_MESSAGE(ParseClickHouseUrl(text, &url, &error), error);
  return url;
}

std::string Error(std::string_view text) {
  ClickHouseUrl url;
  url.host = "untouched";
  std::string error;
  CHECK_FALSE(ParseClickHouseUrl(text, &url, &error));
  CHECK(url.host == "untouched");
  return error;
}

TEST_CASE("clickhouse url: host alone takes the HTTP port and the faultline database") {
  ClickHouseUrl url = Parse("clickhouse://ch1");
  CHECK(url.host == "ch1");
  CHECK(url.port == 8123);
  CHECK(url.database == "faultline");
  CHECK(url.user.empty());
  CHECK(url.password.empty());
  CHECK(url.cluster.empty());
}

TEST_CASE("clickhouse url: every part") {
  ClickHouseUrl url = Parse("clickhouse://ops:p%40ss%3Aw@10.0.0.5:18123/logs_2?cluster=fleet");
  CHECK(url.user == "ops");
  CHECK(url.password == "p@ss:w");
  CHECK(url.host == "10.0.0.5");
  CHECK(url.port == 18123);
  CHECK(url.database == "logs_2");
  CHECK(url.cluster == "fleet");
  CHECK(DescribeClickHouseUrl(url) == "clickhouse://ops@10.0.0.5:18123/logs_2?cluster=fleet");
}

TEST_CASE("clickhouse url: user without password, empty database part, IPv6 host") {
  ClickHouseUrl url = Parse("clickhouse://reader@[::1]:9999/");
  CHECK(url.user == "reader");
  CHECK(url.password.empty());
  CHECK(url.host == "::1");
  CHECK(url.port == 9999);
  CHECK(url.database == "faultline");
  CHECK(DescribeClickHouseUrl(url) == "clickhouse://reader@[::1]:9999/faultline");
}

TEST_CASE("clickhouse url: bad ones say what is wrong") {
  CHECK(Error("ch1:8123").find("expected clickhouse://") != std::string::npos);
  CHECK(Error("http://ch1:8123").find("instead of http://") != std::string::npos);
  CHECK(Error("clickhouse://").find("no host") != std::string::npos);
  CHECK(Error("clickhouse://:8123/db").find("no host") != std::string::npos);
  CHECK(Error("clickhouse://ch1:").find("port ''") != std::string::npos);
  CHECK(Error("clickhouse://ch1:80a").find("port '80a'") != std::string::npos);
  CHECK(Error("clickhouse://ch1:0").find("from 1 to 65535") != std::string::npos);
  CHECK(Error("clickhouse://ch1:70000").find("from 1 to 65535") != std::string::npos);
  CHECK(Error("clickhouse://ch1/my-db").find("database 'my-db'") != std::string::npos);
  CHECK(Error("clickhouse://ch1/db/more").find("database 'db/more'") != std::string::npos);
  CHECK(Error("clickhouse://ch1/db?shard=2").find("unknown parameter 'shard'") !=
        std::string::npos);
  CHECK(Error("clickhouse://ch1/db?cluster=").find("cluster name ''") != std::string::npos);
  CHECK(Error("clickhouse://ch1/db?cluster=a;b").find("cluster name 'a;b'") != std::string::npos);
  CHECK(Error("clickhouse://@ch1").find("empty user") != std::string::npos);
  CHECK(Error("clickhouse://u:%zz@ch1").find("two hex digits") != std::string::npos);
  CHECK(Error("clickhouse://u:%4@ch1").find("two hex digits") != std::string::npos);
  CHECK(Error("clickhouse://[::1:8123").find("without ']'") != std::string::npos);
  CHECK(Error("clickhouse://c h").find("holds ' '") != std::string::npos);
}

}  // namespace
}  // namespace faultline
