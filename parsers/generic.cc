// The fallback: any line that starts with a recognisable timestamp (ISO 8601 with ' ' or 'T',
// any fraction, optional zone, optionally in brackets; or "YYYY/MM/DD HH:MM:SS"), so GC logs,
// shell-script logs and other daemons in the same directory still land on the timeline. The
// level is taken from the first few words after the time when one of them is a level name.
#include <array>

#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 1> kVariants = {"timestamp"};

constexpr Sample kSamples[] = {
    {"2019-09-17T05:04:12.618+0000: 12.345: [GC pause (G1 Evacuation Pause) (young) 1.2G->0.4G]",
     "timestamp", Level::kUnknown, "", "", -1,
     "12.345: [GC pause (G1 Evacuation Pause) (young) 1.2G->0.4G]"},
    {"[2019-09-17T05:04:12.618Z] ERROR something broke", "timestamp", Level::kError, "", "", -1,
     "ERROR something broke"},
};

class GenericParser final : public Parser {
 public:
  std::string_view Name() const override { return "generic"; }
  std::string_view Description() const override {
    return "any line that starts with an ISO 8601-like timestamp";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    ScannedTime t;
    int column = 0;
    if (!ScanAnyIsoTime(s, &t, &column)) return Fail(miss, column, "no timestamp at line start");
    size_t pos = t.length;
    if (pos < s.size() && s[pos] != ' ' && s[pos] != ':' && s[pos] != ']' && s[pos] != '|' &&
        s[pos] != '\t') {
      return Fail(miss, pos, "timestamp runs into other text");
    }
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == ':' || s[pos] == '\t')) ++pos;
    out->local = t.local;
    out->precision = t.precision == 0 ? 0 : t.precision;
    out->has_offset = t.has_offset;
    out->utc_offset_us = t.offset_us;
    out->variant = 0;
    out->myid = -1;
    out->code_line = -1;
    out->thread = out->logger = {};
    out->message = s.substr(pos);
    out->level = scan::LevelFromWords(out->message);
    return true;
  }
};

}  // namespace

const Parser& GenericLogParser() {
  static const GenericParser parser;
  return parser;
}

}  // namespace faultline
