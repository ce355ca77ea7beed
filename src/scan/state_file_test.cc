#include "src/scan/state_file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The names in `dir`, sorted.
std::vector<std::string> Listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

ScanState FullState() {
  ScanState state;
  state.runs = 7;
  FileState zk;
  zk.path = "/var/log/zookeeper/zookeeper.log";
  zk.device = 2049;
  zk.inode = 1234567;
  zk.fingerprint = "9f86d081884c7d659a2feaa0c55ad015";
  zk.offset = 104857600;
  zk.line = 812345;
  zk.replay_offset = 104000000;
  zk.replay_line = 805000;
  zk.last_instant = 1767243852043000;
  zk.size = 104857700;
  zk.mtime_ns = 1767243853000000001;
  state.files.push_back(zk);
  FileState odd;
  odd.path = "/logs/with space/100%/new\nline\ttab\r\x7f\x01/caf\xc3\xa9.log";
  odd.device = std::numeric_limits<uint64_t>::max();
  odd.inode = 0;
  odd.fingerprint = "";  // an empty text field survives too
  odd.offset = 0;
  odd.line = 0;
  odd.replay_offset = 0;
  odd.replay_line = 0;
  odd.last_instant = std::numeric_limits<int64_t>::min();
  state.files.push_back(odd);
  state.reported.push_back({"zkfc-connectionloss/nn1 2026-01-01", 1767243852618000, "inc|1"});
  state.reported.push_back({"100% odd\nfingerprint", -5, "inc 2%"});
  state.reported.push_back({"", 0, ""});
  state.watermark = 1767243852618000;
  return state;
}

// Writes `text` as a state file and reads it back; returns the error (empty when it was read).
std::string ReadError(const TempDir& dir, const std::string& text) {
  std::string path = dir.Write("state", text);
  ScanState state;
  std::string err;
  bool ok = ReadState(path, &state, &err);
  CHECK(ok == err.empty());
  return err;
}

const char kHeader[] = "faultline-scan-state 2\nruns 1\n";

TEST_CASE("state_file: round trip of a full state") {
  TempDir dir;
  std::string path = dir.Path("state");
  ScanState written = FullState();
  std::string err;
  REQUIRE_MESSAGE(WriteState(path, written, &err), err);
  ScanState read;
  read.runs = 99;  // replaced, not merged
  read.files.push_back({});
  REQUIRE_MESSAGE(ReadState(path, &read, &err), err);
  CHECK(read.runs == 7);
  REQUIRE(read.files.size() == 2);
  CHECK(read.files[0] == written.files[0]);
  CHECK(read.files[1].path == written.files[1].path);
  CHECK(read.files[1].device == std::numeric_limits<uint64_t>::max());
  CHECK(read.files[1].last_instant == std::numeric_limits<int64_t>::min());
  CHECK(read.files[1].fingerprint.empty());
  REQUIRE(read.reported.size() == 3);
  CHECK(read.reported[1].fingerprint == "100% odd\nfingerprint");
  CHECK(read.reported[1].last_instant == -5);
  CHECK(read.reported[1].incident == "inc 2%");
  CHECK(read == written);
}

TEST_CASE("state_file: exact text as written") {
  TempDir dir;
  std::string path = dir.Path("state");
  ScanState state = FullState();
  std::string err;
  REQUIRE_MESSAGE(WriteState(path, state, &err), err);
  CHECK(ReadFile(path) ==
        "faultline-scan-state 3\n"
        "runs 7\n"
        "file 2049 1234567 104857600 812345 104000000 805000 1767243852043000 104857700 "
        "1767243853000000001 9f86d081884c7d659a2feaa0c55ad015 /var/log/zookeeper/zookeeper.log\n"
        "file 18446744073709551615 0 0 0 0 0 -9223372036854775808 -1 0  "
        "/logs/with%20space/100%25/new%0Aline%09tab%0D%7F%01/caf\xc3\xa9.log\n"
        "reported 1767243852618000 zkfc-connectionloss/nn1%202026-01-01 inc|1\n"
        "reported -5 100%25%20odd%0Afingerprint inc%202%25\n"
        "reported 0  \n"
        "watermark 1767243852618000\n"
        "end\n");
}

TEST_CASE("state_file: an empty state round trips") {
  TempDir dir;
  std::string path = dir.Path("state");
  std::string err;
  REQUIRE_MESSAGE(WriteState(path, ScanState(), &err), err);
  CHECK(ReadFile(path) == "faultline-scan-state 3\nruns 0\nend\n");
  ScanState read = FullState();
  REQUIRE_MESSAGE(ReadState(path, &read, &err), err);
  CHECK(read == ScanState());
}

