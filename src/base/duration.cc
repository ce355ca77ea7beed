#include "src/base/duration.h"

#include <cmath>

namespace faultline {
namespace {

struct Unit {
  std::string_view suffix;
  int64_t micros;
};
// Longest suffixes first so "ms" is not read as "m" followed by junk.
constexpr Unit kUnits[] = {{"us", 1},         {"ms", 1000},         {"s", 1'000'000},
                           {"m", 60'000'000}, {"h", 3'600'000'000}, {"d", 86'400'000'000}};

}  // namespace

bool ParseDuration(std::string_view text, int64_t* micros, std::string* err) {
  std::string shown(text);
  if (text.empty()) return *err = "empty duration", false;
  size_t pos = 0;
  double value = 0;
  bool digits = false;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos++] - '0');
    digits = true;
  }
  if (pos < text.size() && text[pos] == '.') {
    double scale = 0.1;
    for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      value += (text[pos] - '0') * scale;
      scale /= 10;
      digits = true;
    }
  }
  if (!digits) {
    *err = "bad duration '" + shown + "': expected a number then a unit (500ms, 30s, 5m, 2h)";
    return false;
  }
  std::string_view suffix = text.substr(pos);
  int64_t unit = 0;
  if (suffix.empty()) unit = 1'000'000;
  for (const Unit& u : kUnits) {
    if (suffix == u.suffix) unit = u.micros;
  }
  if (unit == 0) {
    *err = "bad duration '" + shown + "': unknown unit '" + std::string(suffix) +
           "' (use us, ms, s, m, h or d)";
    return false;
  }
  double result = value * static_cast<double>(unit);
  if (result > 9.0e18) return *err = "duration '" + shown + "' is too large", false;
  *micros = static_cast<int64_t>(std::llround(result));
  return true;
}

bool ParseSignedDuration(std::string_view text, int64_t* micros, std::string* err) {
  bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (!ParseDuration(text, micros, err)) return false;
  if (negative) *micros = -*micros;
  return true;
}

std::string FormatDuration(int64_t micros) {
  std::string sign = micros < 0 ? "-" : "";
  int64_t v = micros < 0 ? -micros : micros;
  if (v == 0) return "0s";
  if (v % 1000 != 0) return sign + std::to_string(v) + "us";
  if (v < 1'000'000) return sign + std::to_string(v / 1000) + "ms";
  if (v % 1'000'000 != 0) {
    if (v >= 60'000'000) return sign + std::to_string(v / 1000) + "ms";
    std::string frac = std::to_string(v / 1000 % 1000);  // 1500ms reads better as 1.5s
    frac.insert(0, 3 - frac.size(), '0');
    while (frac.back() == '0') frac.pop_back();
    return sign + std::to_string(v / 1'000'000) + "." + frac + "s";
  }
  int64_t s = v / 1'000'000;
  if (s % 3600 == 0) return sign + std::to_string(s / 3600) + "h";
  if (s % 60 == 0) return sign + std::to_string(s / 60) + "m";
  return sign + std::to_string(s) + "s";
}

}  // namespace faultline
