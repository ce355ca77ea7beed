// Durations as users write them: "500ms", "30s", "5m", "2h", "1d", "1.5s", "250us"; a bare
// number is seconds. Signed forms ("+2s", "-350ms") are for --skew.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace faultline {

/// Parses a non-negative duration into microseconds. On failure returns false and sets *err to
/// a sentence naming the problem.
bool ParseDuration(std::string_view text, int64_t* micros, std::string* err);

/// Like ParseDuration, with an optional leading '+' or '-'.
bool ParseSignedDuration(std::string_view text, int64_t* micros, std::string* err);

/// "1.5s", "250ms", "150s", "5m": a short exact rendering, for messages.
std::string FormatDuration(int64_t micros);

}  // namespace faultline
