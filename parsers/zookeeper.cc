// ZooKeeper server logs. Every release from 3.4 to 3.9 writes
//   %d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n
// 3.4/3.5 through log4j; 3.6+ through logback, whose %C{1} abbreviates the package
// ("o.a.z.s.q.Leader"). The [myid:] prefix is empty before the server knows its id and absent in
// configurations that drop it. The thread may itself contain ':' and ']' characters
// ("QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled)"), so the bracket is closed
// by the last "@<line>] - " rather than the first ']'.
#include <string.h>

#include <array>

#include "parsers/layouts.h"
#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 3> kVariants = {"myid", "empty-myid", "no-myid"};

// memrchr is vectorised; string_view::rfind walks byte by byte.
size_t LastIndexOf(std::string_view s, char c, size_t end) {
  const void* hit = memrchr(s.data(), c, end);
  return hit == nullptr ? std::string_view::npos
                        : static_cast<size_t>(static_cast<const char*>(hit) - s.data());
}

// The first "] - " at or after `from`: memchr finds each ']', three bytes confirm it.
size_t FindBracketDash(std::string_view s, size_t from) {
  const char* end = s.data() + s.size();
  for (const char* p = s.data() + from; p < end;) {
    p = static_cast<const char*>(memchr(p, ']', static_cast<size_t>(end - p)));
    if (p == nullptr) return std::string_view::npos;
    if (end - p >= 4 && p[1] == ' ' && p[2] == '-' && p[3] == ' ') {
      return static_cast<size_t>(p - s.data());
    }
    ++p;
  }
  return std::string_view::npos;
}

int32_t MyidFromThread(std::string_view thread) {
  // Most thread names have no '=' at all: memchr rules them out before any string search.
  size_t equals = thread.find('=');
  if (equals == std::string_view::npos) return -1;
  size_t at = thread.find("myid=", equals >= 4 ? equals - 4 : 0);
  if (at == std::string_view::npos) return -1;
  size_t begin = at + 5, end = begin;
  while (end < thread.size() && scan::IsDigit(thread[end])) ++end;
  return scan::ParseSmallInt(thread.substr(begin, end - begin));
}

constexpr Sample kSamples[] = {
    {"2019-09-17 05:04:12,043 [myid:3] - WARN  [QuorumPeer[myid=3]/0.0.0.0:2181:LearnerHandler@702]"
     " - Closing connection to peer due to transaction timeout.",
     "myid", Level::kWarn, "LearnerHandler", "QuorumPeer[myid=3]/0.0.0.0:2181", 3,
     "Closing connection to peer due to transaction timeout."},
    {"2019-09-17 05:04:12,051 [myid:3] - ERROR [LearnerHandler-/10.0.0.2:41234:LearnerHandler@648]"
     " - Unexpected exception causing shutdown while sock still open",
     "myid", Level::kError, "LearnerHandler", "LearnerHandler-/10.0.0.2:41234", 3,
     "Unexpected exception causing shutdown while sock still open"},
    {"2015-07-29 17:41:44,747 - INFO  "
     "[QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774]"
     " - Notification time out: 3200",
     "no-myid", Level::kInfo, "FastLeaderElection", "QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181", 1,
     "Notification time out: 3200"},
    {"2023-03-01 10:00:00,001 [myid:] - INFO  [main:o.a.z.s.q.QuorumPeerConfig@177] - Reading "
     "configuration from: /etc/zookeeper/conf/zoo.cfg",
     "empty-myid", Level::kInfo, "o.a.z.s.q.QuorumPeerConfig", "main", -1,
     "Reading configuration from: /etc/zookeeper/conf/zoo.cfg"},
    {"2023-03-01 10:00:05,120 [myid:1] - INFO  [QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:2181)"
     "(secure=disabled):o.a.z.s.q.Leader@1481] - LEADING - LEADER ELECTION TOOK - 232 MS",
     "myid", Level::kInfo, "o.a.z.s.q.Leader",
     "QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled)", 1,
     "LEADING - LEADER ELECTION TOOK - 232 MS"},
};

}  // namespace

