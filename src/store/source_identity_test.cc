#include "src/store/source_identity.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace faultline {
namespace {

TEST_CASE("source_identity: from the path") {
  struct Row {
    std::string path, root;
    std::string host, daemon;
    Component component;
  };
  const Row rows[] = {
      {"logs/hadoop-hdfs-zkfc-nn1.log.3.gz", "", "nn1", "zkfc", Component::kZkfc},
      {"hadoop-hdfs-zkfc-nn1.log", "", "nn1", "zkfc", Component::kZkfc},
      {"hadoop-hdfs-zkfc-nn1.out", "", "nn1", "zkfc", Component::kZkfc},
      {"zookeeper-zk-server-zk2.log", "", "zk2", "server", Component::kZk},
      {"/var/log/zookeeper/zookeeper-zookeeper-server-zk3.out.1", "/var/log/zookeeper", "zk3",
       "server", Component::kZk},
      {"hadoop-hdfs-namenode-ip-10-0-0-1.log", "", "ip-10-0-0-1", "namenode", Component::kNameNode},
      {"hadoop-hdfs-journalnode-jn1.log.2026-01-01", "", "jn1", "journalnode",
       Component::kJournalNode},
      {"hadoop-hdfs-journalnode-jn1.log-20260101.gz", "", "jn1", "journalnode",
       Component::kJournalNode},
      {"yarn-yarn-resourcemanager-rm1.log", "", "rm1", "resourcemanager", Component::kOther},
      {"hadoop-hdfs-zkfc-nn1.example.com.log.1", "", "nn1.example.com", "zkfc", Component::kZkfc},
      {"root/zk1/zookeeper.log", "root", "zk1", "", Component::kZk},
      {"root/zk1/zookeeper.log.1.gz", "root", "zk1", "", Component::kZk},
      {"root/zk1/server.log", "root", "zk1", "", Component::kZk},
      {"root/nn1/namenode.log", "root", "nn1", "", Component::kNameNode},
      {"root/monitor/kazoo-watch.log", "root", "monitor", "", Component::kMonitor},
      {"root/nn2/app.log", "root", "nn2", "", Component::kOther},
      {"./root/zk1/zookeeper.log", "root", "zk1", "", Component::kZk},
      {"root/nn1.log", "root", "nn1", "", Component::kOther},
      {"nn1.log", "", "nn1", "", Component::kOther},
      {"zk1.log", "", "zk1", "", Component::kZk},
      {"logs/zkfc.out", "", "zkfc", "", Component::kZkfc},
      // logs saved or attached as text
      {"zk1.log.txt", "", "zk1", "", Component::kZk},
      {"hadoop-hdfs-zkfc-nn1.log.txt", "", "nn1", "zkfc", Component::kZkfc},
      {"case/namenode.txt", "case", "namenode", "", Component::kNameNode},
      {"-", "", "", "", Component::kOther},
  };
  for (const Row& row : rows) {
    CAPTURE(row.path);
    CAPTURE(row.root);
    SourceIdentity id = IdentifyFromPath(row.path, row.root);
    CHECK(id.host == row.host);
    CHECK(id.daemon == row.daemon);
    CHECK(ComponentName(id.component) == ComponentName(row.component));
  }
}

TEST_CASE("source_identity: a directory given with a trailing slash") {
  // `faultline timeline logs/` lists "logs/nn1.log" under root "logs/": the file is directly in
  // the root, so its name, not the root folder, names the host.
  SourceIdentity id = IdentifyFromPath("logs/nn1.log", "logs/");
  CHECK(id.host == "nn1");
  CHECK(id.component == Component::kOther);
  // One level down it is the folder, with or without the slash.
  CHECK(IdentifyFromPath("logs/zk1/zookeeper.log", "logs/").host == "zk1");
  CHECK(IdentifyFromPath("logs/zk1/zookeeper.log", "logs").host == "zk1");
}

TEST_CASE("source_identity: ComponentFromContent") {
  struct Row {
    std::string_view logger, thread;
    bool known, client;
    Component component;
  };
  const Row rows[] = {
      {"org.apache.zookeeper.server.quorum.LearnerHandler", "", true, false, Component::kZk},
      {"o.a.z.s.q.Learner", "", true, false, Component::kZk},
      {"org.apache.hadoop.ha.HealthMonitor", "", true, false, Component::kZkfc},
      {"ha.NodeFencer", "", true, false, Component::kZkfc},  // %c{2} of Hadoop's CLI layout
      {"org.apache.hadoop.hdfs.tools.DFSZKFailoverController", "", true, false, Component::kZkfc},
      {"org.apache.hadoop.hdfs.qjournal.client.QuorumJournalManager", "", true, false,
       Component::kNameNode},
      {"org.apache.hadoop.hdfs.qjournal.server.Journal", "", true, false, Component::kJournalNode},
      {"kazoo.client", "", true, false, Component::kMonitor},
      {"org.apache.zookeeper.ClientCnxn", "", false, true, Component::kOther},
      {"org.apache.curator.framework.state.ConnectionStateManager", "", false, true,
       Component::kOther},
      {"", "QuorumPeer[myid=1]/0.0.0.0:2181", true, false, Component::kZk},
      {"kafka.server.KafkaServer", "main", false, false, Component::kOther},
      // Loggers cut to the class (%c{1}, %c{2}, logback's %logger{36}): the class says it.
      {"LearnerHandler", "", true, false, Component::kZk},
      {"QuorumCnxManager$Listener", "", true, false, Component::kZk},
      {"server.FinalRequestProcessor", "", true, false, Component::kZk},
      {"persistence.FileTxnLog", "", true, false, Component::kZk},
      {"AckRequestProcessor", "", true, false, Component::kZk},  // first of the sorted list
      {"ZooKeeperServerMain", "", true, false, Component::kZk},  // last
      {"ActiveStandbyElector", "", true, false, Component::kZkfc},
      {"o.a.h.h.t.DFSZKFailoverController", "", true, false, Component::kZkfc},
      {"ZKFailoverController", "", true, false, Component::kZkfc},
      {"EditLogTailer", "", true, false, Component::kNameNode},
      {"StandbyCheckpointer", "", true, false, Component::kNameNode},
      {"JournalNode", "", true, false, Component::kJournalNode},
      {"Request", "", false, false, Component::kOther},  // a name other programs use too
  };
  for (const Row& row : rows) {
    CAPTURE(row.logger);
    ContentComponent c = ComponentFromContent(row.logger, row.thread);
    CHECK(c.known == row.known);
    CHECK(c.client == row.client);
    CHECK(ComponentName(c.component) == ComponentName(row.component));
  }
}

}  // namespace
}  // namespace faultline