TEST_CASE("state_file: lower-case escapes and records in any order are read") {
  TempDir dir;
  std::string path = dir.Write("state", std::string(kHeader) +
                                            "reported 5 a%2fb i\n"
                                            "file 1 2 30 3 10 1 99 ab%2A /x%20y\n"
                                            "end\n");
  ScanState state;
  std::string err;
  REQUIRE_MESSAGE(ReadState(path, &state, &err), err);
  REQUIRE(state.files.size() == 1);
  CHECK(state.files[0].path == "/x y");
  CHECK(state.files[0].fingerprint == "ab*");
  REQUIRE(state.reported.size() == 1);
  CHECK(state.reported[0].fingerprint == "a/b");
}

TEST_CASE("state_file: a missing file is an empty state") {
  TempDir dir;
  ScanState state = FullState();
  std::string err;
  CHECK(ReadState(dir.Path("never-written"), &state, &err));
  CHECK(err.empty());
  CHECK(state == ScanState());
  CHECK(Listing(dir.Path()).empty());  // reading creates nothing
}

TEST_CASE("state_file: a file that cannot be read is an error, not an empty state") {
  TempDir dir;
  fs::create_directories(dir.Path("state"));
  ScanState state = FullState();
  std::string err;
  CHECK_FALSE(ReadState(dir.Path("state"), &state, &err));
  CHECK(err == "cannot read state file " + dir.Path("state") + ": Is a directory");
  CHECK(state == FullState());  // untouched on failure
}

TEST_CASE("state_file: truncated file without end line") {
  TempDir dir;
  std::string path = dir.Path("state");
  std::string err;
  REQUIRE(WriteState(path, FullState(), &err));
  std::string full = ReadFile(path);

  SUBCASE("cut before the end line") {
    std::string text = full.substr(0, full.size() - 4);  // 8 lines, "end\n" gone
    err = ReadError(dir, text);
    CHECK(err == path +
                     ":9: the file ends without its end line (it was truncated); the state file "
                     "is unusable (--reset-state discards it)");
  }
  SUBCASE("cut inside a line") {
    err = ReadError(dir, full.substr(0, full.find("reported -5") + 8));
    CHECK(err == path +
                     ":6: the last line has no newline (the file was truncated); the state file "
                     "is unusable (--reset-state discards it)");
  }
  SUBCASE("end without its newline") {
    err = ReadError(dir, full.substr(0, full.size() - 1));
    CHECK(err.starts_with(path + ":9: the last line has no newline"));
  }
  SUBCASE("header only") {
    err = ReadError(dir, "faultline-scan-state 2\n");
    CHECK(err.starts_with(path + ":2: the file ends without its end line"));
  }
  SUBCASE("empty file") {
    err = ReadError(dir, "");
    CHECK(err == path + ":1: the file is empty; the state file is unusable (--reset-state " +
                     "discards it)");
  }
  CHECK(err.find('\n') == std::string::npos);
}

TEST_CASE("state_file: version 1 is read, each reported match as its own incident") {
  TempDir dir;
  std::string path =
      dir.Write("state",
                "faultline-scan-state 1\nruns 4\n"
                "file 1 2 30 3 10 1 99 ab /x.log\n"
                "reported 1767243852618000 3 zk|zk3|2026-01-01T05:04:12.618000Z|ab12\n"
                "end\n");
  ScanState state;
  std::string err;
  REQUIRE_MESSAGE(ReadState(path, &state, &err), err);
  CHECK(state.runs == 4);
  REQUIRE(state.files.size() == 1);
  REQUIRE(state.reported.size() == 1);
  CHECK(state.reported[0].fingerprint == "zk|zk3|2026-01-01T05:04:12.618000Z|ab12");
  CHECK(state.reported[0].incident == state.reported[0].fingerprint);
  CHECK(state.reported[0].last_instant == 1767243852618000);
  // Written back as version 3.
  REQUIRE_MESSAGE(WriteState(path, state, &err), err);
  CHECK(ReadFile(path).starts_with("faultline-scan-state 3\n"));
}

