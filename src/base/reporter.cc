#include "src/base/reporter.h"

#include <cstdio>

namespace faultline {

void Reporter::InputProblem(const std::string& path, const std::string& message) {
  ++input_problems_;
  if (!quiet_) std::fprintf(stderr, "faultline: %s: %s\n", path.c_str(), message.c_str());
}

void Reporter::Warning(const std::string& message) {
  if (!quiet_) std::fprintf(stderr, "faultline: warning: %s\n", message.c_str());
}

void Reporter::Error(const std::string& message) {
  ++errors_;
  if (!quiet_) std::fprintf(stderr, "faultline: error: %s\n", message.c_str());
}

}  // namespace faultline
