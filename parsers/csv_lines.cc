// csv: a log row written as comma-separated values, the time in the first cell.
// Variants:
//   csvlog   PostgreSQL's log_destination = csvlog: time with zone, user, database, pid, ...,
//            severity, SQLSTATE, "message", detail, ... (the message the first quoted cell after
//            the severity)
//   export   a table exported as CSV with a time first and no level (PowerShell's Export-Csv of
//            Get-WinEvent: "time","provider","message"): the message is the last cell, the cell
//            between them the logger
// Cells are RFC 4180's: bare, or in double quotes with "" for a quote. A row needs three cells or
// more, one of them quoted, and a first cell that is a time and nothing else, so that a line
// with commas in its message ("2020-01-01 10:00:00,123 INFO a, b") is no row. Values are views of
// the raw text between the quotes: a "" stays as written, as the json parser keeps escapes.
#include <array>
#include <vector>

#include "parsers/date_shapes.h"
#include "parsers/parser.h"
#include "parsers/pattern_layout.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 2> kVariants = {"csvlog", "export"};
enum Variant : uint8_t { kCsvlog, kExport };

constexpr Sample kSamples[] = {
    // public-layouts/postgres-csvlog-pam.log (pgaudit/pgaudit_analyze#23)
    {R"c(2023-06-23 14:01:01.217 EDT,"amalek","test",25987,"10.150.20.18:50840",6495dddc.6583,3,"authentication",2023-06-23 14:01:00 EDT,22/235732,0,FATAL,28000,"PAM authentication failed for user ""amalek""",,,,,,,,,"","client backend",,-8259055824528607182)c",
     "csvlog", Level::kFatal, "", "", -1, R"c(PAM authentication failed for user ""amalek"")c"},
    // public-layouts/windows-events-csv-export.log (tstack/lnav's test/logfile_win_events_csv.0)
    {R"c("10/22/2018 4:13:27 AM","docker","WINOVERLAY: peerAdd: notifying HNS of the REMOTE endpoint")c",
     "export", Level::kUnknown, "docker", "", -1,
     "WINOVERLAY: peerAdd: notifying HNS of the REMOTE endpoint"},
};

struct Cell {
  std::string_view text;  ///< between the quotes, if any
  bool quoted = false;
};

// The cells of a row, or false when it is not one (a quote left open, text after a closing
// quote). At most `kMaxCells`: a longer row is no log row of ours.
constexpr size_t kMaxCells = 40;
bool SplitCells(std::string_view s, std::vector<Cell>* cells) {
  cells->clear();
  size_t pos = 0;
  while (true) {
    if (cells->size() == kMaxCells) return false;
    Cell cell;
    if (pos < s.size() && s[pos] == '"') {
      size_t p = pos + 1;
      while (true) {
        size_t quote = s.find('"', p);
        if (quote == std::string_view::npos) return false;
        if (quote + 1 < s.size() && s[quote + 1] == '"') {
          p = quote + 2;
          continue;
        }
        cell.text = s.substr(pos + 1, quote - pos - 1);
        cell.quoted = true;
        pos = quote + 1;
        break;
      }
      if (pos < s.size() && s[pos] != ',') return false;
    } else {
      size_t comma = s.find(',', pos);
      size_t end = comma == std::string_view::npos ? s.size() : comma;
      cell.text = s.substr(pos, end - pos);
      if (cell.text.find('"') != std::string_view::npos) return false;
      pos = end;
    }
    cells->push_back(cell);
    if (pos >= s.size()) return true;
    ++pos;  // the comma
  }
}

bool LevelCell(std::string_view text, Level* level) {
  if (text.size() < 3 || text.size() > 8 || !scan::IsUpper(text[0])) return false;
  return ParseLevel(text, level) || ParseServerLevelWord(text, level);
}

class CsvParser final : public Parser {
 public:
  std::string_view Name() const override { return "csv"; }
  std::string_view Description() const override {
    return "comma-separated rows with the time first (PostgreSQL's csvlog, CSV exports)";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    // Cheap refusals first: a row's first cell ends at a comma soon after a time's digits, and
    // a row has a quote (most log lines have none: a memchr, not a split).
    size_t first = s.find(',');
    if (first == std::string_view::npos || first > 40 || s.find('"') == std::string_view::npos) {
      return Fail(miss, 0, "no CSV row");
    }
    thread_local std::vector<Cell> cells;
    if (!SplitCells(s, &cells) || cells.size() < 3) return Fail(miss, 0, "no CSV row");
    ScannedTime t;
    size_t end = 0;
    std::string_view when = cells[0].text;
    if (ReadDateShape(when, 0, &t, &end) < 0 || end != when.size()) {
      return Fail(miss, 0, "the first cell is not a time");
    }
    bool any_quoted = false;
    size_t level_cell = 0;
    Level level = Level::kUnknown;
    for (size_t i = 1; i < cells.size(); ++i) {
      any_quoted = any_quoted || cells[i].quoted;
      if (level_cell == 0 && !cells[i].quoted && LevelCell(cells[i].text, &level)) level_cell = i;
    }
    if (!any_quoted) return Fail(miss, 0, "no quoted cell: commas in a line, not a CSV row");
    out->local = t.local;
    out->precision = t.precision;
    out->has_offset = t.has_offset;
    out->utc_offset_us = t.offset_us;
    out->myid = -1;
    out->code_line = -1;
    out->thread = out->logger = out->message = {};
    if (level_cell != 0) {
      out->level = level;
      out->variant = kCsvlog;
      for (size_t i = level_cell + 1; i < cells.size(); ++i) {
        if (cells[i].quoted) {
          out->message = cells[i].text;
          break;
        }
      }
      return true;
    }
    out->level = Level::kUnknown;
    out->variant = kExport;
    out->message = cells.back().text;
    if (cells.size() == 3) out->logger = cells[1].text;
    return true;
  }
};

}  // namespace

const Parser& CsvLogParser() {
  static const CsvParser parser;
  return parser;
}

}  // namespace faultline
