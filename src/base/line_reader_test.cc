#include "src/base/line_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace faultline {
namespace {

// Serves a string in chunks of at most `chunk` bytes; optionally fails once the data is used up.
class MemorySource final : public ByteSource {
 public:
  MemorySource(std::string data, size_t chunk, std::string fail_with = "")
      : data_(std::move(data)), chunk_(chunk), fail_with_(std::move(fail_with)) {}

  int64_t Read(char* buf, size_t n, std::string* err) override {
    if (pos_ == data_.size()) {
      if (!fail_with_.empty()) return *err = fail_with_, -1;
      return 0;
    }
    size_t take = std::min({n, chunk_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, take);
    pos_ += take;
    return static_cast<int64_t>(take);
  }

 private:
  std::string data_;
  size_t chunk_;
  std::string fail_with_;
  size_t pos_ = 0;
};

LineReader ReaderOf(std::string data, size_t chunk = 1 << 20) {
  return LineReader(std::make_unique<MemorySource>(std::move(data), chunk));
}

std::vector<std::string> AllLines(LineReader* reader) {
  std::vector<std::string> lines;
  std::string_view line;
  while (reader->Next(&line)) lines.emplace_back(line);
  return lines;
}

using Lines = std::vector<std::string>;

TEST_CASE("line_reader: splits lines at every chunk size") {
  struct Row {
    std::string input;
    Lines lines;
  };
  const Row rows[] = {
      {"", {}},
      {"a\n", {"a"}},
      {"a\nbb\nccc\n", {"a", "bb", "ccc"}},
      {"a\r\nb\r\n", {"a", "b"}},
      {"a\nb", {"a", "b"}},
      {"a\r\nb\r", {"a", "b"}},
      {"\n\nx\n\n", {"", "", "x", ""}},
      {"\r\n", {""}},
      {"\n", {""}},
      {"a\rb\n", {"a\rb"}},
      {"a\r\r\n", {"a\r"}},
      {"no newline at all", {"no newline at all"}},
  };
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{1} << 20}) {
    for (const Row& row : rows) {
      CAPTURE(chunk);
      CAPTURE(row.input);
      LineReader reader = ReaderOf(row.input, chunk);
      CHECK(AllLines(&reader) == row.lines);
      CHECK(reader.line_number() == static_cast<int64_t>(row.lines.size()));
      CHECK(reader.offset() == static_cast<int64_t>(row.input.size()));
      CHECK(reader.error() == "");
      CHECK(reader.split_lines() == 0);
    }
  }
}

TEST_CASE("line_reader: offset, line number and termination per line") {
  LineReader reader = ReaderOf("one\r\ntwo\n\nlast", 3);
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line == "one");
  CHECK(reader.line_number() == 1);
  CHECK(reader.offset() == 5);
  CHECK_FALSE(reader.last_unterminated());
  REQUIRE(reader.Next(&line));
  CHECK(line == "two");
  CHECK(reader.line_number() == 2);
  CHECK(reader.offset() == 9);
  REQUIRE(reader.Next(&line));
  CHECK(line == "");
  CHECK(reader.line_number() == 3);
  CHECK(reader.offset() == 10);
  CHECK_FALSE(reader.last_unterminated());
  REQUIRE(reader.Next(&line));
  CHECK(line == "last");
  CHECK(reader.line_number() == 4);
  CHECK(reader.offset() == 14);
  CHECK(reader.last_unterminated());
  CHECK_FALSE(reader.last_split());
  CHECK_FALSE(reader.Next(&line));
  CHECK_FALSE(reader.Next(&line));
  CHECK(reader.line_number() == 4);
  CHECK(reader.offset() == 14);
}

TEST_CASE("line_reader: line longer than the initial buffer") {
  const std::string big(300'000, 'x');
  const std::string huge(1'100'000, 'y');
  std::string input = "first\n" + big + "\nmiddle\n" + huge + "\nend";
  for (size_t chunk : {size_t{4096}, size_t{65536}, size_t{1} << 22}) {
    CAPTURE(chunk);
    LineReader reader = ReaderOf(input, chunk);
    Lines lines = AllLines(&reader);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "first");
    CHECK(lines[1] == big);
    CHECK(lines[2] == "middle");
    CHECK(lines[3] == huge);
    CHECK(lines[4] == "end");
    CHECK(reader.split_lines() == 0);
    CHECK(reader.offset() == static_cast<int64_t>(input.size()));
  }
}

TEST_CASE("line_reader: an over-long line is cut to the cap, its rest skipped, counted once") {
  const size_t max = LineReader::kMaxLineBytes;
  std::string input(max + 10, 'z');
  input += "\nnext\n";
  LineReader reader = ReaderOf(input, 1 << 20);
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line.size() == max);
  CHECK(reader.last_split());
  CHECK(reader.line_number() == 1);
  REQUIRE(reader.Next(&line));
  CHECK(line == "next");
  CHECK_FALSE(reader.last_split());
  CHECK(reader.line_number() == 2);
  CHECK_FALSE(reader.Next(&line));
  CHECK(reader.split_lines() == 1);
  CHECK(reader.offset() == static_cast<int64_t>(input.size()));
}

TEST_CASE("line_reader: a line many times the cap is still one line") {
  const size_t max = LineReader::kMaxLineBytes;
  std::string input = "first\n" + std::string(5 * max + 7, 'y') + "\nlast\n";
  LineReader reader = ReaderOf(input, 1 << 20);
  Lines lines = AllLines(&reader);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "first");
  CHECK(lines[1].size() == max);
  CHECK(lines[2] == "last");
  CHECK(reader.split_lines() == 1);
  CHECK(reader.offset() == static_cast<int64_t>(input.size()));
}

