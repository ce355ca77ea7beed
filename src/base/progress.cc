#include "src/base/progress.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace faultline {
namespace {

constexpr int64_t kDefaultAfterBytes = 256LL << 20;
constexpr int64_t kRedrawNs = 100'000'000;       // ten redraws a second at most
constexpr int64_t kShowAfterNs = 1'000'000'000;  // a small input still shows after a second

std::atomic<Progress*> g_active{nullptr};

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             Progress::Clock::now().time_since_epoch())
      .count();
}

// What reading `path` will deliver: its size, or for gzip the size its trailer records (ISIZE,
// modulo 4 GiB and only the last member's: an estimate, raised to what was read if short).
int64_t ExpectedBytes(const std::string& path, bool compressed) {
  int fd = path == "-" ? 0 : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st {};
  int64_t size = 0;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = st.st_size;
  if (compressed && size >= 18 && fd != 0) {
    unsigned char tail[4];
    if (pread(fd, tail, 4, size - 4) == 4) {
      int64_t isize = tail[0] | tail[1] << 8 | tail[2] << 16 | int64_t{tail[3]} << 24;
      size = std::max(size, isize);
    }
  }
  if (fd != 0) close(fd);
  return size;
}

std::string Megabytes(int64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(bytes) / 1e6);
  return text;
}

std::string ClockTime(int64_t seconds) {
  char text[32];
  if (seconds >= 3600) {
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
  } else {
    std::snprintf(text, sizeof text, "%lld:%02lld", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
  }
  return text;
}

}  // namespace

// Counts what is read through it; tells the Progress when the input ends or is dropped.
class Progress::Counted final : public ByteSource {
 public:
  Counted(std::shared_ptr<Progress> progress, std::unique_ptr<ByteSource> inner, Input* input,
          const int64_t* records)
      : progress_(std::move(progress)),
        inner_(std::move(inner)),
        input_(input),
        records_(records) {}
  ~Counted() override { progress_->Finished(input_); }
  bool compressed() const override { return inner_->compressed(); }

  int64_t Read(char* buf, size_t n, std::string* err) override {
    int64_t got = inner_->Read(buf, n, err);
    if (got <= 0) {
      progress_->Finished(input_);
      return got;
    }
    Note(got);
    return got;
  }
  bool Skip(int64_t n, std::string* err) override {
    bool ok = inner_->Skip(n, err);
    if (ok) Note(n);
    return ok;
  }

 private:
  void Note(int64_t bytes) {
    input_->done.fetch_add(bytes, std::memory_order_relaxed);
    if (records_ != nullptr) input_->records.store(*records_, std::memory_order_relaxed);
    progress_->current_input_.store(input_, std::memory_order_relaxed);
    progress_->Advance();
  }

  std::shared_ptr<Progress> progress_;
  std::unique_ptr<ByteSource> inner_;
  Input* input_;
  const int64_t* records_;
};

int64_t Progress::AfterBytesFromEnvironment() {
  const char* text = std::getenv("FAULTLINE_PROGRESS_AFTER_BYTES");
  if (text == nullptr || *text == '\0') return kDefaultAfterBytes;
  char* end = nullptr;
  long long value = std::strtoll(text, &end, 10);
  return *end == '\0' && value >= 0 ? value : kDefaultAfterBytes;
}

std::shared_ptr<Progress> Progress::ForTerminal(std::FILE* stream, int64_t after_bytes) {
  if (isatty(fileno(stream)) == 0) return nullptr;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return nullptr;  // no cursor control
  struct winsize size {};
  int width = ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
  return std::make_shared<Progress>(stream, after_bytes, width);
}

Progress::Progress(std::FILE* stream, int64_t after_bytes, int width)
    : stream_(stream),
      after_bytes_(after_bytes),
      width_(static_cast<size_t>(std::max(width, 20))),
      start_(Clock::now()),
      next_draw_ns_(0) {}

Progress::~Progress() { Clear(); }

