// The shapes a time may have in a log line faultline has no layout for, as Java date formats
// compiled once: ISO 8601 with ' ' or 'T', slashes, dots, US month-first, month names, RFC 1123,
// date(1), a time of day. Reading is lenient (date_format.h: ',' or '.', any fraction or none,
// an optional zone), so one shape stands for a family. The layout inference (infer_layout.h)
// writes the shape it found into the pattern; the generic fallback reads a dated line with it.
#pragma once

#include <cstddef>
#include <string_view>

#include "parsers/timestamp.h"

namespace faultline {

/// Reads a time at s[pos] with the shape that reads the longest one, ending where a field may
/// end (a blank, the end, or ] ) > : | ; ,). Returns the shape's index and sets *out and *end,
/// or returns -1. A bare time of day counts only with its fraction or before a level word
/// ("12:40:01 up 3 days" is prose).
int ReadDateShape(std::string_view s, size_t pos, ScannedTime* out, size_t* end);

/// Whether a field may end at s[pos]: the end, a blank, or one of ] ) > : | ; , (what layouts
/// put after a time, a level or a name).
bool FieldEndsAt(std::string_view s, size_t pos);

/// The Java date format of shape `index` ("yyyy-MM-dd HH:mm:ss.SSSXXX").
std::string_view DateShapeFormat(int index);

/// Whether shape `index` writes a year (all but the time of day).
bool DateShapeHasYear(int index);

}  // namespace faultline