TEST_CASE("line_reader: a line of exactly the maximum length is not cut") {
  const size_t max = LineReader::kMaxLineBytes;
  std::string input(max, 'z');
  input += "\nnext\n";
  LineReader reader = ReaderOf(input, 1 << 20);
  Lines lines = AllLines(&reader);
  CHECK(reader.split_lines() == 0);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].size() == max);
  CHECK(lines[1] == "next");
}

TEST_CASE("line_reader: one byte over the cap, its newline already read, is cut") {
  const size_t max = LineReader::kMaxLineBytes;
  std::string input(max + 1, 'z');
  input += "\nnext\n";
  LineReader reader = ReaderOf(input, 1 << 20);
  Lines lines = AllLines(&reader);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].size() == max);
  CHECK(lines[1] == "next");
  CHECK(reader.split_lines() == 1);
  CHECK(reader.offset() == static_cast<int64_t>(input.size()));
}

TEST_CASE("line_reader: unterminated over-long tail") {
  const size_t max = LineReader::kMaxLineBytes;
  std::string input(max + 3, 'q');
  LineReader reader = ReaderOf(input, 1 << 20);
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line.size() == max);
  CHECK(reader.last_split());
  CHECK_FALSE(reader.Next(&line));
  CHECK(reader.split_lines() == 1);
  CHECK(reader.offset() == static_cast<int64_t>(input.size()));
}

TEST_CASE("line_reader: read error keeps the lines before it") {
  LineReader reader(std::make_unique<MemorySource>("a\nb\npartial", 2, "Input/output error"));
  Lines lines = AllLines(&reader);
  CHECK(lines == Lines{"a", "b", "partial"});
  CHECK(reader.error() == "Input/output error");
}

TEST_CASE("line_reader: LooksBinary") {
  SUBCASE("text") {
    LineReader reader = ReaderOf("hello\nworld\n", 3);
    CHECK_FALSE(reader.LooksBinary());
    CHECK(AllLines(&reader) == Lines{"hello", "world"});
  }
  SUBCASE("NUL early") {
    LineReader reader = ReaderOf(std::string("ab\0cd\n", 6), 2);
    CHECK(reader.LooksBinary());
  }
  SUBCASE("NUL after 8 KiB is not looked at") {
    std::string data(9000, 'a');
    data += '\0';
    LineReader reader = ReaderOf(data, 1000);
    CHECK_FALSE(reader.LooksBinary());
  }
  SUBCASE("NUL just inside 8 KiB") {
    std::string data(8191, 'a');
    data += '\0';
    LineReader reader = ReaderOf(data, 1000);
    CHECK(reader.LooksBinary());
  }
  SUBCASE("a few NULs among log lines: text, every line read") {
    std::string data = "line one\n" + std::string(300, '\0') + "\nline two\nline three\n";
    LineReader reader = ReaderOf(data, 64);
    CHECK_FALSE(reader.LooksBinary());
    CHECK(AllLines(&reader).size() == 4);
  }
  SUBCASE("mostly control bytes between newlines: binary") {
    std::string data = "ok\n" + std::string("\x01\x02\0x\n", 5) + std::string("\x7f\0\n", 3);
    LineReader reader = ReaderOf(data, 4);
    CHECK(reader.LooksBinary());
  }
  SUBCASE("empty") {
    LineReader reader = ReaderOf("", 1);
    CHECK_FALSE(reader.LooksBinary());
    std::string_view line;
    CHECK_FALSE(reader.Next(&line));
  }
}

TEST_CASE("line_reader: not compressed") {
  LineReader reader = ReaderOf("x\n");
  CHECK_FALSE(reader.compressed());
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

TEST_CASE("line_reader: resumes at an offset with its line number") {
  LineReader reader = ReaderOf("one\ntwo\nthree\n", 2);
  REQUIRE(reader.SkipTo(4, 1));
  std::string_view line;
  REQUIRE(reader.Next(&line));
  CHECK(line == "two");
  CHECK(reader.line_number() == 2);
  CHECK(reader.offset() == 8);
  REQUIRE(reader.Next(&line));
  CHECK(line == "three");
  CHECK(reader.offset() == 14);
}

TEST_CASE("line_reader: resuming past the end is an error") {
  LineReader reader = ReaderOf("short\n");
  CHECK_FALSE(reader.SkipTo(100, 9));
  CHECK(reader.error() == "the data ends 94 bytes before the offset to resume from");
}

TEST_CASE("line_reader: complete lines only holds back a half-written last line") {
  LineReader reader = ReaderOf("done\nhalf-writ", 3);
  reader.set_complete_lines_only(true);
  CHECK(AllLines(&reader) == Lines{"done"});
  CHECK(reader.offset() == 5);
  CHECK(reader.line_number() == 1);
  CHECK(reader.held_back_bytes() == 9);
  // The next run resumes at the offset and reads the line once it is complete.
  LineReader next = ReaderOf("done\nhalf-written\n", 3);
  next.set_complete_lines_only(true);
  REQUIRE(next.SkipTo(reader.offset(), reader.line_number()));
  CHECK(AllLines(&next) == Lines{"half-written"});
  CHECK(next.line_number() == 2);
  CHECK(next.held_back_bytes() == 0);
}

}  // namespace
}  // namespace faultline
