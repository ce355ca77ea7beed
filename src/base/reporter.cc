#include "src/base/reporter.h"

#include <cstdio>

#include "src/base/progress.h"

namespace faultline {
namespace {

// A status line on the same terminal is erased first, so the message starts a clean line.
void Say(const std::string& line) {
  Progress::ClearActive();
  std::fputs(line.c_str(), stderr);
}

}  // namespace

void Reporter::InputProblem(const std::string& path, const std::string& message) {
  ++input_problems_;
  if (!quiet_) Say("faultline: " + path + ": " + message + "\n");
}

void Reporter::Warning(const std::string& message) {
  if (!quiet_) Say("faultline: warning: " + message + "\n");
}

void Reporter::Error(const std::string& message) {
  ++errors_;
  if (!quiet_) Say("faultline: error: " + message + "\n");
}

}  // namespace faultline