TEST_CASE("state_file: wrong magic or version") {
  TempDir dir;
  std::string path = dir.Path("state");
  std::string err;
  SUBCASE("a log file") {
    err = ReadError(dir, "2026-01-01 05:04:12,043 [myid:1] - WARN  [SyncThread:1] - x\n");
    CHECK(err == path +
                     ":1: not a faultline scan state file (it does not start with "
                     "\"faultline-scan-state\"); the state file is unusable (--reset-state "
                     "discards it)");
  }
  SUBCASE("a newer version") {
    err = ReadError(dir, "faultline-scan-state 4\nruns 1\nend\n");
    CHECK(err.starts_with(path + ":1: state file version 4 is not supported (this faultline reads "
                                 "version 3);"));
  }
  SUBCASE("version 0") {
    err = ReadError(dir, "faultline-scan-state 0\nruns 1\nend\n");
    CHECK(err.starts_with(path + ":1: state file version 0 is not supported (this faultline reads "
                                 "version 3);"));
  }
  SUBCASE("no version") {
    err = ReadError(dir, "faultline-scan-state\nruns 1\nend\n");
    CHECK(err.starts_with(path + ":1: bad header \"faultline-scan-state\""));
  }
  SUBCASE("garbage version") {
    err = ReadError(dir, "faultline-scan-state 1x\nruns 1\nend\n");
    CHECK(err.starts_with(path + ":1: bad header \"faultline-scan-state 1x\""));
  }
  SUBCASE("binary data") {
    err = ReadError(dir, std::string("\x1f\x8b\x08\0\0\0\0\0", 8));  // no newline at all
    CHECK(err.starts_with(path + ":1: not a faultline scan state file"));
  }
  SUBCASE("unknown record kind") {
    err = ReadError(dir, std::string(kHeader) + "cursor 1 2 3\nend\n");
    CHECK(err.starts_with(path + ":3: unknown record \"cursor\" (not a faultline scan state, or a "
                                 "newer one);"));
  }
  SUBCASE("missing runs line") {
    err = ReadError(dir, "faultline-scan-state 2\nend\n");
    CHECK(err.starts_with(path + ":2: expected the runs line, found \"end\";"));
  }
  SUBCASE("a second runs line") {
    err = ReadError(dir, std::string(kHeader) + "runs 2\nend\n");
    CHECK(err.starts_with(path + ":3: a second runs line;"));
  }
  SUBCASE("data after the end line") {
    err = ReadError(dir, std::string(kHeader) + "end\nend\n");
    CHECK(err.starts_with(path + ":4: data after the end line;"));
  }
  SUBCASE("CRLF line endings") {
    err = ReadError(dir, "faultline-scan-state 1\r\nruns 1\r\nend\r\n");
    CHECK(err.starts_with(path + ":1: bad header \"faultline-scan-state 1%0D\""));
  }
  CHECK(err.ends_with("; the state file is unusable (--reset-state discards it)"));
  CHECK(err.find('\n') == std::string::npos);
}

