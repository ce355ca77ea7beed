// Patterns that cannot tell one digit from another. Logs repeat their messages with only the
// numbers changed (a session id, a port, a zxid, a duration), so a text whose digits are all
// written as '0' repeats far more often than the text itself: 66% of zk-100MB.log's messages
// repeat byte for byte within the memo's reach, 92% once their digits are normalised. The answer
// of a pattern that treats every ASCII digit alike (`\d`, `.`, `\S`, `[0-9a-f]`, no digit of its
// own) is the same for a text and its normalised form; PatternSet remembers those answers by the
// normalised text, and asks about the others (a pattern naming port 8485, an error code) only
// when a digit-blind superset of them matches.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace faultline {

/// An RE2 pattern matching at least what `pattern` matches and treating all ASCII digits alike:
/// a digit written in the pattern becomes `\d`, a class naming some digits names them all (a
/// negated one is refused). The same text when the pattern already treats digits alike;
/// nullopt when this cannot be decided from the text (octal, hex or `\Q` escapes, a negated class
/// naming digits): such a pattern has to be asked about every text.
std::optional<std::string> DigitBlindPattern(std::string_view pattern);

/// `text` with every ASCII digit written as '0', into `*out` (which keeps its capacity).
void NormalizeDigits(std::string_view text, std::string* out);

}  // namespace faultline
