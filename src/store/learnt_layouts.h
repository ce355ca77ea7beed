// Layouts a user teaches faultline: --layout PATTERN (for every input or, as HOST=PATTERN, for
// one host's) and the logging configs among the inputs or given with --config (log4j.properties,
// log4j2.xml/.properties, logback.xml, Python logging.conf or dictConfig YAML/JSON), whose
// appenders say the layout of the files they write.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/base/reporter.h"
#include "src/store/source_set.h"

namespace faultline {

/// Adds a --layout: "PATTERN" or "HOST=PATTERN". The syntax (log4j or Python) is guessed from the
/// pattern; `datefmt` is a Python datefmt. False and *error when the pattern does not compile.
bool AddUserLayout(std::string_view spec, std::string_view datefmt, OpenOptions* open,
                   std::string* error);

/// Takes the logging configs out of *configs (zoo.cfg and the site files stay for the rules) and
/// adds the layouts their appenders define to open->layouts. What cannot be read is a warning;
/// the rest goes on. Returns the logging configs read.
std::vector<std::string> LearnLayoutsFromConfigs(std::vector<std::string>* configs,
                                                 OpenOptions* open, Reporter* reporter);

}  // namespace faultline