TEST_CASE("state_file: garbage numbers and fields") {
  TempDir dir;
  std::string path = dir.Path("state");
  struct Case {
    const char* line;
    const char* why;
  };
  const Case cases[] = {
      {"file 1 2 x 0 0 0 0 fp /p",
       "bad offset \"x\" in file record (expected a non-negative integer)"},
      {"file 1 2 12x 0 0 0 0 fp /p",
       "bad offset \"12x\" in file record (expected a non-negative integer)"},
      {"file 1 2 -1 0 0 0 0 fp /p",
       "bad offset \"-1\" in file record (expected a non-negative integer)"},
      {"file 1 2 +1 0 0 0 0 fp /p",
       "bad offset \"+1\" in file record (expected a non-negative integer)"},
      {"file 1 2 0 0 0 0 9223372036854775808 fp /p",
       "bad last instant \"9223372036854775808\" in file record (expected an integer)"},
      {"file -1 2 0 0 0 0 0 fp /p", "bad device \"-1\" in file record (expected an integer)"},
      {"file 1 18446744073709551616 0 0 0 0 0 fp /p",
       "bad inode \"18446744073709551616\" in file record (expected an integer)"},
      {"file 1 2 0 -7 0 0 0 fp /p",
       "bad line \"-7\" in file record (expected a non-negative integer)"},
      {"file 1 2 0 0 0x10 0 0 fp /p",
       "bad replay offset \"0x10\" in file record (expected a non-negative integer)"},
      {"file 1 2 0 0 0 1.5 0 fp /p",
       "bad replay line \"1.5\" in file record (expected a non-negative integer)"},
      {"file 1 2  0 0 0 0 fp /p",
       "bad offset \"\" in file record (expected a non-negative integer)"},
      {"file 1 2 0 0 0 0 0 fp", "file record has 9 fields, expected 10"},
      {"file 1 2 0 0 0 0 0 fp /p extra", "file record has 11 fields, expected 10"},
      {"file 1 2 0 0 0 0 0 fp /a%2",
       "bad path \"/a%2\" in file record (a raw control byte or "
       "a '%' not followed by two hex digits)"},
      {"file 1 2 0 0 0 0 0 fp /a%G0",
       "bad path \"/a%G0\" in file record (a raw control byte "
       "or a '%' not followed by two hex digits)"},
      {"file 1 2 0 0 0 0 0 f\tp /p",
       "bad fingerprint \"f%09p\" in file record (a raw control "
       "byte or a '%' not followed by two hex digits)"},
      {"reported 1 fp in%g1",
       "bad incident \"in%g1\" in reported record (a raw control byte or a '%' not followed by "
       "two hex digits)"},
      {"reported x 1 fp", "bad last instant \"x\" in reported record (expected an integer)"},
      {"reported 1 1", "reported record has 3 fields, expected 4"},
      {"reported 1 1 a b", "reported record has 5 fields, expected 4"},
      {"end now", "end record has 2 fields, expected 1"},
      {"", "unknown record \"\" (not a faultline scan state, or a newer one)"},
      {"file  1 2 0 0 0 0 0 fp /p", "file record has 11 fields, expected 10"},
  };
  SUBCASE("records") {
    for (const Case& c : cases) {
      CAPTURE(c.line);
      std::string err = ReadError(dir, std::string(kHeader) + c.line + "\nend\n");
      CHECK(err ==
            path + ":3: " + c.why + "; the state file is unusable (--reset-state discards it)");
    }
  }
  SUBCASE("runs") {
    CHECK(ReadError(dir, "faultline-scan-state 2\nruns x\nend\n") ==
          path +
              ":2: bad count \"x\" in runs record (expected a non-negative integer); the state "
              "file is unusable (--reset-state discards it)");
    CHECK(ReadError(dir, "faultline-scan-state 2\nruns -3\nend\n")
              .starts_with(path + ":2: bad count \"-3\""));
    CHECK(ReadError(dir, "faultline-scan-state 2\nruns 1 2\nend\n")
              .starts_with(path + ":2: runs record has 3 fields, expected 2;"));
  }
  SUBCASE("a long bad field is cut short in the message") {
    std::string err =
        ReadError(dir, std::string(kHeader) + "reported " + std::string(100, '9') + " 1 fp\nend\n");
    CHECK(err.starts_with(path + ":3: bad last instant \"" + std::string(40, '9') + "...\" in"));
  }
  SUBCASE("the good records before a bad one do not leak into the result") {
    std::string bad = dir.Write(
        "state", std::string(kHeader) + "file 1 2 0 0 0 0 0 fp /p\nreported x 1 fp\nend\n");
    ScanState state = FullState();
    std::string err;
    CHECK_FALSE(ReadState(bad, &state, &err));
    CHECK(state == FullState());
  }
}

TEST_CASE("state_file: a second write replaces the first and leaves no temporary file") {
  TempDir dir;
  std::string path = dir.Path("state");
  ScanState first = FullState();
  std::string err;
  REQUIRE_MESSAGE(WriteState(path, first, &err), err);
  std::string first_text = ReadFile(path);
  CHECK(Listing(dir.Path()) == std::vector<std::string>{"state"});

  ScanState second;
  second.runs = 8;
  second.reported.push_back({"only", 42, "only"});
  REQUIRE_MESSAGE(WriteState(path, second, &err), err);
  CHECK(ReadFile(path) == "faultline-scan-state 3\nruns 8\nreported 42 only only\nend\n");
  CHECK(ReadFile(path) != first_text);
  ScanState read;
  REQUIRE_MESSAGE(ReadState(path, &read, &err), err);
  CHECK(read == second);
  CHECK(Listing(dir.Path()) == std::vector<std::string>{"state"});
}

TEST_CASE("state_file: a stale temporary file of the same name is overwritten") {
  TempDir dir;
  std::string path = dir.Path("state");
  std::string temp_name = "state.tmp." + std::to_string(getpid());
  dir.Write(temp_name, "half-written garbage from a crash");
  std::string err;
  REQUIRE_MESSAGE(WriteState(path, FullState(), &err), err);
  CHECK(Listing(dir.Path()) == std::vector<std::string>{"state"});
  ScanState read;
  REQUIRE_MESSAGE(ReadState(path, &read, &err), err);
  CHECK(read == FullState());
}

