// The two families of logging patterns a layout may be written in. Shared by the pattern compiler
// (parsers/pattern_layout.h) and the logging-config reader (parsers/logging_config.h).
#pragma once

#include <cstdint>

namespace faultline {

enum class PatternSyntax : uint8_t {
  kLog4j,   ///< log4j 1.x / log4j2 / logback PatternLayout: "%d{ISO8601} %-5p [%t] %c: %m%n"
  kPython,  ///< Python logging: "%(asctime)s %(levelname)s %(name)s: %(message)s" (+ datefmt)
};

}  // namespace faultline
