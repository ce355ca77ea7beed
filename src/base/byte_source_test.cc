#include "src/base/byte_source.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "src/base/line_reader.h"
#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

// A directory under the system temp dir, removed with its contents at the end of the scope.
using testing::TempDir;

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  REQUIRE(out.good());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes `data` as one gzip member through zlib's own gzip writer.
void WriteGzip(const std::string& path, const std::string& data) {
  gzFile gz = gzopen(path.c_str(), "wb");
  REQUIRE(gz != nullptr);
  REQUIRE(gzwrite(gz, data.data(), static_cast<unsigned>(data.size())) ==
          static_cast<int>(data.size()));
  REQUIRE(gzclose(gz) == Z_OK);
}

// Reads a source to the end in small pieces; returns what it produced and the error, if any.
struct Drained {
  std::string data;
  std::string error;
  bool failed = false;
};

Drained Drain(ByteSource* source, size_t piece = 1000) {
  Drained result;
  std::string buf(piece, '\0');
  for (int guard = 0; guard < 1'000'000; ++guard) {
    int64_t got = source->Read(buf.data(), buf.size(), &result.error);
    if (got < 0) {
      result.failed = true;
      break;
    }
    if (got == 0) break;
    result.data.append(buf.data(), static_cast<size_t>(got));
  }
  return result;
}

// Deterministic text that compresses, but not to nothing.
std::string LogText(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i) {
    text += "2019-09-17 05:04:12," + std::to_string(100 + i % 900) + " INFO org.apache.Foo: line " +
            std::to_string(i * 7919 % 100003) + "\n";
  }
  return text;
}

TEST_CASE("byte_source: plain file") {
  TempDir dir;
  const std::string text = "hello\nworld\n";
  WriteFile(dir.File("plain.log"), text);
  std::string err;
  auto source = OpenByteSource(dir.File("plain.log"), &err);
  REQUIRE(source != nullptr);
  CHECK_FALSE(source->compressed());
  for (size_t piece : {size_t{1}, size_t{3}, size_t{4096}}) {
    CAPTURE(piece);
    auto again = OpenByteSource(dir.File("plain.log"), &err);
    REQUIRE(again != nullptr);
    Drained d = Drain(again.get(), piece);
    CHECK_FALSE(d.failed);
    CHECK(d.data == text);
  }
}

TEST_CASE("byte_source: short and empty files") {
  TempDir dir;
  struct Row {
    std::string name, data;
  };
  const Row rows[] = {
      {"empty", ""},
      {"one", "x"},
      {"two", "ab"},
      {"magic-like", std::string("\x1f"
                                 "abc")},
      {"magic-only", std::string("\x1f\x8c rest")},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    WriteFile(dir.File(row.name), row.data);
    std::string err;
    auto source = OpenByteSource(dir.File(row.name), &err);
    REQUIRE(source != nullptr);
    CHECK_FALSE(source->compressed());
    Drained d = Drain(source.get());
    CHECK_FALSE(d.failed);
    CHECK(d.data == row.data);
  }
}

TEST_CASE("byte_source: missing file") {
  TempDir dir;
  std::string err;
  CHECK(OpenByteSource(dir.File("absent.log"), &err) == nullptr);
  CHECK(err == "No such file or directory");
}

TEST_CASE("byte_source: gzip") {
  TempDir dir;
  const std::string text = LogText(5000);
  WriteGzip(dir.File("z.log.gz"), text);
  // Name does not matter: compression is found by magic bytes.
  fs::copy_file(dir.File("z.log.gz"), dir.File("z.log"));
  for (const char* name : {"z.log.gz", "z.log"}) {
    CAPTURE(name);
    std::string err;
    auto source = OpenByteSource(dir.File(name), &err);
    REQUIRE(source != nullptr);
    CHECK(source->compressed());
    Drained d = Drain(source.get(), 777);
    CHECK_FALSE(d.failed);
    CHECK(d.error == "");
    CHECK(d.data == text);
  }
}

