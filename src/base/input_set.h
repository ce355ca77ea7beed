// Turns the paths on the command line into the list of inputs to read: files as given,
// directories searched recursively for log files (by name, or by their first lines for other
// text files), "-" for standard input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace faultline {

struct InputFile {
  std::string path;  ///< as opened ("-" for standard input)
  std::string root;  ///< the directory argument it was found under ("" if named directly)
  /// Cron mode: resume at this byte offset, which begins line start_line + 1, and leave a
  /// half-written last line for the next run.
  int64_t start_offset = 0, start_line = 0;
  bool complete_lines_only = false;
};

struct InputProblem {
  std::string path;
  std::string why;
};

/// True for names faultline reads inside directories without looking: *.log, *.log.N, *.out,
/// *.out.N, *.log.YYYY-MM-DD, *.log-YYYYMMDD, and each of them with .gz appended. Other files
/// are read when their folder holds no such file and their first lines look like a log's
/// (src/base/log_sniff.h).
bool IsLogFileName(const std::string& name);

/// True for configuration files read beside the logs: zoo.cfg, core-site.xml, hdfs-site.xml, and
/// logging configs (log4j.properties, log4j2.xml, logback.xml, logging.conf, logging.yaml, ...).
bool IsConfigFileName(const std::string& name);

/// Expands `paths` in order; directory entries sorted by path. Paths that do not exist or cannot
/// be listed go to *problems; the rest still come back. When `configs` is given, configuration
/// files (named, or found in directories) go there instead of being read as logs.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& paths,
                                    std::vector<InputProblem>* problems,
                                    std::vector<std::string>* configs = nullptr);

}  // namespace faultline
