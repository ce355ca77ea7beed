// Where a ClickHouse server is, as a user writes it on the command line:
//   clickhouse://[user[:password]@]HOST[:PORT][/DB][?cluster=NAME]
// PORT is the HTTP interface's (8123 by default), not the native protocol's 9000.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

struct ClickHouseUrl {
  std::string host;
  int port = 8123;
  std::string database = "faultline";
  std::string user, password;  ///< empty user: the server's "default" user
  std::string cluster;         ///< non-empty: local tables on each shard + Distributed tables
};

/// False, with *error saying what is wrong and what is expected, for anything but the form above.
/// User and password may be percent-encoded ("p%40ss" for "p@ss").
bool ParseClickHouseUrl(std::string_view text, ClickHouseUrl* url, std::string* error);

/// "clickhouse://user@host:port/db" (never the password), for messages.
std::string DescribeClickHouseUrl(const ClickHouseUrl& url);

}  // namespace faultline