TEST_CASE("byte_source: empty gzip member") {
  TempDir dir;
  WriteGzip(dir.File("e.gz"), "");
  std::string err;
  auto source = OpenByteSource(dir.File("e.gz"), &err);
  REQUIRE(source != nullptr);
  CHECK(source->compressed());
  Drained d = Drain(source.get());
  CHECK_FALSE(d.failed);
  CHECK(d.data == "");
}

TEST_CASE("byte_source: concatenated gzip members") {
  TempDir dir;
  const std::string first = LogText(300), second = "second member\nlast line\n";
  WriteGzip(dir.File("a.gz"), first);
  WriteGzip(dir.File("b.gz"), second);
  WriteGzip(dir.File("c.gz"), "");
  WriteFile(dir.File("ab.gz"),
            ReadFile(dir.File("a.gz")) + ReadFile(dir.File("c.gz")) + ReadFile(dir.File("b.gz")));
  for (size_t piece : {size_t{5}, size_t{64 << 10}}) {
    CAPTURE(piece);
    std::string err;
    auto source = OpenByteSource(dir.File("ab.gz"), &err);
    REQUIRE(source != nullptr);
    Drained d = Drain(source.get(), piece);
    CHECK_FALSE(d.failed);
    CHECK(d.data == first + second);
  }
}

TEST_CASE("byte_source: truncated gzip") {
  TempDir dir;
  const std::string text = LogText(20000);
  WriteGzip(dir.File("full.gz"), text);
  std::string full = ReadFile(dir.File("full.gz"));
  REQUIRE(full.size() > 1000);
  SUBCASE("cut in the middle") {
    WriteFile(dir.File("cut.gz"), full.substr(0, full.size() / 2));
    std::string err;
    auto source = OpenByteSource(dir.File("cut.gz"), &err);
    REQUIRE(source != nullptr);
    Drained d = Drain(source.get());
    CHECK(d.failed);
    CHECK(d.error.find("truncated") != std::string::npos);
    // What was decoded before the cut is delivered, and it is a prefix of the original.
    CHECK(d.data.size() > 0);
    CHECK(d.data.size() < text.size());
    CHECK(text.compare(0, d.data.size(), d.data) == 0);
  }
  SUBCASE("trailer missing") {
    WriteFile(dir.File("cut.gz"), full.substr(0, full.size() - 8));
    std::string err;
    auto source = OpenByteSource(dir.File("cut.gz"), &err);
    REQUIRE(source != nullptr);
    Drained d = Drain(source.get());
    CHECK(d.failed);
    CHECK(d.error.find("truncated") != std::string::npos);
    CHECK(text.compare(0, d.data.size(), d.data) == 0);
  }
  SUBCASE("header only") {
    WriteFile(dir.File("cut.gz"), full.substr(0, 10));
    std::string err;
    auto source = OpenByteSource(dir.File("cut.gz"), &err);
    REQUIRE(source != nullptr);
    Drained d = Drain(source.get());
    CHECK(d.failed);
    CHECK(d.error.find("truncated") != std::string::npos);
    CHECK(d.data == "");
  }
  SUBCASE("through a LineReader") {
    WriteFile(dir.File("cut.gz"), full.substr(0, full.size() / 2));
    std::string err;
    auto source = OpenByteSource(dir.File("cut.gz"), &err);
    REQUIRE(source != nullptr);
    LineReader reader(std::move(source));
    CHECK(reader.compressed());
    std::string_view line;
    int64_t lines = 0;
    while (reader.Next(&line)) ++lines;
    CHECK(lines > 0);
    CHECK(reader.error().find("truncated") != std::string::npos);
  }
}

TEST_CASE("byte_source: corrupt gzip") {
  TempDir dir;
  WriteGzip(dir.File("full.gz"), LogText(100));
  std::string data = ReadFile(dir.File("full.gz"));
  // Garbage right after the 10-byte header: an invalid deflate block type.
  for (size_t i = 10; i < data.size(); ++i) data[i] = '\xff';
  WriteFile(dir.File("bad.gz"), data);
  std::string err;
  auto source = OpenByteSource(dir.File("bad.gz"), &err);
  REQUIRE(source != nullptr);
  Drained d = Drain(source.get());
  CHECK(d.failed);
  CHECK(d.error.rfind("corrupt gzip data: ", 0) == 0);
}

}  // namespace
}  // namespace faultline
