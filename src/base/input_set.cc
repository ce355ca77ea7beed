#include "src/base/input_set.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "src/base/log_sniff.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

bool AllDigits(const std::string& s, size_t begin, size_t end) {
  if (begin >= end) return false;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Why a directory entry that is not a regular file is skipped ("" for a directory).
std::string NotAFile(const fs::directory_entry& entry) {
  std::error_code ec;
  fs::file_status status = entry.status(ec);
  if (ec && status.type() != fs::file_type::not_found) {
    return "symbolic link: " + ec.message() + ", skipped";
  }
  switch (status.type()) {
    case fs::file_type::directory:
      return "";
    case fs::file_type::fifo:
      return "a FIFO (named pipe), not a regular file: skipped";
    case fs::file_type::socket:
      return "a socket, not a regular file: skipped";
    case fs::file_type::character:
    case fs::file_type::block:
      return "a device, not a regular file: skipped";
    case fs::file_type::not_found:
      return "dangling symbolic link, skipped";
    default:
      return "not a regular file, skipped";
  }
}

}  // namespace

bool IsLogFileName(const std::string& full_name) {
  std::string name = full_name;
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (EndsWith(name, ".log") || EndsWith(name, ".out")) return true;
  // Hadoop's daemons rotate their .out files as .out.1 ... .out.5.
  size_t out = name.rfind(".out.");
  if (out != std::string::npos && AllDigits(name, out + 5, name.size())) return true;
  size_t log = name.rfind(".log");
  if (log == std::string::npos || log + 4 >= name.size()) return false;
  size_t tail = log + 4;
  char sep = name[tail];
  if (sep != '.' && sep != '-') return false;
  std::string rest = name.substr(tail + 1);
  if (AllDigits(rest, 0, rest.size())) return true;  // .log.1, .log-20260101
  // .log.2026-01-01
  return rest.size() == 10 && rest[4] == '-' && rest[7] == '-' && AllDigits(rest, 0, 4) &&
         AllDigits(rest, 5, 7) && AllDigits(rest, 8, 10);
}

bool IsConfigFileName(const std::string& name) {
  if (name == "zoo.cfg" || name == "core-site.xml" || name == "hdfs-site.xml") return true;
  // Logging configs: their appenders' layouts say how the logs beside them are written.
  static constexpr std::string_view kLogging[] = {
      "log4j.properties", "log4j2.properties", "log4j2.xml",         "log4j2-test.xml",
      "log4j2.yaml",      "logback.xml",       "logback-spring.xml", "logback-test.xml",
      "logging.conf",     "logging.ini",       "logging.yaml",       "logging.yml",
      "logging.json",     "log_config.yaml",   "log_config.json",
  };
  for (std::string_view known : kLogging) {
    if (name == known) return true;
  }
  return false;
}

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& paths,
                                    std::vector<InputProblem>* problems,
                                    std::vector<std::string>* configs) {
  std::vector<InputFile> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({path, ""});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      // ENOENT says "No such file or directory"; a symbolic link loop says so (ELOOP).
      problems->push_back({path, ec ? ec.message() : "No such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      if (configs != nullptr && IsConfigFileName(fs::path(path).filename().string())) {
        configs->push_back(path);
        continue;
      }
      inputs.push_back({path, ""});
      continue;
    }
    std::vector<std::string> found, found_configs;
    // Files under other names, by folder: read when their first lines look like a log's, in a
    // folder that holds no file named like a log (logs attached as zk1.txt, or saved as
    // "zookeeper"). Beside named logs they are notes, outputs and exports quoting those logs,
    // whose lines would be read twice.
    std::map<std::string, std::vector<std::string>> other_names;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      problems->push_back({path, ec.message()});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        problems->push_back({it->path().string(), ec.message()});
        break;
      }
      std::error_code file_ec;
      std::string name = it->path().filename().string();
      if (!it->is_regular_file(file_ec)) {
        // A log-named entry that is not a file is skipped with a word: a FIFO (reading it would
        // block), a socket or device, a dangling link or a link loop.
        if (IsLogFileName(name) && !it->is_directory(file_ec)) {
          std::string why = NotAFile(*it);
          if (!why.empty()) problems->push_back({it->path().string(), why});
        }
        continue;
      }
      if (IsLogFileName(name)) {
        found.push_back(it->path().string());
      } else if (configs != nullptr && IsConfigFileName(name)) {
        found_configs.push_back(it->path().string());
      } else if (MayHoldLogLines(name)) {  // config names never: .cfg, .xml, .properties, ...
        other_names[it->path().parent_path().string()].push_back(it->path().string());
      }
    }
    for (const std::string& file : found) other_names.erase(fs::path(file).parent_path().string());
    std::vector<std::string> text_files;
    for (const auto& [folder, files] : other_names) {
      for (const std::string& file : files) {
        TextKind kind = SniffText(file);
        if (kind == TextKind::kLog) {
          found.push_back(file);
        } else if (kind == TextKind::kPlain) {
          text_files.push_back(file);
        }
      }
    }
    // A directory with nothing that looks like a log still holds what the user has: an excerpt
    // of a line or two without time (a status reply pasted into answer.txt). Reading it beats
    // "Read 0 input(s)"; beside anything log-like such files are notes, and are left alone.
    if (found.empty()) found = std::move(text_files);
    std::sort(found.begin(), found.end());
    for (std::string& file : found) inputs.push_back({std::move(file), path});
    std::sort(found_configs.begin(), found_configs.end());
    if (configs != nullptr)
      configs->insert(configs->end(), found_configs.begin(), found_configs.end());
  }
  return inputs;
}

}  // namespace faultline
