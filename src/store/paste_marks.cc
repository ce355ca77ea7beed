#include "src/store/paste_marks.h"

#include <algorithm>
#include <cstring>

#include "parsers/continuation.h"

namespace faultline {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of a colour code without its ESC at `pos` ("[0m", "[1;33m", "[38;5;6m"), else 0.
size_t OrphanColourLength(std::string_view line, size_t pos) {
  if (pos + 2 >= line.size() || line[pos] != '[' || !IsDigit(line[pos + 1])) return 0;
  size_t end = pos + 1;
  while (end < line.size() && end - pos <= 16 && (IsDigit(line[end]) || line[end] == ';')) ++end;
  return end < line.size() && line[end] == 'm' ? end + 1 - pos : 0;
}

// What a copy printed in place of a colour code's ESC, just cut from `text`'s end: '?' (a
// console that could not show it, "?[32mINFO?[0m:"), U+FFFD, or the caret notation "^[".
void DropEscapeStandIn(std::string* text) {
  if (text->ends_with("\xEF\xBF\xBD")) {
    text->resize(text->size() - 3);
  } else if (text->ends_with("^[")) {
    text->resize(text->size() - 2);
  } else if (text->ends_with('?')) {
    text->pop_back();
  }
}

bool HasOrphanColour(std::string_view line) {
  for (size_t pos = line.find('['); pos != std::string_view::npos; pos = line.find('[', pos + 1)) {
    if (OrphanColourLength(line, pos) > 0) return true;
  }
  return false;
}

// The length of an escape sequence at `pos` (line[pos] is ESC): a CSI sequence ("ESC [ params
// final", colours and cursor moves) whole; any other escape, the ESC and the byte after it.
size_t EscapeLength(std::string_view line, size_t pos) {
  size_t end = pos + 1;
  if (end < line.size() && line[end] == '[') {
    ++end;
    while (end < line.size() && line[end] >= 0x20 && line[end] <= 0x3F) ++end;
    return end < line.size() && line[end] >= 0x40 && line[end] <= 0x7E ? end + 1 - pos : end - pos;
  }
  return end < line.size() ? 2 : 1;
}

// The length of a web page's space at `pos` (UTF-8 of U+00A0, U+3000, U+200B or U+FEFF), else 0;
// *replacement is what stands for it (" ", or nothing for the zero-width ones).
size_t WebSpaceLength(std::string_view line, size_t pos, std::string_view* replacement) {
  std::string_view rest = line.substr(pos);
  if (rest.starts_with("\xC2\xA0")) return *replacement = " ", 2;
  if (rest.starts_with("\xE3\x80\x80")) return *replacement = " ", 3;
  if (rest.starts_with("\xE2\x80\x8B") || rest.starts_with("\xEF\xBB\xBF")) {
    return *replacement = "", 3;
  }
  return 0;
}

bool HasWebSpace(std::string_view line) {
  std::string_view replacement;
  for (size_t pos = 0; pos < line.size(); ++pos) {
    unsigned char c = static_cast<unsigned char>(line[pos]);
    if ((c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) &&
        WebSpaceLength(line, pos, &replacement) > 0) {
      return true;
    }
  }
  return false;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The blanks all the lines of `head` that hold text start with (after their quote marks), when
// they are an indentation of the whole block: two lines or more, two spaces or a tab, and some
// line under them that starts a record rather than continuing one (a head of stack frames only
// is indented by the frames' own indentation).
std::string CommonIndent(const std::deque<std::string>& head, bool quoted) {
  constexpr size_t kMaxIndent = 16;
  auto unquoted = [quoted](const std::string& line) {
    return quoted && !line.empty() && line[0] == '>' ? StripQuoteMarks(line)
                                                     : std::string_view(line);
  };
  std::string_view common;
  int lines = 0;
  for (const std::string& whole : head) {
    std::string_view line = unquoted(whole);
    size_t text = 0;
    while (text < line.size() && IsBlank(line[text])) ++text;
    if (text == line.size()) continue;  // blank: says nothing
    std::string_view blanks = line.substr(0, std::min(text, kMaxIndent));
    size_t same = 0;
    while (same < common.size() && same < blanks.size() && common[same] == blanks[same]) ++same;
    common = lines++ == 0 ? blanks : common.substr(0, same);
    if (common.empty()) return "";
  }
  if (lines < 2 || (common.size() < 2 && common.find('\t') == std::string_view::npos)) return "";
  for (const std::string& whole : head) {
    std::string_view rest = unquoted(whole).substr(common.size());
    if (!rest.empty() && !IsBlank(rest[0]) && !IsContinuationLine(rest)) return std::string(common);
  }
  return "";
}

// The length of a console gutter at the start of `line`: blanks, '|', then one blank or the end
// ("  | msg", "| msg", "  |"); 0 when there is none.
size_t GutterLength(std::string_view line) {
  size_t pos = 0;
  while (pos < line.size() && pos < 8 && line[pos] == ' ') ++pos;
  if (pos >= line.size() || line[pos] != '|') return 0;
  ++pos;
  if (pos == line.size()) return pos;
  return line[pos] == ' ' ? pos + 1 : 0;
}

}  // namespace

PasteMarks DetectPasteMarks(const std::deque<std::string>& head) {
  PasteMarks marks;
  int nonempty = 0, quoted = 0, orphans = 0, guttered = 0, table_rows = 0;
  for (const std::string& line : head) {
    if (line.empty()) continue;
    ++nonempty;
    if (line[0] == '>') ++quoted;
    if (GutterLength(line) > 0) {
      ++guttered;
      // A Markdown table's row also starts with "| ", and ends with '|'.
      if (line.size() > 2 && line.back() == '|') ++table_rows;
    }
    if (line.find('\x1b') != std::string::npos) marks.escapes = true;
    if (HasOrphanColour(line)) ++orphans;
    if (!marks.web_spaces && HasWebSpace(line)) marks.web_spaces = true;
  }
  // A log line never starts with '>' otherwise, so half of them is a safe bar; one bracketed
  // "[0m" could be a message's own text, two lines of them are a terminal's.
  marks.quoted = quoted >= 2 && quoted * 2 >= nonempty;
  marks.orphan_colours = orphans >= 2;
  // As with quote marks: no layout starts a line with a bar, but a table's rows do.
  marks.gutter = guttered >= 2 && guttered * 2 >= nonempty && table_rows * 2 < guttered;
  // A gutter's blanks are the gutter's, not an indentation of the block.
  if (!marks.gutter) marks.indent = CommonIndent(head, marks.quoted);
  return marks;
}

std::string_view StripQuoteMarks(std::string_view line) {
  size_t pos = 0;
  // ">", ">>", "> > ": one mark per reply level, then the one space the mail client put after
  // them.
  while (pos < line.size() && line[pos] == '>') {
    ++pos;
    if (pos + 1 < line.size() && line[pos] == ' ' && line[pos + 1] == '>') ++pos;
  }
  if (pos > 0 && pos < line.size() && line[pos] == ' ') ++pos;
  return line.substr(pos);
}

std::string_view StripGutter(std::string_view line) { return line.substr(GutterLength(line)); }

std::string_view CleanPastedLine(std::string_view line, const PasteMarks& marks,
                                 std::string* scratch) {
  if (marks.gutter) line = StripGutter(line);
  if (marks.quoted && !line.empty() && line[0] == '>') line = StripQuoteMarks(line);
  if (!marks.indent.empty() && line.starts_with(marks.indent))
    line.remove_prefix(marks.indent.size());
  bool escapes = marks.escapes && line.find('\x1b') != std::string_view::npos;
  bool orphans = marks.orphan_colours && HasOrphanColour(line);
  bool web_spaces = marks.web_spaces && HasWebSpace(line);
  if (!escapes && !orphans && !web_spaces) return line;
  scratch->clear();
  for (size_t pos = 0; pos < line.size();) {
    size_t cut = 0;
    if (line[pos] == '\x1b') {
      cut = EscapeLength(line, pos);
    } else if (orphans && line[pos] == '[') {
      cut = OrphanColourLength(line, pos);
      if (cut > 0) DropEscapeStandIn(scratch);
    } else if (web_spaces) {
      std::string_view replacement;
      cut = WebSpaceLength(line, pos, &replacement);
      scratch->append(replacement);
    }
    if (cut > 0) {
      pos += cut;
      continue;
    }
    scratch->push_back(line[pos++]);
  }
  return *scratch;
}

}  // namespace faultline
