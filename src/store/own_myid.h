// A ZooKeeper server's id as its own messages name it, for layouts without "[myid:%X{myid}]"
// (a console pattern, an image's own, a paste): rules that follow one server ("same = [myid]")
// then still know which server a line is from.
#pragma once

#include <cstdint>
#include <string_view>

namespace faultline {

/// The number at text[at], or -1.
inline int32_t MyidAt(std::string_view text, size_t at) {
  int64_t id = 0;
  size_t start = at;
  while (at < text.size() && at - start < 10 && text[at] >= '0' && text[at] <= '9') {
    id = id * 10 + (text[at++] - '0');
  }
  return at > start && id <= INT32_MAX ? static_cast<int32_t>(id) : -1;
}

/// The id a ZooKeeper server gives itself in a record, or -1:
///   its quorum threads' names:  "QuorumPeer[myid=3](plain=...)", "WorkerReceiver[myid=3]"
///   QuorumPeerMain (3.6+):      "Starting quorum peer, myid=3"
///   FastLeaderElection:         "New election. My id = 3, proposed zxid=0x100000003" (3.4: "=  3")
inline int32_t OwnMyidIn(std::string_view message, std::string_view thread) {
  for (std::string_view name : {"QuorumPeer[myid=", "WorkerReceiver[myid=", "WorkerSender[myid="}) {
    if (thread.starts_with(name)) return MyidAt(thread, name.size());
  }
  if (message.starts_with("Starting quorum peer, myid=")) return MyidAt(message, 27);
  if (message.starts_with("New election. My id =")) {
    size_t at = 21;
    while (at < message.size() && message[at] == ' ') ++at;
    return MyidAt(message, at);
  }
  return -1;
}

}  // namespace faultline