std::unique_ptr<ByteSource> Progress::Watch(std::unique_ptr<ByteSource> source,
                                            const std::string& path, const int64_t* records) {
  Input* input;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // analyze -j N reads each file once per engine thread: the line counts one reading of it.
    if (path != "-" && !watched_paths_.insert(path).second) return source;
    inputs_.push_back(std::make_unique<Input>());
    input = inputs_.back().get();
    input->name = path;
    input->total = ExpectedBytes(path, source->compressed());
    ++open_inputs_;
  }
  // The shared_ptr keeps this Progress alive as long as any input it counts.
  return std::make_unique<Counted>(shared_from_this(), std::move(source), input, records);
}

void Progress::Advance() {
  int64_t now = NowNs();
  if (now < next_draw_ns_.load(std::memory_order_relaxed)) return;
  std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another reader is drawing
  next_draw_ns_.store(now + kRedrawNs, std::memory_order_relaxed);
  int64_t started =
      std::chrono::duration_cast<std::chrono::nanoseconds>(start_.time_since_epoch()).count();
  Draw(now, started);
}

void Progress::Draw(int64_t now, int64_t started) {
  int64_t done = 0, total = 0, records = 0;
  for (const auto& input : inputs_) {
    int64_t d = input->done.load(std::memory_order_relaxed);
    done += d;
    total += std::max(d, input->total);  // what was read, if more than the size (or a pipe)
    records += input->records.load(std::memory_order_relaxed);
  }
  if (!shown_ && total < after_bytes_ && now - started < kShowAfterNs) return;  // small, quick
  Input* current = current_input_.load(std::memory_order_relaxed);
  std::string line = Format(done, total, records, static_cast<double>(now - started) / 1e9,
                            current != nullptr ? current->name : "", width_ - 1);
  std::fprintf(stream_, "\r%s\033[K", line.c_str());
  std::fflush(stream_);
  shown_ = true;
  g_active.store(this);
}

void Progress::Finished(Input* input) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!input->open) return;
  input->open = false;
  if (--open_inputs_ == 0) ClearLocked();  // everything read: the command's output comes next
}

void Progress::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  ClearLocked();
}

void Progress::ClearLocked() {
  if (!shown_) return;
  std::fputs("\r\033[K", stream_);
  std::fflush(stream_);
  shown_ = false;
  Progress* self = this;
  g_active.compare_exchange_strong(self, nullptr);
  next_draw_ns_.store(NowNs() + kRedrawNs, std::memory_order_relaxed);
}

void Progress::ClearActive() {
  if (Progress* active = g_active.load()) active->Clear();
}

std::string Progress::Format(int64_t done, int64_t total, int64_t records, double seconds,
                             const std::string& file, size_t width) {
  std::string line = "faultline: ";
  if (total > 0) {
    line += std::to_string(done * 100 / total) + "% " + Megabytes(done) + " of " +
            Megabytes(total) + " MB";
  } else {
    line += Megabytes(done) + " MB";
  }
  line += ", " + std::to_string(records) + " records";
  // The rate of the first fifth of a second says little: shown from then on.
  double rate = seconds >= 0.2 ? static_cast<double>(done) / seconds : 0;
  char text[32];
  if (rate > 0) std::snprintf(text, sizeof text, ", %.1f MB/s", rate / 1e6);
  line += rate > 0 ? text : ", - MB/s";
  if (total > 0 && rate > 0) {
    line +=
        ", ETA " + ClockTime(static_cast<int64_t>(static_cast<double>(total - done) / rate + 0.5));
  }
  if (!file.empty()) {
    line += ", ";
    size_t room = width > line.size() ? width - line.size() : 0;
    // The end of a long path names the file; keep it.
    line += file.size() <= room ? file
            : room > 3          ? "..." + file.substr(file.size() - (room - 3))
                                : "";
  }
  if (line.size() > width) line.resize(width);  // a wrapped line could not be redrawn in place
  return line;
}

}  // namespace faultline
