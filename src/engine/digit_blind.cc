#include "src/engine/digit_blind.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace faultline {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `{n}`, `{n,}` or `{n,m}` at `i`; its length, or 0 when RE2 would read a literal '{'.
size_t RepeatLength(std::string_view p, size_t i) {
  size_t j = i + 1;
  size_t digits = 0;
  while (j < p.size() && IsDigit(p[j])) ++j, ++digits;
  if (digits == 0) return 0;
  if (j < p.size() && p[j] == ',') {
    ++j;
    while (j < p.size() && IsDigit(p[j])) ++j;
  }
  return j < p.size() && p[j] == '}' ? j + 1 - i : 0;
}

// The end of a `\p{Name}` or `\pN` class escape starting at `i` (the backslash), or npos.
size_t UnicodeClassEnd(std::string_view p, size_t i) {
  if (i + 2 >= p.size()) return std::string_view::npos;
  if (p[i + 2] != '{') return i + 3;
  size_t close = p.find('}', i + 2);
  return close == std::string_view::npos ? close : close + 1;
}

// An escape whose meaning depends on digits written in the pattern (octal, hex, a back
// reference, quoted text, any byte): the relaxation gives up on it.
bool OpaqueEscape(char c) { return IsDigit(c) || c == 'x' || c == 'Q' || c == 'C'; }

// A class `[...]` starting at `i`: appended to `*out` so that it names all digits or none;
// returns the index after it, or npos when it cannot be relaxed.
size_t RelaxClass(std::string_view p, size_t i, std::string* out) {
  constexpr size_t kFail = std::string_view::npos;
  size_t start = i++;
  bool negated = i < p.size() && p[i] == '^';
  if (negated) ++i;
  bool partial_digits = false;
  bool first = true;
  // One endpoint of a range, or a lone character: its byte, or -1 for a multi-character class
  // (\d, \w, [:alpha:], \pN), which names all digits or none.
  auto read_item = [&](size_t* at) -> int {
    size_t k = *at;
    if (p[k] == '[' && k + 1 < p.size() && p[k + 1] == ':') {
      size_t close = p.find(":]", k + 2);
      if (close == kFail) return -2;
      *at = close + 2;
      return -1;
    }
    if (p[k] != '\\') {
      *at = k + 1;
      return static_cast<unsigned char>(p[k]);
    }
    if (k + 1 >= p.size() || OpaqueEscape(p[k + 1])) return -2;
    char e = p[k + 1];
    if (e == 'p' || e == 'P') {
      size_t end = UnicodeClassEnd(p, k);
      if (end == kFail) return -2;
      *at = end;
      return -1;
    }
    *at = k + 2;
    if (e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 's' || e == 'S') return -1;
    return static_cast<unsigned char>(e);  // an escaped punctuation mark or control letter
  };
  while (i < p.size() && (p[i] != ']' || first)) {
    first = false;
    int lo = read_item(&i);
    if (lo == -2) return kFail;
    int hi = lo;
    if (lo >= 0 && i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      ++i;
      hi = read_item(&i);
      if (hi < 0) return kFail;  // a range needs two characters
    }
    if (lo < 0) continue;
    bool some = lo <= '9' && hi >= '0', all = lo <= '0' && hi >= '9';
    if (some && !all) partial_digits = true;
  }
  if (i >= p.size()) return kFail;  // no closing bracket: RE2 rejects it anyway
  if (partial_digits && negated) return kFail;
  out->append(p.substr(start, i - start));
  if (partial_digits) out->append("0-9");
  out->push_back(']');
  return i + 1;
}

}  // namespace

std::optional<std::string> DigitBlindPattern(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 8);
  size_t i = 0;
  while (i < p.size()) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size() || OpaqueEscape(p[i + 1])) return std::nullopt;
      size_t end = i + 2;
      if (p[i + 1] == 'p' || p[i + 1] == 'P') {
        end = UnicodeClassEnd(p, i);
        if (end == std::string_view::npos) return std::nullopt;
      }
      out.append(p.substr(i, end - i));
      i = end;
    } else if (c == '[') {
      i = RelaxClass(p, i, &out);
      if (i == std::string_view::npos) return std::nullopt;
    } else if (c == '{' && RepeatLength(p, i) > 0) {
      size_t n = RepeatLength(p, i);
      out.append(p.substr(i, n));
      i += n;
    } else if (c == '(' && (p.substr(i).starts_with("(?P<") || p.substr(i).starts_with("(?<"))) {
      size_t close = p.find('>', i);  // a group's name may hold digits: not text to match
      if (close == std::string_view::npos) return std::nullopt;
      out.append(p.substr(i, close + 1 - i));
      i = close + 1;
    } else if (IsDigit(c)) {
      out.append("\\d");
      ++i;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

void NormalizeDigits(std::string_view text, std::string* out) {
  out->resize(text.size());
  char* to = out->data();
  const char* from = text.data();
  size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time (it runs for every text the memo has not seen): a byte is a digit
  // when, read as signed, it lies between '0' and '9' (bytes of UTF-8 sequences are negative).
  const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1),
                zero = _mm_set1_epi8('0');
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + i));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above));
    v = _mm_or_si128(_mm_andnot_si128(digit, v), _mm_and_si128(digit, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to + i), v);
  }
#endif
  for (; i < text.size(); ++i) to[i] = IsDigit(from[i]) ? '0' : from[i];
}

}  // namespace faultline
