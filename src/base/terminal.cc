#include "src/base/terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace faultline {

bool UseColour(const std::string& mode, std::FILE* stream) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force != nullptr && *force != '\0' && std::strcmp(force, "0") != 0) return true;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return isatty(fileno(stream)) != 0;
}

void OutputBuffer::Flush() {
  if (!text_.empty()) std::fwrite(text_.data(), 1, text_.size(), stream_);
  text_.clear();
  std::fflush(stream_);
}

}  // namespace faultline
