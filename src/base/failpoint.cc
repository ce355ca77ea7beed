#include "src/base/failpoint.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace faultline {

void Failpoint(std::string_view name) {
  static const char* spec = std::getenv("FAULTLINE_FAILPOINT");
  if (spec == nullptr || *spec == '\0') return;
  std::string_view want(spec);
  long nth = 1;
  if (size_t at = want.find('@'); at != std::string_view::npos) {
    nth = std::strtol(spec + at + 1, nullptr, 10);
    want = want.substr(0, at);
  }
  if (want != name) return;
  static long passes = 0;
  if (++passes < nth) return;
  kill(getpid(), SIGKILL);
  _exit(137);  // not reached
}

}  // namespace faultline
