// Who wrote a file: the host and the daemon, read from the path by the conventions operators
// already use (hadoop-<user>-<daemon>-<host>.log, zookeeper-<user>-server-<host>.log, one folder
// per server), and from the logger name when the path says nothing.
#pragma once

#include <string>
#include <string_view>

#include "src/store/event.h"

namespace faultline {

struct SourceIdentity {
  std::string host;    ///< "" when nothing names it
  std::string daemon;  ///< "zkfc", "namenode", "server", ... from the file name, if any
  Component component = Component::kOther;  ///< kOther: let the parser or logger decide
};

/// `root` is the directory argument the file was found under ("" if the file was named).
SourceIdentity IdentifyFromPath(const std::string& path, const std::string& root);

/// The component a Hadoop logger belongs to ("...ha.ActiveStandbyElector" -> zkfc), or kOther.
Component ComponentFromLogger(std::string_view logger);

}  // namespace faultline
