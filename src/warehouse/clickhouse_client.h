// A ClickHouse server over its HTTP interface (libcurl): one connection kept alive, SQL posted,
// the answer read back; every failure turned into one line a user can act on.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/warehouse/clickhouse_url.h"

namespace faultline {

struct CurlLibrary;

class ClickHouseClient {
 public:
  explicit ClickHouseClient(ClickHouseUrl url);
  ~ClickHouseClient();
  ClickHouseClient(const ClickHouseClient&) = delete;
  ClickHouseClient& operator=(const ClickHouseClient&) = delete;

  const ClickHouseUrl& url() const { return url_; }

  /// Connect timeout (default 5 s) and the limit for a whole request (default 300 s; 0: none).
  void SetTimeouts(long connect_ms, long total_ms);
  /// A server setting sent with every request as a URL parameter, e.g. ("insert_distributed_sync",
  /// "1"). Setting a name again replaces its value.
  void SetSetting(std::string name, std::string value);

  /// Posts `sql`; *body is the server's answer (the rows in the query's FORMAT). False with *error:
  ///   "cannot connect to HOST:PORT: <reason>" (server down, wrong port),
  ///   "ClickHouse at HOST:PORT did not answer in time: <which limit>",
  ///   "ClickHouse at HOST:PORT refused user 'U': <its message>" (wrong user or password),
  ///   "ClickHouse at HOST:PORT: HTTP <status>: <first line of its exception>".
  bool Query(std::string_view sql, std::string* body, std::string* error);

  /// Like Query, but hands each '\n'-terminated line of the answer to `line` as it arrives (the
  /// line without its '\n'); `line` returning false stops the transfer (the result is then true).
  /// A server error in the middle of a streamed answer arrives as text after the rows: the caller's
  /// row decoder rejects it (ParseRecordRow does, with the text in its error).
  bool QueryLines(std::string_view sql, const std::function<bool(std::string_view)>& line,
                  std::string* error);

  /// Posts `rows` as the data of `insert_prefix_sql` ("INSERT INTO db.events (...) FORMAT
  /// TabSeparated"). True once the server acknowledged it (HTTP 200): the rows are stored.
  bool Insert(std::string_view insert_prefix_sql, std::string_view rows, std::string* error);

 private:
  bool Post(const std::string& target, std::string_view data,
            const std::function<bool(std::string_view)>* sink, std::string* body,
            std::string* error);
  std::string BaseUrl() const;

  ClickHouseUrl url_;
  const CurlLibrary* library_ = nullptr;  // loaded on first use (src/warehouse/curl_library.h)
  std::string library_error_;
  void* curl_ = nullptr;  // CURL*, kept for connection reuse
  long connect_ms_ = 5000, total_ms_ = 300000;
  std::vector<std::pair<std::string, std::string>> settings_;
};

/// `text` as a quoted SQL string literal ('...' with \\ and \' escaped), for values in queries.
std::string SqlQuote(std::string_view text);

}  // namespace faultline
