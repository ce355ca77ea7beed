// What copying a log around leaves on its lines, undone before any parser sees them: the quote
// marks of a mailing-list reply ("> 2019-09-17 ..."), and terminal colour codes - the escape
// sequences of `docker logs` or a CI console saved to a file ("\x1b[33mWARN\x1b[0m"), or what is
// left of them when a terminal's text is copied without the escape byte ("[33mWARN[0m"), and
// the spaces of a web page a log was copied from (no-break spaces for "&nbsp;", ideographic
// spaces, zero-width spaces), which no layout expects between its fields; the gutter a web
// console draws before each line of a pod's log ("  | 2018-03-27 ..." from OpenShift's), which
// would make every line after the first a continuation; and the indentation of a whole pasted
// block.
// Decided once per input from its first lines, so a log without them costs nothing per line.
#pragma once

#include <deque>
#include <string>
#include <string_view>

namespace faultline {

struct PasteMarks {
  bool quoted = false;          ///< most lines start with '>'
  bool escapes = false;         ///< some line holds an ESC byte
  bool orphan_colours = false;  ///< lines hold "[33m"-style colour codes without their ESC
  bool web_spaces = false;      ///< U+00A0, U+3000 (read as ' ') or U+200B, U+FEFF (dropped)
  bool gutter = false;          ///< most lines start with "  | " (blanks, a bar, a blank)
  /// The blanks every line starts with: a log pasted as a Markdown code block or indented in a
  /// mail or a wiki ("    2019-...", "\t[main] INFO ..."). Taken off every line that has them;
  /// a stack frame keeps the indentation it has beyond them.
  std::string indent;
  bool any() const {
    return quoted || escapes || orphan_colours || web_spaces || gutter || !indent.empty();
  }
};

/// What the first lines of an input (the lines read ahead for detection) show.
PasteMarks DetectPasteMarks(const std::deque<std::string>& head);

/// An e-mail reply's quote marks and the space after them ("> ", ">> ", "> > "); a stack frame's
/// own indentation after them stays.
std::string_view StripQuoteMarks(std::string_view line);

/// A console's gutter ("  | ", "| ", a bare "  |"); `line` unchanged without one.
std::string_view StripGutter(std::string_view line);

/// `line` without the marks `marks` names. Returns a view of `line`, or of `*scratch` when codes
/// had to be cut out of its middle (the scratch string is reused: no allocation once grown).
std::string_view CleanPastedLine(std::string_view line, const PasteMarks& marks,
                                 std::string* scratch);

}  // namespace faultline
