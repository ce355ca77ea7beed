// Helpers shared by the fuzz targets (fuzz/fuzz_*.cc). Each target defines
// LLVMFuzzerTestOneInput; built with clang and -DFAULTLINE_FUZZ=ON it links libFuzzer, and in
// every build the same file is linked with fuzz/replay_main.cc into fuzz_replay_NAME, which
// runs the committed corpus testdata/fuzz/NAME/ through it (ctest fuzz.replay.NAME).
//
// FUZZ_CHECK states an invariant the code under test promises (a view inside its line, an
// offset that only grows); a broken one aborts, which libFuzzer and the replay test report.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#define FUZZ_CHECK(cond)                                                                     \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

namespace faultline::fuzz {

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Splits on '\n' (a final piece without one is a line too), dropping a '\r' before it, as the
/// line reader does.
inline std::vector<std::string_view> SplitLines(std::string_view text, size_t max_lines = 400) {
  std::vector<std::string_view> lines;
  while (!text.empty() && lines.size() < max_lines) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

/// True when `part` lies inside `whole` (an empty view may point anywhere).
inline bool Within(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

/// A private directory for files the code under test must open by path (zoo.cfg, a state file,
/// a .gz input), made on first use and removed, with what was written into it, at exit.
class Scratch {
 public:
  static Scratch& Get() {
    static Scratch scratch;
    return scratch;
  }
  /// Writes `data` to <dir>/name and returns the path.
  std::string Write(const std::string& name, std::string_view data) {
    std::string path = dir_ + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) std::abort();
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), f) != data.size()) std::abort();
    std::fclose(f);
    for (const std::string& known : written_)
      if (known == path) return path;
    written_.push_back(path);
    return path;
  }
  ~Scratch() {
    for (const std::string& path : written_) unlink(path.c_str());
    rmdir(dir_.c_str());
  }

 private:
  Scratch() {
    // Memory-backed where there is one: the state target fsyncs on every input.
    const char* base = std::getenv("TMPDIR");
    if (base == nullptr || *base == '\0')
      base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    dir_ = std::string(base) + "/faultline-fuzz." + std::to_string(getpid());
    if (mkdir(dir_.c_str(), 0700) != 0 && errno != EEXIST) std::abort();
  }
  std::string dir_;
  std::vector<std::string> written_;
};

inline std::string WriteScratch(const std::string& name, std::string_view data) {
  return Scratch::Get().Write(name, data);
}

}  // namespace faultline::fuzz
