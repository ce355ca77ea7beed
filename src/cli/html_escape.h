// Escaping for the HTML report: every piece of text in it, log lines above all, is untrusted.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

/// Appends `text` escaped for HTML text and for a double- or single-quoted attribute value:
/// & < > " ' become entities; invalid UTF-8 and control characters other than tab and newline
/// become U+FFFD (a NUL or a stray byte must not reach the parser). Safe inside <title> too.
void AppendHtmlEscaped(std::string* out, std::string_view text);

/// The same, returned.
std::string HtmlEscape(std::string_view text);

}  // namespace faultline