TEST_CASE("state_file: a failed write leaves no temporary file and the old state intact") {
  TempDir dir;
  std::string err;

  SUBCASE("directory does not exist") {
    std::string path = dir.Path("no-such-dir/state");
    CHECK_FALSE(WriteState(path, FullState(), &err));
    CHECK(err == "cannot write state file " + path + ": cannot create " + path + ".tmp." +
                     std::to_string(getpid()) + ": No such file or directory");
    CHECK(Listing(dir.Path()).empty());
  }
  SUBCASE("rename fails after the temporary file was written") {
    // A non-empty directory where the state should go: the temporary file is written and synced,
    // then rename(2) refuses, and the temporary file must be removed again.
    std::string path = dir.Path("state");
    dir.Write("state/keep", "old");
    CHECK_FALSE(WriteState(path, FullState(), &err));
    CHECK(err.starts_with("cannot write state file " + path + ": cannot rename " + path + ".tmp." +
                          std::to_string(getpid()) + " over it: "));
    CHECK(Listing(dir.Path()) == std::vector<std::string>{"state"});
    CHECK(ReadFile(dir.Path("state/keep")) == "old");
  }
  SUBCASE("temporary file cannot be created next to an existing state") {
    std::string path = dir.Path("state");
    REQUIRE(WriteState(path, FullState(), &err));
    std::string old_text = ReadFile(path);
    std::string temp_name = "state.tmp." + std::to_string(getpid());
    fs::create_directories(dir.Path(temp_name));  // blocks the temporary file (even for root)
    ScanState other;
    other.runs = 100;
    CHECK_FALSE(WriteState(path, other, &err));
    CHECK(err.ends_with(": Is a directory"));
    CHECK(ReadFile(path) == old_text);
    CHECK(Listing(dir.Path()) == std::vector<std::string>{"state", temp_name});
    CHECK(fs::is_empty(dir.Path(temp_name)));
  }
  SUBCASE("directory not writable") {
    if (geteuid() == 0) return;  // root writes anyway
    std::string sub = dir.Path("ro");
    fs::create_directories(sub);
    std::string path = sub + "/state";
    REQUIRE(WriteState(path, FullState(), &err));
    std::string old_text = ReadFile(path);
    REQUIRE(chmod(sub.c_str(), 0555) == 0);
    ScanState other;
    other.runs = 100;
    CHECK_FALSE(WriteState(path, other, &err));
    CHECK(err.ends_with(": Permission denied"));
    CHECK(ReadFile(path) == old_text);
    CHECK(Listing(sub) == std::vector<std::string>{"state"});
    chmod(sub.c_str(), 0755);
  }
}

TEST_CASE("state_file: a relative path in the current directory") {
  TempDir dir;
  fs::path old_cwd = fs::current_path();
  fs::current_path(dir.Path());
  std::string err;
  bool wrote = WriteState("state", FullState(), &err);
  ScanState read;
  bool ok = ReadState("state", &read, &err);
  fs::current_path(old_cwd);
  CHECK(wrote);
  CHECK(ok);
  CHECK(read == FullState());
}

TEST_CASE("state_file: StateLock excludes a second holder until the first is gone") {
  TempDir dir;
  std::string state = dir.Path("state");
  std::string err;
  {
    StateLock first;
    REQUIRE_MESSAGE(first.Acquire(state, &err), err);
    CHECK(first.held());
    CHECK(fs::exists(state + ".lock"));

    StateLock second;
    CHECK_FALSE(second.Acquire(state, &err));
    CHECK(err == "another faultline scan (pid " + std::to_string(getpid()) + ") is using " + state +
                     ".lock");
    CHECK_FALSE(second.held());

    StateLock other_state;  // a different state file has its own lock
    CHECK(other_state.Acquire(dir.Path("other"), &err));
  }
  StateLock third;
  err.clear();
  CHECK(third.Acquire(state, &err));
  CHECK(err.empty());
  CHECK(fs::exists(state + ".lock"));  // never removed

  third.Release();
  CHECK_FALSE(third.held());
  StateLock fourth;
  CHECK(fourth.Acquire(state, &err));
}

TEST_CASE("state_file: StateLock in a missing directory fails with the reason") {
  TempDir dir;
  std::string state = dir.Path("no-such-dir/state");
  StateLock lock;
  std::string err;
  CHECK_FALSE(lock.Acquire(state, &err));
  CHECK(err == "cannot lock " + state + ".lock: No such file or directory");
  CHECK_FALSE(lock.held());
}

}  // namespace
}  // namespace faultline
