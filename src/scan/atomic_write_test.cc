#include "src/base/atomic_write.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "src/base/test_temp_dir.h"
#include "src/scan/state_file.h"

namespace faultline {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_CASE("atomic_write: replaces the file, keeps the previous generation when asked") {
  TempDir dir;
  std::string path = dir.Write("r.json", "old");
  AtomicWriteOptions options;
  options.what = "report file";
  options.keep_previous = path + ".prev";
  std::string err;
  REQUIRE_MESSAGE(WriteFileAtomically(path, "new", options, &err), err);
  CHECK(ReadFile(path) == "new");
  CHECK(ReadFile(path + ".prev") == "old");
  CHECK_FALSE(fs::exists(path + ".tmp." + std::to_string(getpid())));
}

TEST_CASE("atomic_write: a directory that cannot take the file says so, old content kept") {
  TempDir dir;
  std::string err;
  CHECK_FALSE(WriteFileAtomically(dir.Path("missing/r.json"), "x", {}, &err));
  CHECK(err.starts_with("cannot write file " + dir.Path("missing/r.json") + ": cannot create "));
  CHECK_FALSE(ProbeWritableDirectory(dir.Path("missing/state"), &err));
  CHECK(err == "cannot write in " + dir.Path("missing") + ": No such file or directory");
  CHECK(ProbeWritableDirectory(dir.Path("state"), &err));
  CHECK(fs::is_empty(dir.Path()));  // the probe leaves nothing behind
}

TEST_CASE("state_file: a corrupt state falls back to the previous generation") {
  TempDir dir;
  std::string path = dir.Path("state");
  ScanState one, two;
  one.runs = 1;
  two.runs = 2;
  std::string err, recovered;
  REQUIRE(WriteState(path, one, &err, true));
  REQUIRE(WriteState(path, two, &err, true));
  CHECK(ReadFile(path + ".prev") == "faultline-scan-state 3\nruns 1\nend\n");
  dir.Write("state", "faultline-scan-state 3\nruns 3\nfile 1 2");  // torn
  ScanState read;
  REQUIRE(ReadStateOrPrevious(path, &read, &err, &recovered));
  CHECK(read.runs == 1);
  CHECK(recovered.starts_with(path + ":3: the last line has no newline"));
  CHECK(recovered.find("recovered from the previous generation " + path + ".prev") !=
        std::string::npos);
  SUBCASE("both unusable") {
    dir.Write("state.prev", "garbage\n");
    CHECK_FALSE(ReadStateOrPrevious(path, &read, &err, &recovered));
    CHECK(err.find("the previous generation " + path + ".prev cannot be used either: ") !=
          std::string::npos);
  }
}

TEST_CASE("state_file: version 3 file records carry size and mtime; watermark read") {
  TempDir dir;
  std::string path = dir.Write("state",
                               "faultline-scan-state 3\nruns 2\n"
                               "file 1 2 30 3 10 1 99 31 1700000000123456789 ab /x.log\n"
                               "watermark 77\nend\n");
  ScanState state;
  std::string err;
  REQUIRE_MESSAGE(ReadState(path, &state, &err), err);
  REQUIRE(state.files.size() == 1);
  CHECK(state.files[0].size == 31);
  CHECK(state.files[0].mtime_ns == 1700000000123456789);
  CHECK(state.files[0].path == "/x.log");
  CHECK(state.watermark == 77);
  dir.Write("state", "faultline-scan-state 3\nruns 2\nfile 1 2 30 3 10 1 99 ab /x.log\nend\n");
  CHECK_FALSE(ReadState(path, &state, &err));
  CHECK(err.find("file record has 10 fields, expected 12") != std::string::npos);
}

TEST_CASE("state_file: StateLock waits for a holder that lets go, names one that does not") {
  TempDir dir;
  std::string state = dir.Path("state"), err;
  StateLock first;
  REQUIRE(first.Acquire(state, &err));
  StateLock second;
  auto t0 = std::chrono::steady_clock::now();
  CHECK_FALSE(second.Acquire(state, &err, 100));
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(100));
  CHECK(err == "another faultline scan (pid " + std::to_string(getpid()) + ") is using " + state +
                   ".lock (waited 100 ms)");
  first.Release();
  CHECK(second.Acquire(state, &err, 100));
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

TEST_CASE("atomic_write: temporaries of writers that are gone are removed, others kept") {
  testing::TempDir dir;
  // PID 2^22+7 is above the default pid_max: no process has it.
  dir.Write("a.json.tmp.4194311", "half");
  dir.Write("state.probe.4194311", "");
  dir.Write("b.json.tmp." + std::to_string(getpid()), "mine");  // this process: still writing
  dir.Write("c.json", "whole");
  dir.Write("d.tmp.notapid", "");
  CHECK(RemoveStaleTemporaries(dir.Path(), "state") == 1);
  CHECK(RemoveStaleTemporaries(dir.Path()) == 1);
  CHECK_FALSE(std::filesystem::exists(dir.Path("a.json.tmp.4194311")));
  CHECK(std::filesystem::exists(dir.Path("b.json.tmp." + std::to_string(getpid()))));
  CHECK(std::filesystem::exists(dir.Path("c.json")));
  CHECK(std::filesystem::exists(dir.Path("d.tmp.notapid")));
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

TEST_CASE("state_file: open episodes round trip") {
  testing::TempDir dir;
  std::string path = dir.Path("state"), err;
  ScanState state;
  EpisodeState e;
  e.key = "zk-election-storm|zk 1";
  e.name = "2019-09-30T17-06-11_zk-election-storm_zk-1_ab";
  e.first = 10;
  e.last = 20;
  e.count = 3;
  e.severity = 2;
  e.hosts = {"zk 1", "zk2"};
  e.times = {10, 15, 20};
  state.episodes = {e, EpisodeState()};
  REQUIRE(WriteState(path, state, &err));
  ScanState read;
  REQUIRE_MESSAGE(ReadState(path, &read, &err), err);
  CHECK(read == state);
}

}  // namespace
}  // namespace faultline
