// Percent-escaping for text fields that must hold no space or control byte: the scan state file's
// paths and fingerprints, a ClickHouse URL's user and password.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

/// Appends `text` with '%', space, the control bytes 0x00-0x1F and 0x7F written as "%XX"
/// (upper-case hex); every other byte, UTF-8 included, as it is.
void AppendPercentEscaped(std::string_view text, std::string* out);

/// Undoes it into *out (either case of hex). False for a '%' not followed by two hex digits and
/// for a raw byte the writer always escapes.
bool PercentUnescape(std::string_view text, std::string* out);

}  // namespace faultline
