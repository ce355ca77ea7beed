#include "src/cli/html_escape.h"

#include "src/base/text_out.h"

namespace faultline {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

void AppendHtmlEscaped(std::string* out, std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t n = Utf8SequenceLength(text, i);
      if (n == 0) {
        out->append(kReplacement);
        ++i;
      } else {
        out->append(text.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      case '\t':
      case '\n':
        out->push_back(static_cast<char>(c));
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out->append(kReplacement);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  AppendHtmlEscaped(&out, text);
  return out;
}

}  // namespace faultline
