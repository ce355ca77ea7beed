#include "src/engine/message_templates.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace faultline {
namespace {

constexpr int64_t kMilli = 1'000;
constexpr int64_t kSecond = 1'000'000;
// 2019-09-17 05:04:12.043 UTC, the seed incident's transaction timeout.
constexpr int64_t kT0 = 1568696652LL * kSecond + 43 * kMilli;

SourceInfo Source(std::string name, std::string host) {
  SourceInfo info;
  info.path = name;
  info.name = std::move(name);
  info.host = std::move(host);
  return info;
}

// A record as the ZooKeeper parser leaves it: the header line as written, the message a span of
// it, then continuation lines.
Record Rec(int64_t instant, int64_t line, Level level, std::string_view message,
           std::string_view continuation = "") {
  Record r;
  r.instant = instant;
  r.local = instant;
  r.line = line;
  r.level = level;
  r.text =
      "2019-09-17 05:04:12,043 [myid:1] - " + std::string(LevelName(level)) + " [main:Foo@1] - ";
  r.message = Span{static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(message.size())};
  r.text += message;
  if (!continuation.empty()) {
    r.text += "\n" + std::string(continuation);
    r.continuation_lines = 1;
  }
  return r;
}

TEST_CASE("MaskTemplate: ZooKeeper, Hadoop and kazoo messages") {
  CHECK(
      MaskTemplate("fsync-ing the write ahead log in SyncThread:3 took 3412ms which will adversely "
                   "effect operation latency. See the ZooKeeper troubleshooting guide") ==
      "fsync-ing the write ahead log in SyncThread:<*> took <*> which will adversely effect "
      "operation latency. See the ZooKeeper troubleshooting guide");
  CHECK(MaskTemplate("Expiring session 0x3007672f801a313, timeout of 5000ms exceeded") ==
        "Expiring session <*>, timeout of <*> exceeded");
  CHECK(MaskTemplate("Cannot open channel to 2 at election address zk2/10.0.0.2:3888") ==
        "Cannot open channel to <*> at election address <*>");
  CHECK(MaskTemplate("Connection dropped: outstanding heartbeat ping not received") ==
        "Connection dropped: outstanding heartbeat ping not received");
  CHECK(MaskTemplate("Got user-level KeeperException when processing sessionid:0x100014e5ee80000 "
                     "type:create cxid:0x5 zxid:0x100000007 txntype:-1 reqpath:n/a Error "
                     "Path:/hadoop-ha/mycluster/ActiveBreadCrumb Error:KeeperErrorCode = "
                     "NodeExists for /hadoop-ha/mycluster/ActiveBreadCrumb") ==
        "Got user-level KeeperException when processing sessionid:<*> type:create cxid:<*> "
        "zxid:<*> txntype:<*> reqpath:n/a Error Path:<*> Error:KeeperErrorCode = NodeExists for "
        "<*>");
  CHECK(MaskTemplate("Waited 6001 ms (timeout=20000 ms) for a response for sendEdits. Succeeded so "
                     "far: [10.0.0.1:8485]") ==
        "Waited <*> ms (timeout=<*> ms) for a response for sendEdits. Succeeded so far: [<*>]");
  CHECK(MaskTemplate("Took 12345ms to send a batch of 1 edits (17 bytes) to remote journal "
                     "10.0.0.1:8485") ==
        "Took <*> to send a batch of <*> edits (<*> bytes) to remote journal <*>");
  CHECK(
      MaskTemplate("Remote journal 10.0.0.3:8485 failed to write txns 1234-1240. Will try again") ==
      "Remote journal <*> failed to write txns <*>. Will try again");
  CHECK(MaskTemplate("Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket "
                     "connection and attempting reconnect") ==
        "Session <*> for server <*>, unexpected error, closing socket connection and attempting "
        "reconnect");
  CHECK(MaskTemplate("Connecting to zk2(172.18.0.3):2181, use_ssl: False") ==
        "Connecting to <*>, use_ssl: False");
  CHECK(MaskTemplate("Have smaller server identifier, so dropping the connection: (3, 1)") ==
        "Have smaller server identifier, so dropping the connection: (<*>, <*>)");
}

TEST_CASE("MaskTemplate: each kind of variable part") {
  // host:port by name or address, IPv6, URLs; but key:value keeps its key.
  CHECK(MaskTemplate("to zk1:2181 via localhost:2181 or [::1]:2181, fe80::1%eth0, 2001:db8::7") ==
        "to <*> via <*> or [<*>, <*>, <*>");
  CHECK(MaskTemplate("GET http://nn1:50070/jmx failed") == "GET <*> failed");
  CHECK(MaskTemplate("myid:1 sid:3 SyncThread:0") == "myid:<*> sid:<*> SyncThread:<*>");
  // Paths; "n/a" and "read/write" are words.
  CHECK(MaskTemplate("cannot open /var/lib/zookeeper/version-2/log.1 or ./data, n/a read/write") ==
        "cannot open <*> or <*>, n/a read/write");
  // Quoted strings, also as a value and across spaces; an apostrophe inside a word is kept.
  CHECK(MaskTemplate("Unexpected value 'a b c' for name=\"x y\", can't parse `it`") ==
        "Unexpected value <*> for name=<*>, can't parse <*>");
  CHECK(MaskTemplate("stray 'quote and 'another") == "stray 'quote and 'another");
  // UUIDs and long hex strings, with or without digits first.
  CHECK(MaskTemplate("node a3bb189e-8bf9-3888-9912-ace4e6543002 and deadbeef00 gone") ==
        "node <*> and <*> gone");
  // Numbers standing alone inside a word; digits glued to letters stay.
  CHECK(MaskTemplate("pool-1-thread-3 blk_1073741825_1001 log4j zk2 IPv4") ==
        "pool-<*>-thread-<*> blk_<*>_<*> log4j zk2 IPv4");
  // Signs, decimals, times, dates, percentages ("-1 +2.5": two masks in a row, one left).
  CHECK(MaskTemplate("delta -1 +2.5 at 05:04:12,043 on 2019-09-17 load 45%") ==
        "delta <*> at <*> on <*> load <*>");
}

TEST_CASE("MaskTemplate: consecutive masks collapse, whitespace is normalised, one line only") {
  CHECK(MaskTemplate("1 2 3 four 5 6") == "<*> four <*>");
  CHECK(MaskTemplate("server 10.0.0.1 2181 down") == "server <*> down");
  CHECK(MaskTemplate("  a\t\tb   c  ") == "a b c");
  CHECK(MaskTemplate("Unexpected exception 42\n\tat org.apache.Foo.bar(Foo.java:12)") ==
        "Unexpected exception <*>");
  CHECK(MaskTemplate("") == "");
  CHECK(MaskTemplate(" \t ") == "");
  CHECK(MaskTemplate("error =") == "error =");

  std::string out = "left over";
  MaskTemplate("took 3ms", &out);
  CHECK(out == "took <*>");
}

TEST_CASE("MaskTemplate: lines of one template compare equal, other messages do not") {
  const std::vector<std::pair<std::string, std::string>> same = {
      {"fsync-ing the write ahead log in SyncThread:3 took 3412ms which will adversely effect "
       "operation latency. See the ZooKeeper troubleshooting guide",
       "fsync-ing the write ahead log in SyncThread:1 took 20187ms which will adversely effect "
       "operation latency. See the ZooKeeper troubleshooting guide"},
      {"Expiring session 0x3007672f801a313, timeout of 5000ms exceeded",
       "Expiring session 0x100000b5c8e0002, timeout of 30000ms exceeded"},
      {"Cannot open channel to 2 at election address zk2/10.0.0.2:3888",
       "Cannot open channel to 3 at election address zk3/172.18.0.4:3888"},
      {"Cannot open channel to 3 at election address /172.18.0.4:3888",
       "Cannot open channel to 2 at election address zk2/10.0.0.2:3888"},
      {"Closed socket connection for client /10.0.0.5:54321 which had sessionid 0x100014e5ee80000",
       "Closed socket connection for client /[0:0:0:0:0:0:0:1]:40000 which had sessionid 0x0"},
      {"Connection dropped: outstanding heartbeat ping not received",
       "Connection dropped:  outstanding heartbeat ping not received "},
  };
  for (const auto& [a, b] : same) {
    INFO(a, " | ", b);
    CHECK(MaskTemplate(a) == MaskTemplate(b));
  }
  const std::vector<std::string> different = {
      "fsync-ing the write ahead log in SyncThread:3 took 3412ms which will adversely effect "
      "operation latency. See the ZooKeeper troubleshooting guide",
      "Expiring session 0x3007672f801a313, timeout of 5000ms exceeded",
      "Cannot open channel to 2 at election address zk2/10.0.0.2:3888",
      "Connection dropped: outstanding heartbeat ping not received",
      "Connection dropped: socket connection broken",
      "Connection time-out: socket time-out during read",
      "Exception when following the leader",
  };
  for (size_t i = 0; i < different.size(); ++i) {
    for (size_t j = i + 1; j < different.size(); ++j) {
      INFO(different[i], " | ", different[j]);
      CHECK(MaskTemplate(different[i]) != MaskTemplate(different[j]));
    }
  }
}

TEST_CASE("MaskTemplate: pathological input stays linear and bounded") {
  std::string quotes;
  for (int i = 0; i < 20000; ++i) quotes += " 'x";
  CHECK(MaskTemplate(quotes).size() == quotes.size() - 1);
  std::string numbers(100000, '7');
  CHECK(MaskTemplate(numbers) == "<*>");
}

TEST_CASE("MessageTemplates: counts, levels, first/last and the first example per template") {
  MessageTemplates templates;
  SourceInfo zk1 = Source("zk1/zookeeper.log", "zk1");
  templates.Add(Rec(kT0, 10, Level::kWarn, "Expiring session 0x1, timeout of 5000ms exceeded"),
                zk1);
  templates.Add(Rec(kT0 + kSecond, 11, Level::kError,
                    "Expiring session 0x2, timeout of 4000ms exceeded", "\tat Foo.bar"),
                zk1);
  // Earlier than the first, added later (another thread's line out of order): it becomes the
  // example.
  templates.Add(
      Rec(kT0 - kMilli, 12, Level::kWarn, "Expiring session 0x3, timeout of 5000ms exceeded"), zk1);
  templates.Add(Rec(kNoInstant, 13, Level::kWarn, "Expiring session 0x4, timeout of 1ms exceeded"),
                zk1);
  // Below WARN, and an unparsed record of unknown level: ignored.
  templates.Add(Rec(kT0, 14, Level::kInfo, "Expiring session 0x5, timeout of 1ms exceeded"), zk1);
  templates.Add(Rec(kT0, 15, Level::kDebug, "something else"), zk1);
  Record unparsed = Rec(kT0, 16, Level::kUnknown, "Expiring session 0x6, timeout of 1ms exceeded");
  unparsed.flags = kUnparsed;
  templates.Add(unparsed, zk1);

  CHECK(templates.records() == 4);
  CHECK(templates.dropped() == 0);
  CHECK(templates.hosts() == 1);
  CHECK(templates.templates() == 1);
  std::vector<TemplateStat> summary = templates.Summary();
  REQUIRE(summary.size() == 1);
  const TemplateStat& s = summary[0];
  CHECK(s.host == "zk1");
  CHECK(s.text == "Expiring session <*>, timeout of <*> exceeded");
  CHECK(s.example ==
        "2019-09-17 05:04:12,043 [myid:1] - WARN [main:Foo@1] - Expiring session 0x3, timeout of "
        "5000ms exceeded");
  CHECK(s.source == "zk1/zookeeper.log");
  CHECK(s.line == 12);
  CHECK(s.level == Level::kError);
  CHECK(s.count == 4);
  CHECK(s.first == kT0 - kMilli);
  CHECK(s.last == kT0 + kSecond);
  CHECK(s.earliest);
}

TEST_CASE("MessageTemplates: per host, the first template then the rarest") {
  MessageTemplates templates;
  SourceInfo zk2 = Source("zk2.log", "zk2");
  SourceInfo zk1 = Source("zk1.log", "zk1");
  SourceInfo anonymous = Source("-", "");
  const std::string fsync =
      "fsync-ing the write ahead log in SyncThread:1 took 3412ms which will adversely effect "
      "operation latency. See the ZooKeeper troubleshooting guide";
  // zk2: fsync x3 from kT0 (the first), expiry x1 WARN, channel x1 ERROR, dropped x2, refused x1
  // WARN later than expiry.
  for (int i = 0; i < 3; ++i)
    templates.Add(Rec(kT0 + i * kSecond, 1 + i, Level::kWarn, fsync), zk2);
  templates.Add(Rec(kT0 + 10 * kSecond, 10, Level::kWarn,
                    "Expiring session 0x3007672f801a313, timeout of 5000ms exceeded"),
                zk2);
  templates.Add(Rec(kT0 + 20 * kSecond, 20, Level::kError,
                    "Cannot open channel to 2 at election address zk2/10.0.0.2:3888"),
                zk2);
  templates.Add(Rec(kT0 + 5 * kSecond, 5, Level::kWarn,
                    "Connection dropped: outstanding heartbeat ping not received"),
                zk2);
  templates.Add(Rec(kT0 + 6 * kSecond, 6, Level::kFatal,
                    "Connection dropped: outstanding heartbeat ping not received"),
                zk2);
  templates.Add(Rec(kT0 + 30 * kSecond, 30, Level::kWarn, "Connection refused"), zk2);
  // zk1: one template only, seen twice.
  templates.Add(Rec(kT0 + 2 * kSecond, 2, Level::kError,
                    "Cannot open channel to 3 at election address zk3/10.0.0.3:3888"),
                zk1);
  templates.Add(Rec(kT0 + 3 * kSecond, 3, Level::kError,
                    "Cannot open channel to 2 at election address zk2/10.0.0.2:3888"),
                zk1);
  // No host: named "-", which sorts first.
  templates.Add(Rec(kT0, 1, Level::kWarn, "Connection dropped: socket connection broken"),
                anonymous);

  std::vector<TemplateStat> summary = templates.Summary(4);
  std::vector<std::string> got;
  for (const TemplateStat& s : summary)
    got.push_back(s.host + " " + std::to_string(s.count) + " " + std::string(LevelName(s.level)) +
                  " " + s.text + (s.earliest ? " (first)" : ""));
  CHECK(got == std::vector<std::string>{
                   "- 1 WARN Connection dropped: socket connection broken (first)",
                   "zk1 2 ERROR Cannot open channel to <*> at election address <*> (first)",
                   "zk2 3 WARN " + MaskTemplate(fsync) + " (first)",
                   // count 1: ERROR before WARN, then the WARNs by first instant
                   "zk2 1 ERROR Cannot open channel to <*> at election address <*>",
                   "zk2 1 WARN Expiring session <*>, timeout of <*> exceeded",
                   "zk2 1 WARN Connection refused",
               });
  CHECK(summary[1].example.ends_with("zk3/10.0.0.3:3888"));
  CHECK(summary[1].first == kT0 + 2 * kSecond);
  CHECK(summary[1].last == kT0 + 3 * kSecond);

  // Room for all: the count-2 FATAL template comes after the count-1 ones.
  summary = templates.Summary(10);
  REQUIRE(summary.size() == 7);
  CHECK(summary[6].host == "zk2");
  CHECK(summary[6].count == 2);
  CHECK(summary[6].level == Level::kFatal);
  CHECK(summary[6].text == "Connection dropped: outstanding heartbeat ping not received");

  // One per host: only the first templates.
  summary = templates.Summary(1);
  REQUIRE(summary.size() == 3);
  for (const TemplateStat& s : summary) CHECK(s.earliest);
  CHECK(templates.Summary(0).empty());
  CHECK(MessageTemplates().Summary().empty());
}

TEST_CASE("MessageTemplates: templates without an instant come last for 'first'") {
  MessageTemplates templates;
  SourceInfo zk1 = Source("zk1.log", "zk1");
  templates.Add(Rec(kNoInstant, 1, Level::kWarn, "no time"), zk1);
  templates.Add(Rec(kT0, 2, Level::kWarn, "has a time"), zk1);
  std::vector<TemplateStat> summary = templates.Summary();
  REQUIRE(summary.size() == 2);
  CHECK(summary[0].text == "has a time");
  CHECK(summary[1].text == "no time");
  CHECK(summary[1].first == kNoInstant);
  CHECK(summary[1].line == 1);
}

std::string Word(int n) {  // a distinct word without digits per n: "ba", "bb", ...
  std::string word;
  do {
    word += static_cast<char>('a' + n % 26);
    n /= 26;
  } while (n > 0);
  return "w" + word;
}

TEST_CASE("MessageTemplates: bounded per host and in hosts; beyond that only dropped() counts") {
  MessageTemplates templates(/*max_per_host=*/3, /*max_hosts=*/2);
  SourceInfo a = Source("a.log", "a"), b = Source("b.log", "b"), c = Source("c.log", "c");
  for (int i = 0; i < 5; ++i) templates.Add(Rec(kT0 + i, i + 1, Level::kWarn, Word(i)), a);
  CHECK(templates.templates() == 3);
  CHECK(templates.dropped() == 2);
  // A known template still counts when the host is full.
  templates.Add(Rec(kT0 + 9, 9, Level::kError, Word(0)), a);
  templates.Add(Rec(kT0, 1, Level::kWarn, Word(0)), b);
  templates.Add(Rec(kT0, 1, Level::kWarn, Word(0)), c);  // a third host
  CHECK(templates.hosts() == 2);
  CHECK(templates.templates() == 4);
  CHECK(templates.dropped() == 3);
  CHECK(templates.records() == 8);
  std::vector<TemplateStat> summary = templates.Summary();
  REQUIRE(summary.size() == 4);
  CHECK(summary[0].text == Word(0));
  CHECK(summary[0].count == 2);
  CHECK(summary[0].level == Level::kError);
  CHECK(summary[3].host == "b");

  // The default bounds.
  MessageTemplates defaults;
  for (size_t i = 0; i < MessageTemplates::kMaxPerHost + 10; ++i)
    defaults.Add(Rec(kT0, 1, Level::kWarn, Word(static_cast<int>(i))), a);
  for (size_t i = 0; i < MessageTemplates::kMaxHosts + 5; ++i)
    defaults.Add(Rec(kT0, 1, Level::kWarn, "x"), Source("h.log", "h" + std::to_string(i)));
  CHECK(defaults.templates() == MessageTemplates::kMaxPerHost + MessageTemplates::kMaxHosts - 1);
  CHECK(defaults.hosts() == MessageTemplates::kMaxHosts);
  CHECK(defaults.dropped() == 10 + 6);
}

TEST_CASE("MessageTemplates: long messages are cut to a bounded template and example") {
  MessageTemplates templates;
  SourceInfo zk1 = Source("zk1.log", "zk1");
  std::string prefix(MessageTemplates::kMaxTextBytes - 1, 'a');
  // Two messages alike up to past the limit share a template; a UTF-8 character is not split.
  templates.Add(Rec(kT0, 1, Level::kWarn, prefix + "\xC3\xA9 tail one"), zk1);
  templates.Add(Rec(kT0, 2, Level::kWarn, prefix + "\xC3\xA9 tail two"), zk1);
  std::vector<TemplateStat> summary = templates.Summary();
  REQUIRE(summary.size() == 1);
  CHECK(summary[0].count == 2);
  CHECK(summary[0].text == prefix);
  CHECK(summary[0].example.size() <= MessageTemplates::kMaxTextBytes);
}

TEST_CASE("MessageTemplates: repeated messages are counted alike on every path") {
  MessageTemplates templates(/*max_per_host=*/3);
  SourceInfo zk1 = Source("zk1.log", "zk1");
  SourceInfo zk2 = Source("zk2.log", "zk2");
  const std::string long_message = "Unexpected exception " + std::string(600, 'x') + " 42";
  // 2,000 messages of two templates (more than the recent slots hold, so slots are reused by other
  // messages), the same words on two hosts, and a message too long to be remembered.
  for (int i = 0; i < 2000; ++i) {
    std::string id = std::to_string(i % 700);
    templates.Add(Rec(kT0 + i, i, Level::kWarn, "Connection broken for id " + id), zk1);
    templates.Add(Rec(kT0 + i, i, Level::kWarn, "Connection broken for id " + id), zk2);
    templates.Add(Rec(kT0 + i, i, Level::kError, "Cannot open channel to " + id), zk1);
    if (i % 2 == 0) templates.Add(Rec(kT0 + i, i, Level::kWarn, long_message), zk1);
  }
  // A fourth template has no room on zk1 (three per host); the known ones are still counted.
  templates.Add(Rec(kT0 + 5000, 1, Level::kWarn, "Something new"), zk1);
  templates.Add(Rec(kT0 + 5001, 2, Level::kWarn, "Connection broken for id 3"), zk1);

  CHECK(templates.dropped() == 1);
  CHECK(templates.templates() == 4);
  std::vector<TemplateStat> summary = templates.Summary(5);
  std::vector<std::string> got;
  for (const TemplateStat& s : summary)
    got.push_back(s.host + " " + std::to_string(s.count) + " " + s.text);
  CHECK(got == std::vector<std::string>{
                   "zk1 2001 Connection broken for id <*>",
                   // (a template is cut to kMaxTextBytes)
                   "zk1 1000 " + long_message.substr(0, MessageTemplates::kMaxTextBytes),
                   "zk1 2000 Cannot open channel to <*>",
                   "zk2 2000 Connection broken for id <*>",
               });
}

TEST_CASE(
    "MessageTemplates: messages alike but for their digits share a template only when "
    "masking left no digit") {
  MessageTemplates templates;
  SourceInfo zk1 = Source("zk1.log", "zk1");
  // Ids and ports are masked: each pair below is one template, whichever of them came first.
  // Digits glued to letters stay ("zk2", "log4j"): those are told apart, although the messages
  // differ only in a digit, also after a message of the same digit-blind form was seen.
  const std::vector<std::string> messages = {
      "Expiring session 0x100a2b3c, timeout of 4000ms exceeded",
      "Expiring session 0x200d4e5f, timeout of 6000ms exceeded",
      "Cannot open channel to 2 at election address zk2/10.0.0.2:3888",
      "Cannot open channel to 3 at election address zk3/10.0.0.3:3888",
      "Connection to zk2 lost",
      "Connection to zk3 lost",
      "Connection to zk2 lost",
  };
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < messages.size(); ++i)
      templates.Add(Rec(kT0 + static_cast<int64_t>(i), 1, Level::kWarn, messages[i]), zk1);
  }
  std::vector<std::string> got;
  for (const TemplateStat& s : templates.Summary(10))
    got.push_back(std::to_string(s.count) + " " + s.text);
  std::sort(got.begin(), got.end());
  CHECK(got == std::vector<std::string>{
                   "2 Connection to zk3 lost",
                   "4 Cannot open channel to <*> at election address <*>",
                   "4 Connection to zk2 lost",
                   "4 Expiring session <*>, timeout of <*> exceeded",
               });
  // Every message's template is the one MaskTemplate gives it alone.
  for (const std::string& m : messages) {
    bool found = false;
    for (const TemplateStat& s : templates.Summary(10)) found = found || s.text == MaskTemplate(m);
    CHECK_MESSAGE(found, m);
  }
}

}  // namespace
}  // namespace faultline
