#include "src/scan/state_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>

#include "src/base/atomic_write.h"
#include "src/base/percent_escape.h"

namespace faultline {
namespace {

constexpr std::string_view kMagic = "faultline-scan-state";

template <typename T>
bool ParseNumber(std::string_view text, T* value) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

template <typename T>
void AppendNumber(T value, std::string* out) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, end);
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (;;) {
    size_t space = line.find(' ');
    fields.push_back(line.substr(0, space));
    if (space == std::string_view::npos) return fields;
    line.remove_prefix(space + 1);
  }
}

// A field quoted for an error message, cut short, with control bytes as %XX so that the
// message stays on one line.
std::string Quote(std::string_view field) {
  constexpr size_t kMax = 40;
  std::string text = "\"";
  for (char ch : field.substr(0, kMax)) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      AppendPercentEscaped(std::string_view(&ch, 1), &text);
    } else {
      text.push_back(ch);
    }
  }
  return text + (field.size() > kMax ? "...\"" : "\"");
}

std::string Corrupt(const std::string& path, int64_t line, const std::string& why) {
  return path + ":" + std::to_string(line) + ": " + why +
         "; the state file is unusable (--reset-state discards it)";
}

// Parses the fields of one record after its kind; returns "" or the reason it is bad.
class RecordParser {
 public:
  RecordParser(std::string_view kind, const std::vector<std::string_view>& fields)
      : kind_(kind), fields_(fields) {}

  std::string FieldCount(size_t expected) const {
    if (fields_.size() == expected) return "";
    return kind_ + " record has " + std::to_string(fields_.size()) + " fields, expected " +
           std::to_string(expected);
  }

  template <typename T>
  bool Number(size_t index, const char* name, bool non_negative, T* value) {
    if (!why_.empty()) return false;
    if (!ParseNumber(fields_[index], value) || (non_negative && *value < 0)) {
      why_ = std::string("bad ") + name + " " + Quote(fields_[index]) + " in " + kind_ +
             " record (expected " + (non_negative ? "a non-negative" : "an") + " integer)";
      return false;
    }
    return true;
  }

  bool Text(size_t index, const char* name, std::string* value) {
    if (!why_.empty()) return false;
    if (!PercentUnescape(fields_[index], value)) {
      why_ = std::string("bad ") + name + " " + Quote(fields_[index]) + " in " + kind_ +
             " record (a raw control byte or a '%' not followed by two hex digits)";
      return false;
    }
    return true;
  }

  const std::string& why() const { return why_; }

 private:
  std::string kind_;
  const std::vector<std::string_view>& fields_;
  std::string why_;
};

