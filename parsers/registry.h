// The table of parsers: one place that --format, detection, `sources --explain` and the sample
// test all walk. Order matters: on equal detection scores the earlier, more specific parser wins.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "parsers/parser.h"

namespace faultline {

const Parser& ZooKeeperLogParser();
const Parser& HadoopLogParser();
const Parser& PythonLogParser();
const Parser& GenericLogParser();

/// Every parser, most specific first; the generic fallback is last.
std::span<const Parser* const> AllParsers();

/// The parser called `name`, or nullptr.
const Parser* FindParser(std::string_view name);

/// "zookeeper, hadoop, python, generic": for help texts and error messages.
std::string ParserNames();

}  // namespace faultline
