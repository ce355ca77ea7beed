// The fallback: any line that starts with a recognisable timestamp (ISO 8601 with ' ' or 'T',
// any fraction, optional zone, optionally in brackets; "YYYY/MM/DD HH:MM:SS"; or any dated
// shape of parsers/date_shapes.h), so GC logs,
// shell-script logs and other daemons in the same directory still land on the timeline. The
// level is taken from the first few words after the time when one of them is a level name.
#include <array>

#include "parsers/date_shapes.h"
#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 1> kVariants = {"timestamp"};

constexpr Sample kSamples[] = {
    {"2019-09-17T05:04:12.618+0000: 12.345: [GC pause (G1 Evacuation Pause) (young) 1.2G->0.4G]",
     "timestamp", Level::kUnknown, "", "", -1,
     "12.345: [GC pause (G1 Evacuation Pause) (young) 1.2G->0.4G]"},
    {"[2019-09-17T05:04:12.618Z] ERROR something broke", "timestamp", Level::kError, "", "", -1,
     "something broke"},
};

// A level word right after the time ("ERROR something broke", "[WARN]  storage ...") is the
// line's level, not its message: bare in capitals or lower case, or in any case in brackets,
// and followed by more text.
void TakeLeadingLevel(std::string_view* message, Level* level) {
  std::string_view m = *message;
  char close = m.empty() ? 0 : m[0] == '[' ? ']' : m[0] == '(' ? ')' : m[0] == '<' ? '>' : 0;
  size_t begin = close ? 1 : 0;
  size_t end = scan::LetterWordEnd(m, begin);
  std::string_view word = m.substr(begin, end - begin);
  Level found;
  // "Info: msg", "Warning: msg": a capitalised level word is one only before its colon.
  bool capitalised = !close && word.size() >= 4 && scan::IsUpper(word[0]) && end < m.size() &&
                     m[end] == ':' && ParseLevel(word, &found);
  for (size_t i = 1; capitalised && i < word.size(); ++i) {
    capitalised = word[i] >= 'a' && word[i] <= 'z';
  }
  if (!capitalised &&
      (close ? word.size() < 3 || !ParseLevel(word, &found) : !scan::AnyLevel(word, &found))) {
    return;
  }
  if (close) {
    end = scan::SkipSpaces(m, end);
    if (end >= m.size() || m[end] != close) return;
    ++end;
  }
  if (end < m.size() && m[end] == ':') ++end;
  if (end >= m.size() || (m[end] != ' ' && m[end] != '\t')) return;
  while (end < m.size() && (m[end] == ' ' || m[end] == '\t')) ++end;
  if (end == m.size()) return;
  *level = found;
  *message = m.substr(end);
}

class GenericParser final : public Parser {
 public:
  std::string_view Name() const override { return "generic"; }
  std::string_view Description() const override {
    return "any line that starts with an ISO 8601-like timestamp";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    ScannedTime t;
    int column = 0;
    size_t pos = 0;
    if (ScanAnyIsoTime(s, &t, &column)) {
      pos = t.length;
      if (pos < s.size() && s[pos] != ' ' && s[pos] != ':' && s[pos] != ']' && s[pos] != '|' &&
          s[pos] != '\t') {
        return Fail(miss, pos, "timestamp runs into other text");
      }
    } else {
      // A date of another shape ("Thu, 31 Jan 2013 12:00:54 GMT, ...", "01-23-2020 16:56:52.579
      // INFO ..."); not a bare time of day, which prose has too.
      size_t start = !s.empty() && s[0] == '[' ? 1 : 0;  // "[Wed Feb 27 12:46:13 2019] ..."
      int shape = ReadDateShape(s, start, &t, &pos);
      if (shape < 0 || !DateShapeHasYear(shape) ||
          (start == 1 && (pos >= s.size() || s[pos] != ']'))) {
        return Fail(miss, column, "no timestamp at line start");
      }
      if (pos < s.size() && (s[pos] == ',' || s[pos] == ']')) ++pos;
    }
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == ':' || s[pos] == '\t')) ++pos;
    out->local = t.local;
    out->precision = t.precision == 0 ? 0 : t.precision;
    out->has_offset = t.has_offset;
    out->utc_offset_us = t.offset_us;
    out->variant = 0;
    out->myid = -1;
    out->code_line = -1;
    out->thread = out->logger = {};
    out->message = s.substr(pos);
    out->level = scan::LevelFromWords(out->message);
    TakeLeadingLevel(&out->message, &out->level);
    return true;
  }
};

}  // namespace

const Parser& GenericLogParser() {
  static const GenericParser parser;
  return parser;
}

}  // namespace faultline