// Parses one line (without its '\n') after the header into *state; sets *ended at `end`.
// Returns "" or the reason the line is bad.
std::string ParseRecord(std::string_view line, int version, ScanState* state, bool* ended) {
  std::vector<std::string_view> fields = SplitFields(line);
  std::string_view kind = fields[0];
  RecordParser p(kind, fields);
  if (kind == "file") {
    const size_t stat_fields = version >= 3 ? 2 : 0;  // <size> <mtime> since version 3
    if (std::string why = p.FieldCount(10 + stat_fields); !why.empty()) return why;
    FileState f;
    p.Number(1, "device", false, &f.device);
    p.Number(2, "inode", false, &f.inode);
    p.Number(3, "offset", true, &f.offset);
    p.Number(4, "line", true, &f.line);
    p.Number(5, "replay offset", true, &f.replay_offset);
    p.Number(6, "replay line", true, &f.replay_line);
    p.Number(7, "last instant", false, &f.last_instant);
    if (stat_fields > 0) {
      p.Number(8, "size", false, &f.size);
      p.Number(9, "mtime", false, &f.mtime_ns);
      if (p.why().empty() && f.size < -1) return "bad size in file record (below -1)";
    }
    p.Text(8 + stat_fields, "fingerprint", &f.fingerprint);
    p.Text(9 + stat_fields, "path", &f.path);
    if (!p.why().empty()) return p.why();
    state->files.push_back(std::move(f));
    return "";
  }
  if (kind == "reported") {
    if (std::string why = p.FieldCount(4); !why.empty()) return why;
    ReportedIncident r;
    p.Number(1, "last instant", false, &r.last_instant);
    if (version == 1) {  // "reported <last_instant> <matches> <fingerprint>": its own incident
      int32_t matches = 0;
      p.Number(2, "matches", true, &matches);
      p.Text(3, "fingerprint", &r.fingerprint);
      r.incident = r.fingerprint;
    } else {
      p.Text(2, "fingerprint", &r.fingerprint);
      p.Text(3, "incident", &r.incident);
    }
    if (!p.why().empty()) return p.why();
    state->reported.push_back(std::move(r));
    return "";
  }
  if (kind == "episode" && version >= 3) {
    if (std::string why = p.FieldCount(9); !why.empty()) return why;
    EpisodeState e;
    std::string hosts, times;
    p.Number(1, "first", false, &e.first);
    p.Number(2, "last", false, &e.last);
    p.Number(3, "count", true, &e.count);
    p.Number(4, "severity", true, &e.severity);
    p.Text(5, "key", &e.key);
    p.Text(6, "name", &e.name);
    p.Text(7, "hosts", &hosts);
    p.Text(8, "times", &times);
    if (!p.why().empty()) return p.why();
    if (e.severity > 2) return "bad severity in episode record (above 2)";
    for (size_t start = 0; !hosts.empty();) {
      size_t nl = hosts.find('\n', start);
      e.hosts.push_back(hosts.substr(start, nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    if (times != "-") {
      for (std::string_view rest = times; !rest.empty();) {
        size_t comma = rest.find(',');
        int64_t t = 0;
        if (!ParseNumber(rest.substr(0, comma), &t)) return "bad times in episode record";
        e.times.push_back(t);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
    state->episodes.push_back(std::move(e));
    return "";
  }
  if (kind == "watermark" && version >= 3) {
    if (std::string why = p.FieldCount(2); !why.empty()) return why;
    p.Number(1, "watermark", false, &state->watermark);
    return p.why();
  }
  if (kind == "end") {
    if (std::string why = p.FieldCount(1); !why.empty()) return why;
    *ended = true;
    return "";
  }
  if (kind == "runs") return "a second runs line";
  return "unknown record " + Quote(kind) + " (not a faultline scan state, or a newer one)";
}

// Checks the first line: the magic word and a version this build reads (this one, or version 1,
// whose reported matches each count as their own incident).
std::string ParseHeader(std::string_view line, int* version_read) {
  std::vector<std::string_view> fields = SplitFields(line);
  if (fields[0] != kMagic) {
    return "not a faultline scan state file (it does not start with \"" + std::string(kMagic) +
           "\")";
  }
  int version = 0;
  if (fields.size() != 2 || !ParseNumber(fields[1], &version)) {
    return "bad header " + Quote(line) + " (expected \"" + std::string(kMagic) + " " +
           std::to_string(kStateFileVersion) + "\")";
  }
  *version_read = version;
  if (version != kStateFileVersion && version != 2 && version != 1) {
    return "state file version " + std::to_string(version) + " is not supported (this faultline " +
           "reads version " + std::to_string(kStateFileVersion) + ")";
  }
  return "";
}

std::string ParseRuns(std::string_view line, int64_t* runs) {
  std::vector<std::string_view> fields = SplitFields(line);
  if (fields[0] != "runs") return "expected the runs line, found " + Quote(line);
  RecordParser p("runs", fields);
  if (std::string why = p.FieldCount(2); !why.empty()) return why;
  p.Number(1, "count", true, runs);
  return p.why();
}

std::string FormatState(const ScanState& state) {
  std::string out;
  out.append(kMagic).append(" ");
  AppendNumber(kStateFileVersion, &out);
  out.append("\nruns ");
  AppendNumber(state.runs, &out);
  out.push_back('\n');
  for (const FileState& f : state.files) {
    out.append("file ");
    AppendNumber(f.device, &out);
    out.push_back(' ');
    AppendNumber(f.inode, &out);
    for (int64_t n :
         {f.offset, f.line, f.replay_offset, f.replay_line, f.last_instant, f.size, f.mtime_ns}) {
      out.push_back(' ');
      AppendNumber(n, &out);
    }
    out.push_back(' ');
    AppendPercentEscaped(f.fingerprint, &out);
    out.push_back(' ');
    AppendPercentEscaped(f.path, &out);
    out.push_back('\n');
  }
  for (const ReportedIncident& r : state.reported) {
    out.append("reported ");
    AppendNumber(r.last_instant, &out);
    out.push_back(' ');
    AppendPercentEscaped(r.fingerprint, &out);
    out.push_back(' ');
    AppendPercentEscaped(r.incident, &out);
    out.push_back('\n');
  }
  for (const EpisodeState& e : state.episodes) {
    out.append("episode");
    for (int64_t n : {e.first, e.last, e.count, static_cast<int64_t>(e.severity)}) {
      out.push_back(' ');
      AppendNumber(n, &out);
    }
    std::string hosts, times;
    for (const std::string& h : e.hosts) hosts += (hosts.empty() ? "" : "\n") + h;
    for (int64_t t : e.times) {
      if (!times.empty()) times.push_back(',');
      AppendNumber(t, &times);
    }
    for (const std::string* text : {&e.key, &e.name, static_cast<const std::string*>(&hosts)}) {
      out.push_back(' ');
      AppendPercentEscaped(*text, &out);
    }
    out.push_back(' ');
    out.append(times.empty() ? "-" : times);
    out.push_back('\n');
  }
  if (state.watermark != std::numeric_limits<int64_t>::min()) {
    out.append("watermark ");
    AppendNumber(state.watermark, &out);
    out.push_back('\n');
  }
  out.append("end\n");
  return out;
}

// getline(3)'s buffer, freed at the end of the scope.
struct LineBuffer {
  char* data = nullptr;
  size_t capacity = 0;
  ~LineBuffer() { free(data); }
};

std::string Errno(int error) { return std::strerror(error); }

}  // namespace

bool ReadState(const std::string& path, ScanState* out, std::string* err) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(fopen(path.c_str(), "rbe"), fclose);
  if (file == nullptr) {
    if (errno == ENOENT) {
      *out = ScanState();
      return true;
    }
    *err = "cannot read state file " + path + ": " + Errno(errno);
    return false;
  }
  ScanState state;
  std::string why;
  int64_t line_number = 0;
  int version = kStateFileVersion;
  bool ended = false;
  LineBuffer buf;
  for (;;) {
    errno = 0;
    ssize_t got = getline(&buf.data, &buf.capacity, file.get());
    if (got < 0) {
      if (ferror(file.get())) {
        *err = "cannot read state file " + path + ": " + Errno(errno != 0 ? errno : EIO);
        return false;
      }
      break;
    }
    ++line_number;
    std::string_view line(buf.data, static_cast<size_t>(got));
    bool terminated = line.back() == '\n';
    if (terminated) line.remove_suffix(1);
    if (ended) {
      why = "data after the end line";
    } else if (line_number == 1) {
      // Checked even without a newline, so that a foreign file is named as foreign.
      why = ParseHeader(line, &version);
    } else if (terminated && line_number == 2) {
      why = ParseRuns(line, &state.runs);
    } else if (terminated) {
      why = ParseRecord(line, version, &state, &ended);
    }
    if (why.empty() && !terminated) why = "the last line has no newline (the file was truncated)";
    if (!why.empty()) break;
  }
  if (why.empty() && !ended) {
    ++line_number;  // the line where `end` should have been
    why = line_number == 1 ? "the file is empty"
                           : "the file ends without its end line (it was truncated)";
  }
  if (!why.empty()) {
    *err = Corrupt(path, line_number, why);
    return false;
  }
  *out = std::move(state);
  return true;
}

bool ReadStateOrPrevious(const std::string& path, ScanState* out, std::string* err,
                         std::string* recovered) {
  recovered->clear();
  std::string why;
  if (ReadState(path, out, &why)) return true;
  const std::string previous = path + ".prev";
  std::string why_previous;
  struct stat st;
  if (stat(previous.c_str(), &st) != 0 || !ReadState(previous, out, &why_previous)) {
    *err = why_previous.empty() ? why
                                : why + "; the previous generation " + previous +
                                      " cannot be used either: " + why_previous;
    return false;
  }
  *recovered = why + "; recovered from the previous generation " + previous +
               " (incidents of the last run may be reported again)";
  return true;
}

bool WriteState(const std::string& path, const ScanState& state, std::string* err,
                bool keep_previous) {
  AtomicWriteOptions options;
  options.what = "state file";
  options.failpoint = "state";
  if (keep_previous) options.keep_previous = path + ".prev";
  return WriteFileAtomically(path, FormatState(state), options, err);
}

StateLock::~StateLock() { Release(); }

void StateLock::Release() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

bool StateLock::Acquire(const std::string& state_path, std::string* err, int64_t wait_ms) {
  Release();
  const std::string lock_path = state_path + ".lock";
  int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    *err = "cannot lock " + lock_path + ": " + Errno(errno);
    return false;
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  int rc;
  for (;;) {
    rc = flock(fd, LOCK_EX | LOCK_NB);
    if (rc == 0 || (errno != EINTR && errno != EWOULDBLOCK)) break;
    if (errno == EWOULDBLOCK && std::chrono::steady_clock::now() >= deadline) break;
    if (errno == EWOULDBLOCK) usleep(20'000);
  }
  if (rc != 0) {
    int error = errno;
    std::string holder;
    if (error == EWOULDBLOCK) {
      char text[32] = {};
      ssize_t got = pread(fd, text, sizeof text - 1, 0);
      long long pid = got > 0 ? std::strtoll(text, nullptr, 10) : 0;
      if (pid > 0) holder = " (pid " + std::to_string(pid) + ")";
    }
    close(fd);
    *err = error == EWOULDBLOCK
               ? "another faultline scan" + holder + " is using " + lock_path +
                     (wait_ms > 0 ? " (waited " + std::to_string(wait_ms) + " ms)" : "")
               : "cannot lock " + lock_path + ": " + Errno(error);
    return false;
  }
  // Who holds it, for the message of a second scan; best effort (a read-only lock file is fine).
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) == 0) {
    ssize_t ignored = pwrite(fd, pid.data(), pid.size(), 0);
    (void)ignored;
  }
  fd_ = fd;
  return true;
}

}  // namespace faultline
