#include "src/base/text_out.h"

#include <date/date.h>

namespace faultline {
namespace {

void AppendDigits(std::string* out, int64_t value, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out->append(buf, static_cast<size_t>(width));
}

// Length of the valid UTF-8 sequence at s[i], or 0 if it is not one.
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

}  // namespace

void AppendInstant(std::string* out, int64_t micros, int precision, bool iso) {
  thread_local int64_t cached_day = INT64_MIN;
  thread_local char cached_date[11];
  int64_t day = micros >= 0 ? micros / 86'400'000'000LL : -((-micros - 1) / 86'400'000'000LL) - 1;
  if (day != cached_day) {
    date::year_month_day ymd{date::sys_days{date::days{day}}};
    std::string d;
    AppendDigits(&d, static_cast<int>(ymd.year()), 4);
    d += '-';
    AppendDigits(&d, static_cast<unsigned>(ymd.month()), 2);
    d += '-';
    AppendDigits(&d, static_cast<unsigned>(ymd.day()), 2);
    d.copy(cached_date, 10);
    cached_day = day;
  }
  out->append(cached_date, 10);
  out->push_back(iso ? 'T' : ' ');
  int64_t in_day = micros - day * 86'400'000'000LL;
  int64_t seconds = in_day / 1'000'000;
  AppendDigits(out, seconds / 3600, 2);
  out->push_back(':');
  AppendDigits(out, seconds / 60 % 60, 2);
  out->push_back(':');
  AppendDigits(out, seconds % 60, 2);
  int64_t fraction = in_day % 1'000'000;
  if (precision >= 6) {
    out->push_back('.');
    AppendDigits(out, fraction, 6);
  } else if (precision > 0) {
    out->push_back('.');
    AppendDigits(out, fraction / 1000, 3);
  }
  if (iso) out->push_back('Z');
}

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");  // U+FFFD for a byte that is not UTF-8
        ++i;
      } else {
        out->append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

}  // namespace faultline
