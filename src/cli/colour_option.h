// --color auto|always|never, the same on every subcommand (auto: on a terminal, unless NO_COLOR
// is set or TERM=dumb; see src/base/terminal.h).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace faultline {

void AddColorOption(CLI::App* app, std::string* mode);

/// Severity words coloured as the text report colours them ("" when `colour` is false).
const char* SeverityColour(std::string_view severity, bool colour);
inline const char* ColourReset(bool colour) { return colour ? "\033[0m" : ""; }

}  // namespace faultline
