#include "src/base/progress.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

// Bytes from memory, in reads of at most 64 KiB.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(size_t size) : left_(size) {}
  int64_t Read(char* buf, size_t n, std::string*) override {
    size_t take = std::min({n, left_, size_t{1} << 16});
    std::memset(buf, 'x', take);
    left_ -= take;
    return static_cast<int64_t>(take);
  }

 private:
  size_t left_;
};

// Reads `source` to its end; returns what the progress wrote to `stream`.
std::string Drain(ByteSource* source, std::FILE* stream, int64_t* records) {
  char buf[1 << 16];
  std::string err;
  while (source->Read(buf, sizeof buf, &err) > 0) ++*records;
  std::fflush(stream);
  std::rewind(stream);
  std::string text;
  for (int c; (c = std::fgetc(stream)) != EOF;) text.push_back(static_cast<char>(c));
  std::fseek(stream, 0, SEEK_END);  // a write may follow this read
  return text;
}

TEST_CASE("progress: a large input gets the line, and it is erased when reading ends") {
  std::FILE* stream = std::tmpfile();
  REQUIRE(stream != nullptr);
  auto progress = std::make_shared<Progress>(stream, /*after_bytes=*/1, 100);
  int64_t records = 0;
  std::unique_ptr<ByteSource> source =
      progress->Watch(std::make_unique<MemorySource>(4 << 20), "/nonexistent/zk.log", &records);
  std::string text = Drain(source.get(), stream, &records);
  CHECK(text.rfind("\rfaultline: ", 0) == 0);
  CHECK(text.find("MB, ") != std::string::npos);
  CHECK(text.find("/nonexistent/zk.log\033[K") != std::string::npos);
  CHECK(text.size() >= 4);
  CHECK(text.substr(text.size() - 4) == "\r\033[K");  // erased at the end of the input
  source.reset();
  progress.reset();
  std::fclose(stream);
}

TEST_CASE("progress: a file read by two threads (analyze -j) is counted once") {
  std::FILE* stream = std::tmpfile();
  REQUIRE(stream != nullptr);
  testing::TempDir dir;
  // Its size is the total the line shows.
  const std::string path = dir.Write("a.log", std::string(3'000'000, 'x'));
  auto progress = std::make_shared<Progress>(stream, 1, 200);
  int64_t records = 0;
  auto first = progress->Watch(std::make_unique<MemorySource>(3'000'000), path, &records);
  auto second = progress->Watch(std::make_unique<MemorySource>(3'000'000), path, &records);
  CHECK(dynamic_cast<MemorySource*>(second.get()) != nullptr);  // not wrapped again
  Drain(second.get(), stream, &records);
  std::string text = Drain(first.get(), stream, &records);
  CHECK(text.find(" of 3.0 MB") != std::string::npos);
  CHECK(text.find(" of 6.0 MB") == std::string::npos);
  first.reset();
  progress.reset();
  std::fclose(stream);
}

TEST_CASE("progress: a small input read within a second gets no line") {
  std::FILE* stream = std::tmpfile();
  REQUIRE(stream != nullptr);
  auto progress = std::make_shared<Progress>(stream, /*after_bytes=*/1 << 30, 100);
  int64_t records = 0;
  std::unique_ptr<ByteSource> source =
      progress->Watch(std::make_unique<MemorySource>(1 << 20), "small.log", &records);
  CHECK(Drain(source.get(), stream, &records).empty());
  source.reset();
  progress.reset();
  std::fclose(stream);
}

TEST_CASE("progress: the line names share, sizes, records, rate, ETA and file") {
  std::string line = Progress::Format(250'000'000, 1'000'000'000, 1234567, 2.0, "logs/zk.log", 200);
  CHECK(line ==
        "faultline: 25% 250.0 of 1000.0 MB, 1234567 records, 125.0 MB/s, ETA 0:06, logs/zk.log");
}

TEST_CASE("progress: standard input of unknown size has no share and no ETA") {
  std::string line = Progress::Format(5'000'000, 0, 10, 1.0, "-", 200);
  CHECK(line == "faultline: 5.0 MB, 10 records, 5.0 MB/s, -");
  // Too early for a rate, or an ETA.
  CHECK(Progress::Format(5, 10, 0, 0.01, "a.log", 200) ==
        "faultline: 50% 0.0 of 0.0 MB, 0 records, - MB/s, a.log");
}

TEST_CASE("progress: a long path keeps its end and the line fits the terminal") {
  std::string file = "/var/log/" + std::string(100, 'x') + "/zookeeper.log";
  std::string line = Progress::Format(1, 2, 0, 1.0, file, 79);
  CHECK(line.size() <= 79);
  CHECK(line.find("...") != std::string::npos);
  CHECK(line.substr(line.size() - 13) == "zookeeper.log");
  CHECK(Progress::Format(1, 2, 0, 1.0, file, 20).size() == 20);
}

TEST_CASE("progress: no line when the stream is not a terminal") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  CHECK(Progress::ForTerminal(file, 0) == nullptr);
  std::fclose(file);
}

}  // namespace
}  // namespace faultline
