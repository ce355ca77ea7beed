#include "src/store/known_classes.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace faultline {
namespace {

// ZooKeeper's server classes that log (org.apache.zookeeper.server and below, 3.4 to 3.9), less
// the names other programs use too (Request, Util, Commands, ServerStats, JvmPauseMonitor, ...).
// Sorted: looked up by binary search.
constexpr std::string_view kZkServer[] = {
    "AckRequestProcessor",
    "AdminServerFactory",
    "CommitProcessor",
    "ContainerManager",
    "DataTree",
    "DatadirCleanupManager",
    "FastLeaderElection",
    "FileSnap",
    "FileTxnLog",
    "FileTxnSnapLog",
    "FinalRequestProcessor",
    "Follower",
    "FollowerRequestProcessor",
    "FollowerZooKeeperServer",
    "JettyAdminServer",
    "Leader",
    "LeaderRequestProcessor",
    "LeaderSessionTracker",
    "LeaderZooKeeperServer",
    "Learner",
    "LearnerHandler",
    "LearnerSessionTracker",
    "NIOServerCnxn",
    "NIOServerCnxnFactory",
    "NettyServerCnxn",
    "NettyServerCnxnFactory",
    "ObserverZooKeeperServer",
    "PrepRequestProcessor",
    "ProposalRequestProcessor",
    "PurgeTxnLog",
    "QuorumCnxManager",
    "QuorumPeer",
    "QuorumPeerConfig",
    "QuorumPeerMain",
    "ReadOnlyRequestProcessor",
    "SaslQuorumAuthLearner",
    "SaslQuorumAuthServer",
    "SendAckRequestProcessor",
    "ServerCnxn",
    "ServerCnxnFactory",
    "SessionTrackerImpl",
    "SnapStream",
    "SyncRequestProcessor",
    "UnifiedServerSocket",
    "ZKDatabase",
    "ZooKeeperCriticalThread",
    "ZooKeeperServer",
    "ZooKeeperServerMain",
};

// The HDFS-HA failover controller's (org.apache.hadoop.ha, hdfs.tools).
constexpr std::string_view kZkfc[] = {
    "ActiveStandbyElector", "DFSZKFailoverController", "FailoverController", "HealthMonitor",
    "NodeFencer",           "ShellCommandFencer",      "SshFenceByTcpPort",  "ZKFailoverController",
};

// The NameNode's (hdfs.server.namenode and the quorum journal client it runs).
constexpr std::string_view kNameNode[] = {
    "EditLogTailer",        "FSEditLog",           "FSEditLogLoader", "FSImage",
    "FSNamesystem",         "IPCLoggerChannel",    "NameNode",        "NameNodeRpcServer",
    "QuorumJournalManager", "StandbyCheckpointer",
};

// The JournalNode's (qjournal.server).
constexpr std::string_view kJournalNode[] = {
    "JNStorage",
    "JournalNode",
    "JournalNodeRpcServer",
};

template <size_t N>
bool In(const std::string_view (&names)[N], std::string_view name) {
  return std::binary_search(std::begin(names), std::end(names), name);
}

}  // namespace

Component ComponentOfClass(std::string_view simple_name) {
  if (In(kZkServer, simple_name)) return Component::kZk;
  if (In(kZkfc, simple_name)) return Component::kZkfc;
  if (In(kNameNode, simple_name)) return Component::kNameNode;
  if (In(kJournalNode, simple_name)) return Component::kJournalNode;
  return Component::kOther;
}

}  // namespace faultline