namespace layout {

bool ZooKeeperBody(std::string_view s, size_t pos, Header* out, Miss* miss) {
  // %-5p writes four or five capitals: where the fifth or sixth byte is not one, the word ends
  // there (a shorter word cannot be a level either), without the byte loop.
  size_t level_end;
  if (pos + 5 < s.size() && !scan::IsUpper(s[pos + 4])) {
    level_end = pos + 4;
  } else if (pos + 6 < s.size() && !scan::IsUpper(s[pos + 5])) {
    level_end = pos + 5;
  } else {
    level_end = scan::UpperWordEnd(s, pos);
  }
  if (!scan::Log4jLevel(s.substr(pos, level_end - pos), &out->level)) {
    return Fail(miss, pos, "expected a log4j level (INFO, WARN, ...)");
  }
  pos = scan::SkipSpaces(s, level_end);
  if (pos >= s.size() || s[pos] != '[') return Fail(miss, pos, "expected '[thread:Class@line]'");
  size_t open = pos + 1;
  // The closing "] - " (or "] -" at end of line for an empty message).
  size_t close = FindBracketDash(s, open);
  size_t message_begin;
  if (close != std::string_view::npos) {
    message_begin = close + 4;
  } else if (s.size() >= 3 && s.substr(s.size() - 3) == "] -") {
    close = s.size() - 3;
    message_begin = s.size();
  } else {
    return Fail(miss, open, "no '] - ' closing the thread:Class@line bracket");
  }
  std::string_view inside = s.substr(open, close - open);
  // The bracket nearly always ends "@<line>": the '@' before those digits is the last one, found
  // by walking back over them instead of a memrchr call.
  size_t at = inside.size();
  while (at > 0 && scan::IsDigit(inside[at - 1])) --at;
  size_t digits = inside.size() - at;
  if (at > 0 && inside[at - 1] == '@' && digits <= 9) {
    out->code_line = scan::ParseSmallInt(inside.substr(at));  // -1 for "@" alone
    --at;
  } else {
    at = LastIndexOf(inside, '@', inside.size());
    if (at == std::string_view::npos) return Fail(miss, open, "no '@line' in the bracket");
    out->code_line = scan::ParseSmallInt(inside.substr(at + 1));
  }
  size_t colon = LastIndexOf(inside, ':', at);
  if (colon == std::string_view::npos) return Fail(miss, open, "no ':' before Class@line");
  out->thread = inside.substr(0, colon);
  out->logger = inside.substr(colon + 1, at - colon - 1);
  out->message = s.substr(message_begin);
  if (out->myid < 0) out->myid = MyidFromThread(out->thread);
  return true;
}

}  // namespace layout

namespace {

class ZooKeeperParser final : public Parser {
 public:
  std::string_view Name() const override { return "zookeeper"; }
  std::string_view Description() const override {
    return "ZooKeeper 3.4-3.9 server log (log4j and logback layouts)";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kZk; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    ScannedTime t;
    int column = 0;
    if (!ScanLog4jTime(s, &t, &column)) return Fail(miss, column, "no ISO8601 timestamp");
    size_t pos = t.length;
    if (pos >= s.size() || s[pos] != ' ') return Fail(miss, pos, "expected ' ' after the time");
    ++pos;
    out->myid = -1;
    if (scan::StartsWithAt(s, pos, "[myid:")) {
      size_t close = s.find(']', pos);
      if (close == std::string_view::npos) return Fail(miss, pos, "unclosed [myid:");
      std::string_view id = s.substr(pos + 6, close - pos - 6);
      out->variant = id.empty() ? 1 : 0;
      out->myid = scan::ParseSmallInt(id);
      if (!id.empty() && out->myid < 0) return Fail(miss, pos + 6, "myid is not a number");
      pos = close + 1;
      if (!scan::StartsWithAt(s, pos, " - ")) return Fail(miss, pos, "expected ' - ' after myid");
      pos += 3;
    } else if (scan::StartsWithAt(s, pos, "- ")) {
      out->variant = 2;
      pos += 2;
    } else {
      return Fail(miss, pos, "expected '[myid:' or '- ' after the time");
    }
    if (!layout::ZooKeeperBody(s, pos, out, miss)) return false;
    out->local = t.local;
    out->precision = t.precision;
    out->has_offset = false;
    return true;
  }
};

}  // namespace

const Parser& ZooKeeperLogParser() {
  static const ZooKeeperParser parser;
  return parser;
}

}  // namespace faultline
