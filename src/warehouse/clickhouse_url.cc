#include "src/warehouse/clickhouse_url.h"

#include <charconv>

#include "src/base/percent_escape.h"

namespace faultline {
namespace {

constexpr std::string_view kScheme = "clickhouse://";
constexpr std::string_view kForm =
    "expected clickhouse://[USER[:PASSWORD]@]HOST[:PORT][/DB][?cluster=NAME]";

// Database and cluster names go into SQL unquoted-safe only if they are plain identifiers.
bool IsIdentifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool Fail(std::string_view text, const std::string& why, std::string* error) {
  *error = "bad ClickHouse URL '" + std::string(text) + "': " + why;
  return false;
}

}  // namespace

bool ParseClickHouseUrl(std::string_view text, ClickHouseUrl* url, std::string* error) {
  ClickHouseUrl parsed;
  if (!text.starts_with(kScheme)) {
    std::string why(kForm);
    if (text.starts_with("http://") || text.starts_with("https://")) {
      why = "write clickhouse://HOST:PORT (the HTTP port) instead of http://; " + why;
    }
    return Fail(text, why, error);
  }
  std::string_view rest = text.substr(kScheme.size());

  size_t query_at = rest.find('?');
  std::string_view query = query_at == std::string_view::npos ? "" : rest.substr(query_at + 1);
  rest = rest.substr(0, query_at);

  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) {
    std::string_view database = rest.substr(slash + 1);
    if (!database.empty()) {
      if (!IsIdentifier(database)) {
        return Fail(text,
                    "database '" + std::string(database) +
                        "' must be letters, digits and '_', not starting with a digit",
                    error);
      }
      parsed.database = database;
    }
  }

  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    size_t colon = userinfo.find(':');
    if (!PercentUnescape(userinfo.substr(0, colon), &parsed.user) ||
        (colon != std::string_view::npos &&
         !PercentUnescape(userinfo.substr(colon + 1), &parsed.password))) {
      return Fail(
          text,
          "in the user and password, write '%', space and control bytes as %XX (two hex digits)",
          error);
    }
    if (parsed.user.empty()) return Fail(text, "empty user name before '@'", error);
  }

  std::string_view host = authority;
  if (host.starts_with('[')) {  // [::1]:8123
    size_t close = host.find(']');
    if (close == std::string_view::npos)
      return Fail(text, "'[' without ']' around the host", error);
    parsed.host = host.substr(1, close - 1);
    host = host.substr(close + 1);
    if (!host.empty() && host[0] != ':') return Fail(text, "unexpected text after ']'", error);
  } else {
    size_t colon = host.find(':');
    parsed.host = host.substr(0, colon);
    host = colon == std::string_view::npos ? "" : host.substr(colon);
  }
  if (parsed.host.empty()) return Fail(text, "no host; " + std::string(kForm), error);
  for (char c : parsed.host) {
    if (c == ' ' || c == '/' || c == '@' || c == '?' || c == '#' ||
        static_cast<unsigned char>(c) < 0x20) {
      return Fail(text, "the host name holds '" + std::string(1, c) + "'", error);
    }
  }
  if (!host.empty()) {  // ":PORT"
    std::string_view digits = host.substr(1);
    int port = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || port < 1 ||
        port > 65535) {
      return Fail(text, "port '" + std::string(digits) + "' is not a number from 1 to 65535",
                  error);
    }
    parsed.port = port;
  }

  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? "" : query.substr(amp + 1);
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    if (key != "cluster") {
      return Fail(text, "unknown parameter '" + std::string(key) + "' (only cluster=NAME)", error);
    }
    if (!IsIdentifier(value)) {
      return Fail(text,
                  "cluster name '" + std::string(value) +
                      "' must be letters, digits and '_', not starting with a digit",
                  error);
    }
    parsed.cluster = value;
  }
  *url = std::move(parsed);
  return true;
}

std::string DescribeClickHouseUrl(const ClickHouseUrl& url) {
  std::string out(kScheme);
  if (!url.user.empty()) out += url.user + "@";
  bool v6 = url.host.find(':') != std::string::npos;
  out += v6 ? "[" + url.host + "]" : url.host;
  out += ":" + std::to_string(url.port) + "/" + url.database;
  if (!url.cluster.empty()) out += "?cluster=" + url.cluster;
  return out;
}

}  // namespace faultline
