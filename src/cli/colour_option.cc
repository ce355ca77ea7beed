#include "src/cli/colour_option.h"

namespace faultline {

void AddColorOption(CLI::App* app, std::string* mode) {
  app->add_option("--color", *mode,
                  "Colour: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

const char* SeverityColour(std::string_view severity, bool colour) {
  if (!colour) return "";
  if (severity == "critical") return "\033[1;31m";
  if (severity == "warning") return "\033[33m";
  return "";
}

}  // namespace faultline
