#include "src/base/text_out.h"

#include <date/date.h>

#include <array>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace faultline {
namespace {

// "00" to "99": two digits per division.
constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> table{};
  for (int i = 0; i < 100; ++i) {
    table[2 * i] = static_cast<char>('0' + i / 10);
    table[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return table;
}();

// Writes `value` (0 <= value < 10^width) as exactly `width` digits at buf.
void PutDigits(char* buf, int64_t value, int width) {
  auto rest = static_cast<uint32_t>(value);
  int i = width;
  for (; i >= 2; i -= 2) {
    std::memcpy(buf + i - 2, &kDigitPairs[2 * (rest % 100)], 2);
    rest /= 100;
  }
  if (i == 1) buf[0] = static_cast<char>('0' + rest % 10);
}

// Bytes a JSON string takes as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kJsonPlain = [] {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  return table;
}();

}  // namespace

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n;
  uint32_t min;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0)
    n = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0)
    n = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0)
    n = 4, min = 0x10000;
  else
    return 0;
  if (i + n > s.size()) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

char* WriteInstant(char* buf, int64_t micros, int precision, bool iso) {
  // "YYYY-MM-DD HH:MM:SS" is remembered per second: consecutive records mostly share it, and
  // the division into date and clock costs more than the rest of an NDJSON event's numbers. One
  // slot per form: an event writes its UTC instant (ISO) and its local time (plain) in turn.
  struct Slot {
    int64_t second = INT64_MIN, day = INT64_MIN;
    char text[19];
  };
  thread_local Slot slots[2];
  Slot& slot = slots[iso ? 1 : 0];
  char* cached = slot.text;
  int64_t second = micros >= 0 ? micros / 1'000'000 : -((-micros - 1) / 1'000'000) - 1;
  if (second != slot.second) {
    int64_t day = second >= 0 ? second / 86'400 : -((-second - 1) / 86'400) - 1;
    if (day != slot.day) {  // the calendar is the dear part: a day changes rarely
      date::year_month_day ymd{date::sys_days{date::days{day}}};
      PutDigits(cached, static_cast<int>(ymd.year()), 4);
      cached[4] = '-';
      PutDigits(cached + 5, static_cast<unsigned>(ymd.month()), 2);
      cached[7] = '-';
      PutDigits(cached + 8, static_cast<unsigned>(ymd.day()), 2);
      cached[10] = iso ? 'T' : ' ';
      slot.day = day;
    }
    int64_t in_day = second - day * 86'400;
    PutDigits(cached + 11, in_day / 3600, 2);
    cached[13] = ':';
    PutDigits(cached + 14, in_day / 60 % 60, 2);
    cached[16] = ':';
    PutDigits(cached + 17, in_day % 60, 2);
    slot.second = second;
  }
  std::memcpy(buf, cached, 19);
  size_t n = 19;
  int64_t fraction = micros - second * 1'000'000;
  if (precision >= 6) {
    buf[n++] = '.';
    PutDigits(buf + n, fraction, 6);
    n += 6;
  } else if (precision > 0) {
    buf[n++] = '.';
    PutDigits(buf + n, fraction / 1000, 3);
    n += 3;
  }
  if (iso) buf[n++] = 'Z';
  return buf + n;
}

void AppendInstant(std::string* out, int64_t micros, int precision, bool iso) {
  char buf[kMaxInstantChars];
  out->append(buf, static_cast<size_t>(WriteInstant(buf, micros, precision, iso) - buf));
}

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

char* WriteJsonString(char* p, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  *p++ = '"';
  for (size_t i = 0; i < s.size();) {
    // The run of bytes that need no escape goes in at once: most of a log line.
    size_t run = i, stored = i;  // s[i, stored) is already at p
#if defined(__SSE2__)
    // Sixteen bytes at a time (every x86-64 has SSE2): the block is stored as it is and the
    // pointer moves past its plain prefix only. JsonStringBound leaves room for the overhang.
    while (run + 16 <= s.size()) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + run));
      // As signed bytes, a control byte and every byte of a UTF-8 sequence are below 0x20.
      __m128i special = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p + (run - i)), x);
      if (mask != 0) {
        run += static_cast<size_t>(__builtin_ctz(mask));
        stored = run;
        break;
      }
      run += 16;
      stored = run;
    }
    // Fewer than sixteen bytes left, all plain so far: the sixteen bytes that end the string, when
    // they all lie in this run (i <= tail), so that what they overwrite at p is the same bytes.
    if (run < s.size() && run + 16 > s.size() && s.size() >= 16 && s.size() - 16 >= i) {
      size_t tail = s.size() - 16;
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + tail));
      __m128i special = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special)) >> (run - tail);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p + (tail - i)), x);
      run = mask != 0 ? run + static_cast<size_t>(__builtin_ctz(mask)) : s.size();
      stored = run;
    }
#endif
    // Eight bytes at a time while none of them needs a look: a control byte, '"', '\\' or a
    // byte of a UTF-8 sequence (SWAR: a zero byte of x shows as (x - 0x01..) & ~x & 0x80..).
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    while (run + 8 <= s.size()) {
      uint64_t x;
      std::memcpy(&x, s.data() + run, 8);
      uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
      uint64_t special = ((x - kOnes * 0x20) | ((quote - kOnes) & ~quote) |
                          ((backslash - kOnes) & ~backslash) | x) &
                         kHighs;
      if (special != 0) break;
      run += 8;
    }
    while (run < s.size() && kJsonPlain[static_cast<unsigned char>(s[run])]) ++run;
    if (run > stored) std::memcpy(p + (stored - i), s.data() + stored, run - stored);
    p += run - i;
    i = run;
    if (i == s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        std::memcpy(p, "\xEF\xBF\xBD", 3);  // U+FFFD for a byte that is not UTF-8
        p += 3;
        ++i;
      } else {
        std::memcpy(p, s.data() + i, n);
        p += n;
        i += n;
      }
      continue;
    }
    *p++ = '\\';
    switch (c) {
      case '"':
        *p++ = '"';
        break;
      case '\\':
        *p++ = '\\';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      default:  // the other control characters (kJsonPlain holds every printable one)
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 15];
    }
    ++i;
  }
  *p++ = '"';
  return p;
}

void AppendJsonString(std::string* out, std::string_view s) {
  size_t start = out->size();
  out->resize(start + JsonStringBound(s));
  char* end = WriteJsonString(out->data() + start, s);
  out->resize(static_cast<size_t>(end - out->data()));
}

}  // namespace faultline
