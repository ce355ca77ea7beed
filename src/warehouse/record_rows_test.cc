#include "src/warehouse/record_rows.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

#include "src/base/input_set.h"
#include "src/base/reporter.h"
#include "src/store/source_set.h"

namespace faultline {
namespace {

// What the server sends back for SELECT kRecordColumns: the inserted row without host (column 1)
// and the thread, logger and message strings (columns 18 to 20).
std::string AsSelected(std::string_view inserted) {
  REQUIRE(inserted.ends_with('\n'));
  inserted.remove_suffix(1);
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    size_t tab = inserted.find('\t', start);
    fields.push_back(inserted.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  REQUIRE(fields.size() == 22);
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i == 1 || (i >= 18 && i <= 20)) continue;
    if (!out.empty()) out.push_back('\t');
    out.append(fields[i]);
  }
  return out;
}

void CheckSame(const Record& a, const Record& b) {
  CHECK(a.instant == b.instant);
  CHECK(a.local == b.local);
  CHECK(a.line == b.line);
  CHECK(a.source == b.source);
  CHECK(a.myid == b.myid);
  CHECK(a.code_line == b.code_line);
  CHECK(a.continuation_lines == b.continuation_lines);
  CHECK(a.flags == b.flags);
  CHECK(a.precision == b.precision);
  CHECK(a.level == b.level);
  CHECK(a.component == b.component);
  CHECK(a.thread.offset == b.thread.offset);
  CHECK(a.thread.length == b.thread.length);
  CHECK(a.logger.offset == b.logger.offset);
  CHECK(a.logger.length == b.logger.length);
  CHECK(a.message.offset == b.message.offset);
  CHECK(a.message.length == b.message.length);
  CHECK(a.text == b.text);
}

Record RoundTrip(const Record& record, std::string_view key = "k1") {
  std::string row;
  AppendRecordRow(&row, record, key, "zk1");
  CHECK(row.find('\n') == row.size() - 1);
  Record back;
  back.source = record.source;
  back.text = "left over from an earlier row";
  std::string source_key, error;
  CHECK_MESSAGE(ParseRecordRow(AsSelected(row), &back, &source_key, &error), error);
  CHECK(source_key == key);
  return back;
}

TEST_CASE("record rows: every byte survives, tabs, newlines, backslashes and invalid UTF-8") {
  Record r;
  r.instant = 1568696652043000;
  r.local = 1568703852043000;
  r.line = 42;
  r.myid = 3;
  r.code_line = 1158;
  r.flags = kOutOfOrder | kTruncated;
  r.precision = 6;
  r.level = Level::kWarn;
  r.component = Component::kZkfc;
  using namespace std::string_literals;  // the text holds NUL bytes
  r.text = "2019 [main\t\\x] Foo: caf\xe9 \xff\r\0end\n\tat X.y(Z.java:1)\n\\n\0"s;
  r.continuation_lines = 2;
  r.thread = {6, 9};
  r.logger = {17, 3};
  r.message = {22, 13};
  CheckSame(RoundTrip(r, "key\twith\\tab"), r);
}

TEST_CASE("record rows: a record without time or anything else") {
  Record r;
  r.text = "";
  CheckSame(RoundTrip(r), r);
}

TEST_CASE("record rows: every record of every testdata incident comes back the same") {
  namespace fs = std::filesystem;
  fs::path root = fs::path(FAULTLINE_TESTDATA) / "incidents";
  std::vector<std::string> dirs;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_directory()) dirs.push_back(entry.path().string());
  }
  REQUIRE(dirs.size() > 10);
  int64_t records = 0;
  for (const std::string& dir : dirs) {
    std::vector<InputProblem> problems;
    std::vector<std::string> configs;
    std::vector<InputFile> inputs = ExpandInputs({dir}, &problems, &configs);
    Reporter reporter;
    reporter.set_quiet(true);
    SourceSet set = OpenSources(inputs, OpenOptions{}, &reporter);
    for (auto& source : set.sources) {
      while (Record* r = source->Next()) {
        INFO(dir, ":", r->line);
        CheckSame(RoundTrip(*r), *r);
        ++records;
        source->Release(r);
      }
    }
  }
  CHECK(records > 1000);
}

TEST_CASE("record rows: what is not a row is refused with the column named") {
  Record r;
  r.text = "2019 x";
  std::string row;
  AppendRecordRow(&row, r, "k", "h");
  std::string good = AsSelected(row);
  Record back;
  std::string key, error;
  REQUIRE(ParseRecordRow(good, &back, &key, &error));

  CHECK_FALSE(ParseRecordRow("Code: 241, e.displayText() = DB::Exception: Memory limit", &back,
                             &key, &error));
  CHECK(error.find("columns, not 18") != std::string::npos);
  CHECK_FALSE(ParseRecordRow(good + "\textra", &back, &key, &error));
  std::string bad_instant = good;
  bad_instant.replace(bad_instant.find('\t') + 1, 1, "x");
  CHECK_FALSE(ParseRecordRow(bad_instant, &back, &key, &error));
  CHECK(error.find("bad instant") != std::string::npos);
  std::string bad_level = good;
  bad_level.replace(bad_level.find("\t-\t"), 3, "\tLOUD\t");
  CHECK_FALSE(ParseRecordRow(bad_level, &back, &key, &error));
  CHECK(error.find("bad level") != std::string::npos);
  std::string bad_escape = good + "\\q";
  CHECK_FALSE(ParseRecordRow(bad_escape, &back, &key, &error));
  CHECK(error.find("bad text") != std::string::npos);
  // A span past the end of the text.
  Record spanned = r;
  spanned.message = {2, 100};
  row.clear();
  AppendRecordRow(&row, spanned, "k", "h");
  CHECK_FALSE(ParseRecordRow(AsSelected(row), &back, &key, &error));
  CHECK(error.find("bad message_at") != std::string::npos);
}

}  // namespace
}  // namespace faultline
