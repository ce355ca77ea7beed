#include "src/engine/rule_comments.h"

#include <array>

namespace faultline {
namespace {

enum class In { kNothing, kBasic, kLiteral, kMultiBasic, kMultiLiteral };

// The bytes the copy looks at: a line's end, a comment, quotes, an escape. No other byte changes
// what is inside a string or a comment.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  for (unsigned char c : std::string_view("\n#\"'\\")) special[c] = true;
  return special;
}();

// The length of the run of `quote` characters at `i`.
size_t RunOf(std::string_view s, size_t i, char quote) {
  size_t n = 0;
  while (i + n < s.size() && s[i + n] == quote) ++n;
  return n;
}

}  // namespace

std::string BlankCommentLines(std::string_view toml) {
  std::string out;
  out.reserve(toml.size());
  In in = In::kNothing;
  size_t i = 0;
  while (i < toml.size()) {
    // At the start of a line.
    size_t first = toml.find_first_not_of(" \t", i);
    if (in == In::kNothing && first != std::string_view::npos && toml[first] == '#') {
      size_t end = toml.find('\n', first);
      if (end == std::string_view::npos) break;
      out.push_back('\n');
      i = end + 1;
      continue;
    }
    // Copy the line, following the strings it opens and closes: the bytes that change nothing
    // are copied in runs (one byte at a time, this was a tenth of a short run's start).
    while (i < toml.size()) {
      size_t plain = i;
      while (plain < toml.size() && !kSpecial[static_cast<unsigned char>(toml[plain])]) ++plain;
      out.append(toml.substr(i, plain - i));
      i = plain;
      if (i == toml.size()) break;
      char c = toml[i];
      out.push_back(c);
      ++i;
      if (c == '\n') {
        if (in == In::kBasic || in == In::kLiteral)
          in = In::kNothing;  // not TOML; the parser says so
        break;
      }
      switch (in) {
        case In::kNothing:
          if (c == '#') {  // a comment after a value: copied as it is, up to the newline
            while (i < toml.size() && toml[i] != '\n') out.push_back(toml[i++]);
          } else if (c == '"' || c == '\'') {
            size_t run = RunOf(toml, i - 1, c);
            if (run >= 3) {
              out.append(toml.substr(i, 2));
              i += 2;
              in = c == '"' ? In::kMultiBasic : In::kMultiLiteral;
            } else {
              in = c == '"' ? In::kBasic : In::kLiteral;
            }
          }
          break;
        case In::kBasic:
          if (c == '\\' && i < toml.size() && toml[i] != '\n')
            out.push_back(toml[i++]);
          else if (c == '"')
            in = In::kNothing;
          break;
        case In::kLiteral:
          if (c == '\'') in = In::kNothing;
          break;
        case In::kMultiBasic:
        case In::kMultiLiteral: {
          char quote = in == In::kMultiBasic ? '"' : '\'';
          if (in == In::kMultiBasic && c == '\\' && i < toml.size()) {
            out.push_back(toml[i++]);
          } else if (c == quote) {
            // Three or more quotes close the string (up to two before them are its text).
            size_t run = RunOf(toml, i - 1, quote);
            out.append(toml.substr(i, run - 1));
            i += run - 1;
            if (run >= 3) in = In::kNothing;
          }
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace faultline
