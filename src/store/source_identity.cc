#include "src/store/source_identity.h"

#include <cstring>
#include <filesystem>
#include <vector>

#include "src/store/known_classes.h"

namespace faultline {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "hadoop-hdfs-zkfc-nn1.log.3.gz" -> "hadoop-hdfs-zkfc-nn1", "zk1.log.txt" -> "zk1"
std::string Stem(std::string name) {
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  // A log saved or attached as text: "zk1.log.txt", "namenode.txt".
  if (EndsWith(name, ".txt")) name.resize(name.size() - 4);
  for (int round = 0; round < 2; ++round) {  // rotation suffix, then the extension
    size_t dot = name.rfind('.');
    size_t dash = name.rfind('-');
    if (dot != std::string::npos && IsDigits(std::string_view(name).substr(dot + 1))) {
      name.resize(dot);  // .1, .20260101
    } else if (dot != std::string::npos && name.size() - dot == 11 && name[dot + 5] == '-') {
      name.resize(dot);  // .2026-01-01
    } else if (dash != std::string::npos && dash > name.rfind(".log") &&
               IsDigits(std::string_view(name).substr(dash + 1))) {
      name.resize(dash);  // .log-20260101
    }
  }
  if (EndsWith(name, ".log") || EndsWith(name, ".out")) name.resize(name.size() - 4);
  return name;
}

std::vector<std::string> SplitDash(const std::string& s) {
  std::vector<std::string> parts;
  size_t begin = 0;
  for (;;) {
    size_t dash = s.find('-', begin);
    parts.push_back(s.substr(begin, dash - begin));
    if (dash == std::string::npos) break;
    begin = dash + 1;
  }
  return parts;
}

Component ComponentFromDaemon(std::string_view daemon) {
  if (daemon == "zkfc") return Component::kZkfc;
  if (daemon == "namenode") return Component::kNameNode;
  if (daemon == "journalnode") return Component::kJournalNode;
  if (daemon == "server" || daemon == "zookeeper") return Component::kZk;
  return Component::kOther;
}

Component ComponentFromName(std::string_view name) {
  if (name.find("zkfc") != std::string_view::npos) return Component::kZkfc;
  if (name.find("journalnode") != std::string_view::npos) return Component::kJournalNode;
  if (name.find("namenode") != std::string_view::npos) return Component::kNameNode;
  if (name.find("zookeeper") != std::string_view::npos || name.substr(0, 2) == "zk") {
    return Component::kZk;
  }
  if (name.find("kazoo") != std::string_view::npos ||
      name.find("monitor") != std::string_view::npos) {
    return Component::kMonitor;
  }
  return Component::kOther;
}

}  // namespace

SourceIdentity IdentifyFromPath(const std::string& path, const std::string& root) {
  SourceIdentity id;
  if (path == "-") return id;
  namespace fs = std::filesystem;
  fs::path p(path);
  std::string stem = Stem(p.filename().string());
  std::vector<std::string> parts = SplitDash(stem);
  static constexpr std::string_view kHadoopPrefixes[] = {"hadoop", "yarn", "mapred", "hdfs"};
  bool hadoop_name = false;
  for (std::string_view prefix : kHadoopPrefixes) hadoop_name |= parts[0] == prefix;
  if ((hadoop_name || parts[0] == "zookeeper") && parts.size() >= 4) {
    id.daemon = parts[2];
    id.host = parts[3];
    for (size_t i = 4; i < parts.size(); ++i) id.host += "-" + parts[i];
    id.component = ComponentFromDaemon(id.daemon);
    return id;
  }
  // One folder per server (zk1/zookeeper.log): the folder names the host.
  fs::path parent = p.parent_path();
  std::string root_dir = root;
  while (root_dir.size() > 1 && root_dir.back() == '/') root_dir.pop_back();
  bool in_subdir = !root_dir.empty() && !parent.empty() &&
                   fs::path(root_dir).lexically_normal() != parent.lexically_normal();
  id.host = in_subdir ? parent.filename().string() : stem;
  id.component = ComponentFromName(stem);
  if (id.component == Component::kOther && in_subdir) {
    id.component = ComponentFromName(parent.filename().string());
  }
  return id;
}

