#include "src/engine/db_cache.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

TEST_CASE("db_cache: what is stored loads back; a damaged or foreign file does not") {
  testing::TempDir tmp;
  std::string dir = tmp.Path("deep/cache");
  setenv("FAULTLINE_CACHE_DIR", dir.c_str(), 1);
  CHECK(db_cache::Directory() == dir);
  std::string bytes;
  CHECK_FALSE(db_cache::Load("a.db", &bytes));
  std::string payload("compiled\0bytes", 14);
  db_cache::Store("a.db", payload);  // creates the folders
  REQUIRE(db_cache::Load("a.db", &bytes));
  CHECK(bytes == payload);

  std::string path = dir + "/a.db";
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(20);
    f.put('X');  // one byte of the payload changed
  }
  CHECK_FALSE(db_cache::Load("a.db", &bytes));
  tmp.Write("deep/cache/b.db", "not a cache file at all");
  CHECK_FALSE(db_cache::Load("b.db", &bytes));
  db_cache::Store("a.db", payload);  // replaced whole
  CHECK(db_cache::Load("a.db", &bytes));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
  }
  unsetenv("FAULTLINE_CACHE_DIR");
}

TEST_CASE("db_cache: the directory keeps the 64 newest files") {
  testing::TempDir tmp;
  setenv("FAULTLINE_CACHE_DIR", tmp.Path().c_str(), 1);
  for (int i = 0; i < 70; ++i) db_cache::Store("f" + std::to_string(i) + ".db", "x");
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(tmp.Path())) {
    (void)entry;
    ++files;
  }
  CHECK(files == 64);
  std::string bytes;
  CHECK(db_cache::Load("f69.db", &bytes));  // the newest stays
  unsetenv("FAULTLINE_CACHE_DIR");
}

TEST_CASE("db_cache: off when FAULTLINE_CACHE_DIR is empty or relative") {
  setenv("FAULTLINE_CACHE_DIR", "", 1);
  CHECK(db_cache::Directory().empty());
  std::string bytes;
  CHECK_FALSE(db_cache::Load("a.db", &bytes));
  db_cache::Store("a.db", "x");  // nowhere to go: silently nothing
  setenv("FAULTLINE_CACHE_DIR", "relative/dir", 1);
  CHECK(db_cache::Directory().empty());
  unsetenv("FAULTLINE_CACHE_DIR");
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  CHECK(db_cache::Directory() == "/xdg/faultline");
  unsetenv("XDG_CACHE_HOME");
}

}  // namespace
}  // namespace faultline
