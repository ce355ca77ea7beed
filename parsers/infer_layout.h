// A layout for a file that no built-in layout reads: the fields its header lines share, found in
// its first lines and written as a logging pattern, which then compiles and reads every line as
// a configured layout would (one pass from the left, no guessing per line).
//
//   std::vector<std::string_view> first_lines = ...;
//   InferredLayout inferred = InferLayout(first_lines);
//   // inferred.pattern: "[%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %-1c] %m%n"
//   if (inferred.parser) inferred.parser->ParseHeader(line, &header, &miss);
//
// A line is read field by field from its start: a time of any shape the date table knows (ISO
// 8601 with ' ' or 'T', slashes, dots, month names, US month-first, day-first with dashes or
// dots, the date's digits run together, the Common Log Format's, a time of day, RFC 1123),
// a level word in any case (padded, in [], () or <>; servers' own: PostgreSQL's "LOG", syslog's
// "notice"), a bracketed or parenthesised thread or logger (told apart by what they hold), a
// dotted or `::` logger, `Class:line`, `File.java:line`,
// a class name before ": " after a bracketed thread, a name between tabs after the level (zap's
// console encoder), a level's initial before a component and a bracketed thread (MongoDB's
// "I REPL     [rsSync]"), a hexadecimal thread id, the JVM's tag sets ("[gc,heap]") as the logger,
// nginx's "pid#tid:", an epoch time, an Erlang process id, a module and its level in one bracket
// ("[mpm_event:notice]"), a number before a bracketed level or glued after a bracketed time as the
// thread (MySQL, Envoy), fields joined by bare colons up to the thread (Jetty), a quoted message in
// brackets (TiDB), the JVM's uptime after the date, a class and its line in one bracket
// ("[com.x.Listener:72]"), logrus' level with the seconds since start glued to it ("INFO[0038]",
// its trailing key=value fields not message), a CamelCase class padded after the level, a class
// before its "(File.java:line)", loguru's "name:function:line", lager's "<pid>@mod:fun:line", a
// thread's id after its key ("[id=34]"), Java's "Class#method" before ": " (Jenkins'), and
// the separators between them (" - ", ": ", " | ", "] "). A second pass reads what only the file as
// a whole marks as a field: a plain word before ": " after the level where other lines have an
// "a::b" logger there, a bracketed logger as text where another line's has colons. Once a logger is
// read, a bracketed name or a word before " - " is the thread. The first thing that is none of
// these starts the message. The file's layout is the longest field sequence that most of its header
// lines begin with; a word is a logger only where the line marks it so (a separator after it, dots,
// a level after it), because a logger read wrong is worse than none; for the same reason digits and
// punctuation at the line's start (a time the table lacks) are no thread.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "parsers/pattern_parser.h"

namespace faultline {

struct InferredLayout {
  std::string pattern;  ///< log4j syntax; empty when the lines agree on no layout
  int lines_read = 0;   ///< header lines of the sample that the pattern reads
  std::shared_ptr<PatternParser> parser;
};

/// The layout most of `lines` share, when it has at least two fields (a time or a level, and one
/// more; or a level in brackets alone at the line's start) and reads at least two of them (one
/// when the sample has just one header line).
InferredLayout InferLayout(std::span<const std::string_view> lines);

/// The fields InferLayout reads at the start of one line, as a pattern ("" when none).
std::string InferLinePattern(std::string_view line);

}  // namespace faultline
