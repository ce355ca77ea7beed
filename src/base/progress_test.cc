#include "src/base/progress.h"

#include <doctest/doctest.h>

#include <string>

namespace faultline {
namespace {

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