namespace {

bool Has(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}
// Inlined word compares: the prefixes are short constants, and ZkServerThread asks once per
// record whose logger says nothing (a memcmp call each cost more than the comparison, a byte
// loop about twice as much as eight bytes at a time).
inline bool Starts(std::string_view text, std::string_view prefix) {
  size_t n = prefix.size();
  if (text.size() < n) return false;
  if (n < 8) {
    for (size_t i = 0; i < n; ++i) {
      if (text[i] != prefix[i]) return false;
    }
    return true;
  }
  auto word = [](const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  for (size_t at = 0; at + 8 < n; at += 8) {
    if (word(text.data() + at) != word(prefix.data() + at)) return false;
  }
  return word(text.data() + n - 8) == word(prefix.data() + n - 8);  // the last eight, overlapping
}

// What the logger alone says; the thread is looked at only when it says nothing.
enum class LoggerVerdict : uint8_t { kNothing, kClient, kKnown };

LoggerVerdict FromLogger(std::string_view logger, Component* component) {
  auto known = [&](Component c) {
    *component = c;
    return LoggerVerdict::kKnown;
  };
  if (logger.empty()) return LoggerVerdict::kNothing;
  if (Has(logger, "ClientCnxn") || logger == "org.apache.zookeeper.ZooKeeper" ||
      logger == "o.a.z.ZooKeeper" || logger == "ZooKeeper" || Has(logger, "zookeeper.Login") ||
      Has(logger, "curator") || Has(logger, "zookeeper.client.") ||
      Has(logger, "zookeeper.common.X509Util") || Has(logger, "ZooKeeperSaslClient")) {
    return LoggerVerdict::kClient;
  }
  if (Has(logger, "org.apache.zookeeper.server") || Starts(logger, "o.a.z.s.") ||
      Starts(logger, "o.a.z.server.") || Starts(logger, "server.quorum.") ||
      Starts(logger, "quorum.")) {
    return known(Component::kZk);
  }
  if (Has(logger, "qjournal.server")) return known(Component::kJournalNode);
  if (Has(logger, "qjournal.client") || Has(logger, "hdfs.server.namenode") ||
      Starts(logger, "namenode.") || Has(logger, "hdfs.StateChange") ||
      Has(logger, "FSNamesystem")) {
    return known(Component::kNameNode);
  }
  if (Has(logger, "org.apache.hadoop.ha.") || Starts(logger, "o.a.h.ha.") ||
      Starts(logger, "ha.") || Has(logger, "ZKFailoverController") ||
      Has(logger, "ActiveStandbyElector") || Has(logger, "HealthMonitor") ||
      Has(logger, "NodeFencer") || Has(logger, "SshFenceByTcpPort")) {
    return known(Component::kZkfc);
  }
  if (Starts(logger, "kazoo")) return known(Component::kMonitor);
  // A logger cut to its class (%c{1}, logback's abbreviations): the class's simple name.
  std::string_view simple = logger.substr(logger.rfind('.') + 1);  // npos + 1: all of it
  simple = simple.substr(0, simple.find('$'));
  if (Component c = ComponentOfClass(simple); c != Component::kOther) return known(c);
  return LoggerVerdict::kNothing;
}

}  // namespace

// ZooKeeper's server threads, whatever the layout named the logger. Dispatched on the first
// character: most threads are rejected by one comparison.
bool ZkServerThread(std::string_view thread) {
  if (thread.empty()) return false;
  switch (thread[0]) {
    case 'Q':
      return Starts(thread, "QuorumPeer[myid=");
    case 'S':
      return Starts(thread, "SyncThread:") || Starts(thread, "SessionTracker");
    case 'L':
      return Starts(thread, "LearnerHandler-");
    case 'N':
      return Starts(thread, "NIOServerCxn") || Starts(thread, "NIOWorkerThread-");
    case 'W':
      return Starts(thread, "WorkerReceiver[myid=") || Starts(thread, "WorkerSender[myid=");
    case 'C':
      return Starts(thread, "CommitProcessor:");
    case 'F':
      return Starts(thread, "FollowerRequestProcessor:");
    default:
      return false;
  }
}

ContentComponent ComponentFromLogger(std::string_view logger) {
  ContentComponent c;
  LoggerVerdict verdict = FromLogger(logger, &c.component);
  c.client = verdict == LoggerVerdict::kClient;
  c.known = verdict == LoggerVerdict::kKnown;
  return c;
}

ContentComponent ComponentFromContent(std::string_view logger, std::string_view thread) {
  ContentComponent c = ComponentFromLogger(logger);
  if (!c.known && !c.client && ZkServerThread(thread)) {
    c.component = Component::kZk;
    c.known = true;
  }
  return c;
}

ContentComponent ContentComponentCache::Fill(Entry* e, std::string_view logger) {
  e->length = static_cast<uint8_t>(logger.size());
  std::memcpy(e->key, logger.data(), logger.size());
  e->verdict = ComponentFromLogger(logger);
  return e->verdict;
}

}  // namespace faultline
