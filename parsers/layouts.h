// The parts of the Java layouts that follow the time, shared by the parsers that read them with a
// time and by the timeless parser, which reads the same lines pasted without one. Each sets the
// level, thread, logger, code line and message of *out (not the time, not the variant unless
// said) and returns false with *miss filled when the line is not of its layout.
#pragma once

#include <string_view>

#include "parsers/parser.h"

namespace faultline::layout {

/// ZooKeeper: "LEVEL [thread:Class@line] - message". Keeps out->myid if set (>= 0), else takes
/// it from the thread name.
bool ZooKeeperBody(std::string_view s, size_t pos, Header* out, Miss* miss);

/// Hadoop: "LEVEL logger: message" (variant 0), "LEVEL [thread] logger: message" (1),
/// "LEVEL logger (File:method(line)) - message" (2, also with the location left empty).
bool HadoopBody(std::string_view s, size_t pos, Header* out, Miss* miss);

/// Logger after the message (Kafka, Strimzi): "LEVEL message (logger)" with an optional
/// " [thread]" after it; the logger may carry ":line". Without `need_logger`, a line whose end is
/// not "(logger)" is still read: all of it after the level is the message.
bool TrailingLoggerBody(std::string_view s, size_t pos, Header* out, Miss* miss, bool need_logger);

}  // namespace faultline::layout
