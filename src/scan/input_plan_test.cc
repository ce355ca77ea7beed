#include "src/scan/input_plan.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

using testing::TempDir;

// The state a run leaves for `path` after reading all of it (`lines` lines).
FileState Remembered(const std::string& path, int64_t lines) {
  FileIdentity id;
  std::string err;
  REQUIRE(StatIdentity(path, &id, &err));
  FileState f;
  f.path = path;
  f.device = id.device;
  f.inode = id.inode;
  f.size = id.size;
  f.mtime_ns = id.mtime_ns;
  f.offset = id.size;
  f.line = lines;
  f.replay_offset = 4;
  f.replay_line = 1;
  f.fingerprint = ContentFingerprint(path, std::min<int64_t>(kFingerprintBytes, id.size));
  return f;
}

void Append(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::app) << text;
}

TEST_CASE("input_plan: unchanged files make an idle run; any change does not") {
  TempDir dir;
  std::string a = dir.Write("a.log", "one\ntwo\n");
  std::string b = dir.Write("b.log", "x\n");
  ScanState state;
  state.files = {Remembered(a, 2), Remembered(b, 1)};
  std::vector<InputFile> found = {{a, ""}, {b, ""}};
  CHECK(PlanInputs(found, state).idle);

  SUBCASE("a file grew") {
    Append(b, "y\n");
    InputPlan plan = PlanInputs(found, state);
    CHECK_FALSE(plan.idle);
    // Both resume where their replay starts; both have their lines decided.
    CHECK(plan.inputs[0].start_offset == 4);
    CHECK(plan.inputs[1].start_line == 1);
    CHECK(plan.decided_lines.at(a) == 2);
    CHECK(plan.decided_lines.at(b) == 1);
  }
  SUBCASE("a new file") {
    std::string c = dir.Write("c.log", "z\n");
    found.push_back({c, ""});
    InputPlan plan = PlanInputs(found, state);
    CHECK_FALSE(plan.idle);
    CHECK(plan.decided_lines.count(c) == 0);
    CHECK(plan.inputs[2].start_offset == 0);
  }
  SUBCASE("a file gone") {
    found.pop_back();
    CHECK_FALSE(PlanInputs(found, state).idle);
  }
  SUBCASE("same size, other head, same mtime (rewritten in place)") {
    struct stat before;
    REQUIRE(stat(a.c_str(), &before) == 0);
    dir.Write("a.log", "ONE\nTWO\n");
    struct timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(utimensat(AT_FDCWD, a.c_str(), times, 0) == 0);
    InputPlan plan = PlanInputs(found, state);
    CHECK_FALSE(plan.idle);
    CHECK(plan.decided_lines.count(a) == 0);  // another file now: read from the start
  }
  SUBCASE("a state from version 2 (size unknown) is never idle") {
    state.files[0].size = -1;
    CHECK_FALSE(PlanInputs(found, state).idle);
  }
}

TEST_CASE("input_plan: a renamed log is followed by its inode, a truncated one starts over") {
  TempDir dir;
  std::string log = dir.Write("app.log", "first line of the log\nsecond\n");
  ScanState state;
  state.files = {Remembered(log, 2)};
  SUBCASE("rename") {
    std::string rotated = dir.Path("app.log.1");
    std::filesystem::rename(log, rotated);
    dir.Write("app.log", "a new log\n");
    InputPlan plan = PlanInputs({{log, ""}, {rotated, ""}}, state);
    CHECK(plan.decided_lines.count(log) == 0);
    CHECK(plan.decided_lines.at(rotated) == 2);
    CHECK(plan.inputs[1].start_offset == 4);
  }
  SUBCASE("copytruncate") {
    std::string copy = dir.Write("app.log.1", "first line of the log\nsecond\n");
    dir.Write("app.log", "");
    Append(log, "new\n");
    InputPlan plan = PlanInputs({{log, ""}, {copy, ""}}, state);
    CHECK(plan.decided_lines.count(log) == 0);
    CHECK(plan.inputs[0].start_offset == 0);
    CHECK(plan.decided_lines.at(copy) == 2);  // the copy, by its first bytes
  }
}

}  // namespace
}  // namespace faultline
