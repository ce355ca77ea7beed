// Output helpers: instants as text, JSON string escaping (invalid UTF-8 becomes U+FFFD, so
// every line of NDJSON is valid JSON whatever bytes the log held).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace faultline {

/// "2019-09-17T05:04:12.043Z" (separator 'T', with 'Z') or "2019-09-17 05:04:12.043"
/// (separator ' ', no zone), with `precision` fractional digits (0, 3 or 6).
void AppendInstant(std::string* out, int64_t micros, int precision, bool iso);

/// Appends `text` as a quoted JSON string.
void AppendJsonString(std::string* out, std::string_view text);

// The same, written at a pointer into a buffer the caller made large enough (the hot output
// paths: one bound per event instead of a capacity check per character). Each returns the end.
inline constexpr size_t kMaxInstantChars = 32;
/// Bytes WriteJsonString may need: quotes, and at most 6 per input byte ("\u001f").
inline size_t JsonStringBound(std::string_view text) { return 2 + 6 * text.size(); }
char* WriteInstant(char* p, int64_t micros, int precision, bool iso);
char* WriteJsonString(char* p, std::string_view text);

/// Length of the valid UTF-8 sequence at text[i] (RFC 3629: no overlong forms, no surrogates, at
/// most U+10FFFF; 1 for ASCII), or 0 if it is not one.
size_t Utf8SequenceLength(std::string_view text, size_t i);
/// Appends code point `cp` as UTF-8 (U+FFFD for a surrogate or a value past U+10FFFF).
void AppendUtf8(std::string* out, uint32_t cp);
/// True if `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace faultline
