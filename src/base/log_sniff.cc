#include "src/base/log_sniff.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <string>

namespace faultline {
namespace {

constexpr size_t kSampleBytes = 8192;

// A byte order mark of UTF-16 (a log saved on Windows): its NULs are not binary.
bool IsUtf16(std::string_view sample) {
  return sample.size() >= 2 && ((sample[0] == '\xff' && sample[1] == '\xfe') ||
                                (sample[0] == '\xfe' && sample[1] == '\xff'));
}
constexpr int kSampleLines = 30;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "12:34:56" or "1:02:03" anywhere in the line.
bool HasTimeOfDay(std::string_view line) {
  for (size_t colon = line.find(':'); colon != std::string_view::npos && colon + 5 < line.size();
       colon = line.find(':', colon + 1)) {
    if (colon > 0 && IsDigit(line[colon - 1]) && IsDigit(line[colon + 1]) &&
        IsDigit(line[colon + 2]) && line[colon + 3] == ':' && IsDigit(line[colon + 4]) &&
        IsDigit(line[colon + 5]))
      return true;
  }
  return false;
}

bool IsWordByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_';
}

// A level word in capitals standing alone ("INFO", "[WARN]", "ERROR:").
bool HasLevelWord(std::string_view line) {
  static constexpr std::array<std::string_view, 9> kLevels = {
      "INFO", "WARN", "WARNING", "ERROR", "FATAL", "DEBUG", "TRACE", "SEVERE", "CRITICAL"};
  for (std::string_view level : kLevels) {
    for (size_t at = line.find(level); at != std::string_view::npos;
         at = line.find(level, at + 1)) {
      bool before = at == 0 || !IsWordByte(line[at - 1]);
      size_t end = at + level.size();
      bool after = end == line.size() || !IsWordByte(line[end]);
      if (before && after) return true;
    }
  }
  return false;
}

bool IsTraceLine(std::string_view line) {
  size_t text = line.find_first_not_of(" \t");
  if (text == std::string_view::npos) return false;
  std::string_view rest = line.substr(text);
  return (text > 0 && rest.starts_with("at ")) || rest.starts_with("Caused by: ");
}

}  // namespace

bool MayHoldLogLines(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;  // hidden: editors' and tools' own files
  static constexpr std::string_view kNeverLogs[] = {
      // documents and notes
      ".md", ".markdown", ".rst", ".html", ".htm", ".pdf", ".doc", ".docx",
      // sources and scripts
      ".py", ".pyc", ".java", ".class", ".jar", ".scala", ".go", ".rs", ".c", ".cc", ".cpp", ".h",
      ".hpp", ".js", ".ts", ".rb", ".pl", ".sh", ".bash",
      // configuration, data and state (JSON: faultline's own state files among them)
      ".toml", ".xml", ".yaml", ".yml", ".properties", ".cfg", ".conf", ".ini", ".json", ".pid",
      ".lock", ".swp", ".tmp", ".db", ".sqlite", ".sqlite3",
      // archives and images (a .gz is read only under a log's name)
      ".gz", ".tgz", ".tar", ".zip", ".bz2", ".xz", ".zst", ".7z", ".png", ".jpg", ".jpeg", ".gif",
      ".svg", ".ico"};
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view ext : kNeverLogs) {
    if (lower.ends_with(ext)) return false;
  }
  return true;
}

bool SampleLooksLikeLog(std::string_view sample, bool sample_is_whole_file) {
  std::string narrowed;
  // UTF-16 (a log saved on Windows): its ASCII is every other byte; the NULs between are not
  // binary.
  if (IsUtf16(sample)) {
    for (char c : sample.substr(2)) {
      if (c != '\0') narrowed.push_back(c);
    }
    sample = narrowed;
  } else if (sample.find('\0') != std::string_view::npos) {
    return false;
  }
  // A sample cut short ends inside a line: leave that line out.
  if (!sample_is_whole_file) {
    size_t last = sample.rfind('\n');
    sample = last == std::string_view::npos ? std::string_view() : sample.substr(0, last);
  }
  int lines = 0, log_like = 0;
  while (!sample.empty() && lines < kSampleLines) {
    size_t end = sample.find('\n');
    std::string_view line = sample.substr(0, end);
    sample = end == std::string_view::npos ? std::string_view() : sample.substr(end + 1);
    // Tool output that escapes a program's newlines (Ansible's "msg", a JSON string) carries
    // several log lines in one: each escaped "\n" piece counts as a line of its own.
    while (!line.empty() && lines < kSampleLines) {
      size_t escaped = line.find("\\n");
      std::string_view piece = line.substr(0, escaped);
      line = escaped == std::string_view::npos ? std::string_view() : line.substr(escaped + 2);
      if (piece.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      ++lines;
      if (HasTimeOfDay(piece) || HasLevelWord(piece) || IsTraceLine(piece)) ++log_like;
    }
  }
  if (lines == 0) return false;
  return log_like * 3 >= lines && log_like >= std::min(lines, 2);
}

namespace {

// The file's first kSampleBytes; nullopt if it cannot be opened.
std::optional<std::string> ReadSample(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string sample(kSampleBytes, '\0');
  in.read(sample.data(), static_cast<std::streamsize>(sample.size()));
  sample.resize(static_cast<size_t>(in.gcount()));
  return sample;
}

}  // namespace

TextKind SniffText(const std::string& path) {
  std::optional<std::string> sample = ReadSample(path);
  if (!sample || sample->find_first_not_of(" \t\r\n") == std::string::npos) return TextKind::kNone;
  if (SampleLooksLikeLog(*sample, sample->size() < kSampleBytes)) return TextKind::kLog;
  bool text = IsUtf16(*sample) || sample->find('\0') == std::string::npos;
  return text ? TextKind::kPlain : TextKind::kNone;
}

bool LooksLikeLogText(const std::string& path) { return SniffText(path) == TextKind::kLog; }

bool IsPlainText(const std::string& path) { return SniffText(path) != TextKind::kNone; }

}  // namespace faultline
