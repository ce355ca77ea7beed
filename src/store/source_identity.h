// Who wrote a file: the host and the daemon, read from the path by the conventions operators
// already use (hadoop-<user>-<daemon>-<host>.log, zookeeper-<user>-server-<host>.log, one folder
// per server), and from the logger name when the path says nothing.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "src/base/record.h"

namespace faultline {

struct SourceIdentity {
  std::string host;    ///< "" when nothing names it
  std::string daemon;  ///< "zkfc", "namenode", "server", ... from the file name, if any
  Component component = Component::kOther;  ///< kOther: let the parser or logger decide
};

/// `root` is the directory argument the file was found under ("" if the file was named).
SourceIdentity IdentifyFromPath(const std::string& path, const std::string& root);

/// What a record's logger namespace and thread say about the program that wrote it.
struct ContentComponent {
  Component component = Component::kOther;
  bool known = false;   ///< `component` is decided by the content
  bool client = false;  ///< a ZooKeeper client library (ClientCnxn, Curator) inside any program
};

/// org.apache.zookeeper.server.* and ZooKeeper's server threads -> zk; org.apache.hadoop.ha.* and
/// DFSZKFailoverController -> zkfc; hdfs.server.namenode and qjournal.client -> namenode;
/// qjournal.server -> journalnode; kazoo.* -> monitor; full, abbreviated (o.a.z.s.) and
/// two-segment (ha.HealthMonitor) logger names alike.
ContentComponent ComponentFromContent(std::string_view logger, std::string_view thread);

/// What the logger name alone says: ComponentFromContent without looking at the thread.
ContentComponent ComponentFromLogger(std::string_view logger);
/// Whether a thread name is one of ZooKeeper's server threads (QuorumPeer[myid=, SyncThread:, ...).
bool ZkServerThread(std::string_view thread);

/// ComponentFromLogger remembered: a source has a few dozen distinct loggers, so the ~25
/// substring searches run once per logger instead of once per record. A small direct-mapped
/// table of inline keys: no allocation, fixed size; a collision recomputes. The usual lookup (a
/// hit) is inline: it runs for every record, and the call cost about a third of it.
class ContentComponentCache {
 public:
  ContentComponent Get(std::string_view logger) {
    size_t n = logger.size();
    if (n == 0 || n > kMaxKey) return ComponentFromLogger(logger);
    // Hashes the length and the first and last eight bytes (a byte loop costs more than the
    // lookup saves); SameKey decides equality.
    uint64_t head = 0, tail = 0;
    if (n >= 8) {
      std::memcpy(&head, logger.data(), 8);
      std::memcpy(&tail, logger.data() + n - 8, 8);
    } else {
      std::memcpy(&head, logger.data(), n);
    }
    uint64_t hash = (head * 0x9e3779b97f4a7c15ull) ^ (tail * 0xc2b2ae3d27d4eb4full) ^ n;
    Entry& e = entries_[(hash >> 56) % kEntries];
    if (e.length != n || !SameKey(e.key, logger, head, tail)) return Fill(&e, logger);
    return e.verdict;
  }

 private:
  static constexpr size_t kEntries = 256;
  static constexpr size_t kMaxKey = 60;  // longer loggers are classified every time
  struct Entry {
    uint8_t length = 0xff;  // 0xff: empty
    ContentComponent verdict;
    char key[kMaxKey];
  };
  /// Whether `key` holds `logger`, whose first and last eight bytes the hash already loaded as
  /// `head` and `tail`: the loggers are mostly 8 to 40 bytes, so a few word compares decide.
  static bool SameKey(const char* key, std::string_view logger, uint64_t head, uint64_t tail) {
    size_t n = logger.size();
    if (n < 8) return std::memcmp(key, logger.data(), n) == 0;
    uint64_t word;
    std::memcpy(&word, key, 8);
    if (word != head) return false;
    std::memcpy(&word, key + n - 8, 8);
    if (word != tail) return false;
    for (size_t at = 8; at + 8 < n; at += 8) {
      uint64_t theirs;
      std::memcpy(&word, key + at, 8);
      std::memcpy(&theirs, logger.data() + at, 8);
      if (word != theirs) return false;
    }
    return true;
  }
  /// The rare miss, out of line: classifies the logger and keeps it in `e`.
  static ContentComponent Fill(Entry* e, std::string_view logger);

  std::array<Entry, kEntries> entries_;
};

}  // namespace faultline
