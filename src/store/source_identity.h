// Who wrote a file: the host and the daemon, read from the path by the conventions operators
// already use (hadoop-<user>-<daemon>-<host>.log, zookeeper-<user>-server-<host>.log, one folder
// per server), and from the logger name when the path says nothing.
#pragma once

#include <array>
#include <cstdint>
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

/// ComponentFromContent with the logger's verdict remembered: a source has a few dozen distinct
/// loggers, so the ~25 substring searches run once per logger instead of once per record. A
/// small direct-mapped table of inline keys: no allocation, fixed size; a collision recomputes.
class ContentComponentCache {
 public:
  ContentComponent Get(std::string_view logger, std::string_view thread);

 private:
  static constexpr size_t kEntries = 256;
  static constexpr size_t kMaxKey = 62;  // longer loggers are classified every time
  struct Entry {
    uint8_t length = 0xff;  // 0xff: empty
    uint8_t verdict = 0;    // see source_identity.cc
    char key[kMaxKey];
  };
  std::array<Entry, kEntries> entries_;
};

}  // namespace faultline
