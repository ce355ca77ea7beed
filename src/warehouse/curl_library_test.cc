#include "src/warehouse/curl_library.h"

#include <doctest/doctest.h>

#include "src/warehouse/clickhouse_client.h"

namespace faultline {
namespace {

TEST_CASE("curl library: opened once, with every function the client calls") {
  std::string error;
  const CurlLibrary* library = LoadCurl(&error);
  REQUIRE_MESSAGE(library != nullptr, error);
  bool resolved = library->easy_setopt != nullptr && library->slist_free_all != nullptr;
  CHECK(resolved);
  CHECK(std::string(library->easy_strerror(CURLE_COULDNT_CONNECT)).find("connect") !=
        std::string::npos);
  CHECK(LoadCurl(&error) == library);
}

TEST_CASE("curl library: a client made through it reports a refused port in its own words") {
  ClickHouseUrl url;
  url.host = "127.0.0.1";
  url.port = 1;  // nothing listens on tcpmux
  ClickHouseClient client(url);
  client.SetTimeouts(2000, 5000);
  std::string body, error;
  CHECK_FALSE(client.Query("SELECT 1", &body, &error));
  CHECK(error.find("cannot connect to 127.0.0.1:1") == 0);
}

}  // namespace
}  // namespace faultline
