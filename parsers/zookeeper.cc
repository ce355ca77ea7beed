// ZooKeeper server logs. Every release from 3.4 to 3.9 writes
//   %d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n
// 3.4/3.5 through log4j; 3.6+ through logback, whose %C{1} abbreviates the package
// ("o.a.z.s.q.Leader"). The [myid:] prefix is empty before the server knows its id and absent in
// configurations that drop it. The thread may itself contain ':' and ']' characters
// ("QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled)"), so the bracket is closed
// by the last "@<line>] - " rather than the first ']'.
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "parsers/layouts.h"
#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 3> kVariants = {"myid", "empty-myid", "no-myid"};

// The last `c` in s[0, end), sixteen bytes at a time from the back: the ':' before the class
// name is a few bytes before the '@', and a memrchr call cost more than the search.
size_t LastIndexOf(std::string_view s, char c, size_t end) {
#if defined(__SSE2__)
  const __m128i wanted = _mm_set1_epi8(c);
  while (end >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + end - 16));
    unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, wanted)));
    if (hits != 0) return end - 16 + static_cast<size_t>(31 - __builtin_clz(hits));
    end -= 16;
  }
#endif
  while (end > 0) {
    if (s[--end] == c) return end;
  }
  return std::string_view::npos;
}

// The first "] - " at or after `from`, and on the way the first '=' (npos if none before it), which
// says whether the thread can name its server ("QuorumPeer[myid=1]/..."). One pass, sixteen bytes
// at a time where SSE2 is there: a memchr call for each ']' and another for the '=' cost more.
size_t FindBracketDash(std::string_view s, size_t from, size_t* first_equals) {
  const char* data = s.data();
  size_t size = s.size();
  // Whether the ']' at `at` opens " - ", or (a '=') it is the first '='.
  auto closes = [&](size_t at) {
    if (data[at] == '=') {
      if (*first_equals == std::string_view::npos) *first_equals = at;
      return false;
    }
    return size - at >= 4 && data[at + 1] == ' ' && data[at + 2] == '-' && data[at + 3] == ' ';
  };
  size_t pos = from;
#if defined(__SSE2__)
  const __m128i bracket = _mm_set1_epi8(']'), equals = _mm_set1_epi8('=');
  for (; pos + 16 <= size; pos += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    unsigned hits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, bracket), _mm_cmpeq_epi8(v, equals))));
    for (; hits != 0; hits &= hits - 1) {
      size_t at = pos + static_cast<size_t>(__builtin_ctz(hits));
      if (closes(at)) return at;
    }
  }
#endif
  for (; pos < size; ++pos) {
    if ((data[pos] == ']' || data[pos] == '=') && closes(pos)) return pos;
  }
  return std::string_view::npos;
}

// `equals`: the first '=' in the thread (npos or past its end if none).
int32_t MyidFromThread(std::string_view thread, size_t equals) {
  // Most thread names have no '=' at all: the bracket's scan ruled them out.
  if (equals >= thread.size()) return -1;
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
  size_t first_equals = std::string_view::npos;
  size_t close = FindBracketDash(s, open, &first_equals);
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
  if (out->myid < 0) {
    bool has_equals = first_equals != std::string_view::npos;
    out->myid = MyidFromThread(out->thread, has_equals ? first_equals - open : first_equals);
  }
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
