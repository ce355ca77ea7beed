#include "src/base/text_out.h"

#include <date/date.h>

#include <array>
#include <cstring>

namespace faultline {
namespace {

// Writes `value` as exactly `width` digits at buf.
void PutDigits(char* buf, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
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
  // The date part is remembered: consecutive records share their day.
  thread_local int64_t cached_day = INT64_MIN;
  thread_local char cached_date[10];
  int64_t day = micros >= 0 ? micros / 86'400'000'000LL : -((-micros - 1) / 86'400'000'000LL) - 1;
  if (day != cached_day) {
    date::year_month_day ymd{date::sys_days{date::days{day}}};
    PutDigits(cached_date, static_cast<int>(ymd.year()), 4);
    cached_date[4] = '-';
    PutDigits(cached_date + 5, static_cast<unsigned>(ymd.month()), 2);
    cached_date[7] = '-';
    PutDigits(cached_date + 8, static_cast<unsigned>(ymd.day()), 2);
    cached_day = day;
  }
  std::memcpy(buf, cached_date, 10);
  buf[10] = iso ? 'T' : ' ';
  int64_t in_day = micros - day * 86'400'000'000LL;
  int64_t seconds = in_day / 1'000'000;
  PutDigits(buf + 11, seconds / 3600, 2);
  buf[13] = ':';
  PutDigits(buf + 14, seconds / 60 % 60, 2);
  buf[16] = ':';
  PutDigits(buf + 17, seconds % 60, 2);
  size_t n = 19;
  int64_t fraction = in_day % 1'000'000;
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
    size_t run = i;
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
    std::memcpy(p, s.data() + i, run - i);
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
