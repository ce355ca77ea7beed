#include "src/warehouse/record_rows.h"

#include <array>
#include <charconv>
#include <cstring>

namespace faultline {
namespace {

constexpr size_t kRecordColumnCount = 18;

void AppendInteger(std::string* out, int64_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, end);
}

template <typename T>
bool ParseInteger(std::string_view text, T* value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

bool SpanFits(Span span, size_t size) {
  return span.offset <= size && span.length <= size - span.offset;
}

}  // namespace

void AppendTsvField(std::string* out, std::string_view text) {
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char escaped;
    switch (text[i]) {
      case '\\':
        escaped = '\\';
        break;
      case '\t':
        escaped = 't';
        break;
      case '\n':
        escaped = 'n';
        break;
      case '\r':
        escaped = 'r';
        break;
      case '\0':
        escaped = '0';
        break;
      default:
        continue;
    }
    out->append(text.data() + start, i - start);
    out->push_back('\\');
    out->push_back(escaped);
    start = i + 1;
  }
  out->append(text.data() + start, text.size() - start);
}

bool UnescapeTsvField(std::string_view field, std::string* out) {
  out->clear();
  size_t start = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') continue;
    out->append(field.data() + start, i - start);
    if (i + 1 >= field.size()) return false;
    char c = field[++i];
    switch (c) {
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case '0':
        out->push_back('\0');
        break;
      case 'a':
        out->push_back('\a');
        break;
      case 'v':
        out->push_back('\v');
        break;
      case '\\':
      case '\'':
      case '"':
        out->push_back(c);
        break;
      default:
        return false;
    }
    start = i + 1;
  }
  out->append(field.data() + start, field.size() - start);
  return true;
}

void AppendRecordRow(std::string* out, const Record& r, std::string_view source_key,
                     std::string_view host) {
  AppendTsvField(out, source_key);
  out->push_back('\t');
  AppendTsvField(out, host);
  for (int64_t value : {r.instant, r.local, r.line, int64_t{r.myid}, int64_t{r.code_line},
                        int64_t{r.continuation_lines}, int64_t{r.flags}, int64_t{r.precision}}) {
    out->push_back('\t');
    AppendInteger(out, value);
  }
  out->push_back('\t');
  out->append(LevelName(r.level));  // the Enum8 names of schema.cc: nothing to escape
  out->push_back('\t');
  out->append(ComponentName(r.component));
  for (Span span : {r.thread, r.logger, r.message}) {
    out->push_back('\t');
    AppendInteger(out, span.offset);
    out->push_back('\t');
    AppendInteger(out, span.length);
  }
  for (Span span : {r.thread, r.logger, r.message}) {
    out->push_back('\t');
    AppendTsvField(out, SpanFits(span, r.text.size()) ? r.View(span) : std::string_view());
  }
  out->push_back('\t');
  AppendTsvField(out, r.text);
  out->push_back('\n');
}

bool ParseRecordRow(std::string_view line, Record* record, std::string* source_key,
                    std::string* error) {
  static constexpr std::array<std::string_view, kRecordColumnCount> kNames = {"source",
                                                                              "instant",
                                                                              "local",
                                                                              "line",
                                                                              "myid",
                                                                              "code_line",
                                                                              "continuation_lines",
                                                                              "flags",
                                                                              "precision",
                                                                              "level",
                                                                              "component",
                                                                              "thread_at",
                                                                              "thread_len",
                                                                              "logger_at",
                                                                              "logger_len",
                                                                              "message_at",
                                                                              "message_len",
                                                                              "text"};
  std::array<std::string_view, kRecordColumnCount> fields;
  size_t count = 0;
  for (size_t start = 0;;) {  // escaped fields hold no raw tab: splitting is exact
    size_t tab = line.find('\t', start);
    if (count < kRecordColumnCount) fields[count] = line.substr(start, tab - start);
    ++count;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (count != kRecordColumnCount) {
    *error = "warehouse row has " + std::to_string(count) + " columns, not " +
             std::to_string(kRecordColumnCount) + " (" + std::string(kRecordColumns) +
             "): " + std::string(line.substr(0, 200));
    return false;
  }
  auto bad = [&](size_t column) {
    *error = "warehouse row: bad " + std::string(kNames[column]) + " '" +
             std::string(fields[column].substr(0, 80)) + "'";
    return false;
  };
  Record r;
  r.source = record->source;
  if (!UnescapeTsvField(fields[0], source_key)) return bad(0);
  if (!ParseInteger(fields[1], &r.instant)) return bad(1);
  if (!ParseInteger(fields[2], &r.local)) return bad(2);
  if (!ParseInteger(fields[3], &r.line)) return bad(3);
  if (!ParseInteger(fields[4], &r.myid)) return bad(4);
  if (!ParseInteger(fields[5], &r.code_line)) return bad(5);
  if (!ParseInteger(fields[6], &r.continuation_lines)) return bad(6);
  if (!ParseInteger(fields[7], &r.flags)) return bad(7);
  if (!ParseInteger(fields[8], &r.precision)) return bad(8);
  if (fields[9] == "-") {
    r.level = Level::kUnknown;
  } else if (!ParseLevel(fields[9], &r.level)) {
    return bad(9);
  }
  if (!ParseComponent(fields[10], &r.component)) return bad(10);
  Span* spans[] = {&r.thread, &r.logger, &r.message};
  for (size_t i = 0; i < 3; ++i) {
    if (!ParseInteger(fields[11 + 2 * i], &spans[i]->offset)) return bad(11 + 2 * i);
    if (!ParseInteger(fields[12 + 2 * i], &spans[i]->length)) return bad(12 + 2 * i);
  }
  // The text goes straight into the record's buffer, which keeps its capacity across rows.
  std::swap(r.text, record->text);
  if (!UnescapeTsvField(fields[17], &r.text)) {
    std::swap(r.text, record->text);
    return bad(17);
  }
  for (size_t i = 0; i < 3; ++i) {
    if (!SpanFits(*spans[i], r.text.size())) {
      std::swap(r.text, record->text);
      return bad(11 + 2 * i);
    }
  }
  *record = std::move(r);
  return true;
}

}  // namespace faultline
