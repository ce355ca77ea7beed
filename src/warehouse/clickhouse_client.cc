#include "src/warehouse/clickhouse_client.h"

#include "src/warehouse/curl_library.h"

namespace faultline {
namespace {

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// What the write callback fills: the whole body, or lines handed to a sink.
struct Receiver {
  std::string* body = nullptr;
  const std::function<bool(std::string_view)>* sink = nullptr;
  std::string pending;  // sink mode: a line not yet complete
  bool stopped = false;
  long status = 0;
  void* curl = nullptr;
  const CurlLibrary* library = nullptr;
};

size_t OnData(char* data, size_t size, size_t count, void* user) {
  auto* receiver = static_cast<Receiver*>(user);
  size_t bytes = size * count;
  if (receiver->status == 0) {
    receiver->library->easy_getinfo(static_cast<CURL*>(receiver->curl), CURLINFO_RESPONSE_CODE,
                                    &receiver->status);
  }
  // Errors are collected whole, whatever the mode, to be quoted in the message.
  if (receiver->sink == nullptr || receiver->status != 200) {
    receiver->body->append(data, bytes);
    return bytes;
  }
  std::string_view chunk(data, bytes);
  std::string& pending = receiver->pending;
  while (!chunk.empty()) {
    size_t newline = chunk.find('\n');
    if (newline == std::string_view::npos) {
      pending.append(chunk);
      break;
    }
    bool go_on;
    if (pending.empty()) {
      go_on = (*receiver->sink)(chunk.substr(0, newline));
    } else {
      pending.append(chunk.substr(0, newline));
      go_on = (*receiver->sink)(pending);
      pending.clear();
    }
    chunk.remove_prefix(newline + 1);
    if (!go_on) {
      receiver->stopped = true;
      return 0;  // aborts the transfer (CURLE_WRITE_ERROR, recognised below)
    }
  }
  return bytes;
}

// ClickHouse answers an error with "Code: N, e.displayText() = DB::Exception: WHAT, e.what() =
// DB::Exception" (18.16) or "Code: N. DB::Exception: WHAT. (NAME)" (newer): keep WHAT.
std::string ExceptionText(std::string_view body) {
  std::string_view line = body.substr(0, body.find('\n'));
  constexpr std::string_view kMarker = "DB::Exception: ";
  size_t at = line.find(kMarker);
  if (at != std::string_view::npos) {
    line.remove_prefix(at + kMarker.size());
    size_t tail = line.find(", e.what() = ");
    line = line.substr(0, tail);
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line.empty() ? "(no message)" : std::string(line);
}

bool IsAuthenticationError(std::string_view body) {
  // Codes 192 UNKNOWN_USER, 193 WRONG_PASSWORD, 194 REQUIRED_PASSWORD, 516 AUTHENTICATION_FAILED.
  for (std::string_view code : {"Code: 192", "Code: 193", "Code: 194", "Code: 516"}) {
    if (body.starts_with(code)) return true;
  }
  return false;
}

}  // namespace

ClickHouseClient::ClickHouseClient(ClickHouseUrl url) : url_(std::move(url)) {
  library_ = LoadCurl(&library_error_);
  if (library_ != nullptr) curl_ = library_->easy_init();
}

ClickHouseClient::~ClickHouseClient() {
  if (curl_ != nullptr) library_->easy_cleanup(static_cast<CURL*>(curl_));
}

void ClickHouseClient::SetTimeouts(long connect_ms, long total_ms) {
  connect_ms_ = connect_ms;
  total_ms_ = total_ms;
}

void ClickHouseClient::SetSetting(std::string name, std::string value) {
  for (auto& [known, old] : settings_) {
    if (known == name) {
      old = std::move(value);
      return;
    }
  }
  settings_.emplace_back(std::move(name), std::move(value));
}

std::string ClickHouseClient::BaseUrl() const {
  bool v6 = url_.host.find(':') != std::string::npos;
  std::string out =
      "http://" + (v6 ? "[" + url_.host + "]" : url_.host) + ":" + std::to_string(url_.port) + "/?";
  for (const auto& [name, value] : settings_) out += name + "=" + UrlEncode(value) + "&";
  return out;
}

bool ClickHouseClient::Query(std::string_view sql, std::string* body, std::string* error) {
  body->clear();
  return Post(BaseUrl(), sql, nullptr, body, error);
}

bool ClickHouseClient::QueryLines(std::string_view sql,
                                  const std::function<bool(std::string_view)>& line,
                                  std::string* error) {
  std::string body;
  return Post(BaseUrl(), sql, &line, &body, error);
}

bool ClickHouseClient::Insert(std::string_view insert_prefix_sql, std::string_view rows,
                              std::string* error) {
  std::string body;
  return Post(BaseUrl() + "query=" + UrlEncode(insert_prefix_sql), rows, nullptr, &body, error);
}

bool ClickHouseClient::Post(const std::string& target, std::string_view data,
                            const std::function<bool(std::string_view)>* sink, std::string* body,
                            std::string* error) {
  std::string where = url_.host + ":" + std::to_string(url_.port);
  auto* curl = static_cast<CURL*>(curl_);
  if (curl == nullptr) {
    *error = "cannot start an HTTP client (libcurl) for " + where +
             (library_error_.empty() ? "" : ": " + library_error_);
    return false;
  }
  const CurlLibrary& lib = *library_;
  lib.easy_reset(curl);
  Receiver receiver;
  receiver.body = body;
  receiver.sink = sink;
  receiver.curl = curl;
  receiver.library = library_;
  char curl_error[CURL_ERROR_SIZE] = "";

  curl_slist* headers = nullptr;
  std::string user = "X-ClickHouse-User: " + (url_.user.empty() ? "default" : url_.user);
  std::string key = "X-ClickHouse-Key: " + url_.password;
  headers = lib.slist_append(headers, user.c_str());
  headers = lib.slist_append(headers, key.c_str());
  headers = lib.slist_append(headers, "Content-Type: text/plain; charset=utf-8");
  headers = lib.slist_append(headers, "Expect:");  // no 100-continue round trip on big inserts

  lib.easy_setopt(curl, CURLOPT_URL, target.c_str());
  lib.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  lib.easy_setopt(curl, CURLOPT_POST, 1L);
  lib.easy_setopt(curl, CURLOPT_POSTFIELDS, data.data());
  lib.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(data.size()));
  lib.easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnData);
  lib.easy_setopt(curl, CURLOPT_WRITEDATA, &receiver);
  lib.easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
  lib.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, connect_ms_);
  lib.easy_setopt(curl, CURLOPT_TIMEOUT_MS, total_ms_);
  lib.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  lib.easy_setopt(curl, CURLOPT_PROXY, "");  // a fleet's http_proxy must not reroute this

  CURLcode code = lib.easy_perform(curl);
  lib.slist_free_all(headers);
  long status = 0;
  lib.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);

  if (code == CURLE_WRITE_ERROR && receiver.stopped) return true;
  if (code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST) {
    *error = "cannot connect to " + where + ": " + lib.easy_strerror(code) +
             " (is ClickHouse running there, and is " + std::to_string(url_.port) +
             " its HTTP port?)";
    return false;
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    // curl's own words say which limit it was: "Connection timed out after 5001 milliseconds".
    *error = "ClickHouse at " + where +
             " did not answer in time: " + (curl_error[0] ? curl_error : lib.easy_strerror(code));
    return false;
  }
  if (code != CURLE_OK) {
    *error =
        "ClickHouse at " + where + ": " + (curl_error[0] ? curl_error : lib.easy_strerror(code));
    return false;
  }
  if (status != 200) {
    std::string text = ExceptionText(*body);
    if (IsAuthenticationError(*body) || status == 401 || status == 403) {
      *error = "ClickHouse at " + where + " refused user '" +
               (url_.user.empty() ? "default" : url_.user) + "': " + text;
    } else {
      *error = "ClickHouse at " + where + ": HTTP " + std::to_string(status) + ": " + text;
    }
    return false;
  }
  if (sink != nullptr && !receiver.pending.empty()) {
    if (!(*sink)(receiver.pending)) return true;
  }
  return true;
}

std::string SqlQuote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

}  // namespace faultline
