// The table of parsers: one place that --format, detection, `sources --explain` and the sample
// test all walk. Order matters: on equal detection scores the earlier, more specific parser wins.
// The two fallbacks come last: `timeless` (header lines without a time) and `generic` (any line
// that starts with a timestamp); the record assembler tries both on lines its parser does not
// take, and per-line detection (standard input) picks neither.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "parsers/parser.h"

namespace faultline {

const Parser& ZooKeeperLogParser();
const Parser& HadoopLogParser();
const Parser& JavaLogParser();
const Parser& LogbackLogParser();
const Parser& PythonLogParser();
const Parser& JsonLogParser();
const Parser& LogfmtLogParser();
const Parser& CsvLogParser();
const Parser& TimelessLogParser();
const Parser& GenericLogParser();

/// Every parser, most specific first; the timeless and generic fallbacks are last.
std::span<const Parser* const> AllParsers();

/// The parser called `name`, or nullptr.
const Parser* FindParser(std::string_view name);

/// "zookeeper, hadoop, java, logback, python, json, logfmt, ..., timeless, generic": for help
/// texts and errors.
std::string ParserNames();

}  // namespace faultline
