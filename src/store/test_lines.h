// Test helpers shared by the store tests: lines from memory, and header lines of each format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/store/line_input.h"

namespace faultline::testing {

/// Lines from memory, numbered from 1; optionally a read error reported at the end.
class VectorInput final : public LineInput {
 public:
  explicit VectorInput(std::vector<std::string> lines, std::string error = "",
                       bool strip_indent = false)
      : lines_(std::move(lines)), error_(std::move(error)), strip_indent_(strip_indent) {}
  bool Next(std::string_view* line, int64_t* number) override {
    if (next_ >= lines_.size()) return false;
    *line = lines_[next_];
    *number = static_cast<int64_t>(++next_);
    // As a file reader that strips a paste's indent does (ReaderInput's TrimIndent).
    indent_removed_ = strip_indent_ && !line->empty() && (*line)[0] == ' ';
    if (indent_removed_)
      line->remove_prefix(line->find_first_not_of(' ') == std::string_view::npos
                              ? line->size()
                              : line->find_first_not_of(' '));
    return true;
  }
  std::string error() const override { return next_ >= lines_.size() ? error_ : ""; }
  bool indent_removed() const override { return indent_removed_; }

 private:
  std::vector<std::string> lines_;
  std::string error_;
  bool strip_indent_;
  bool indent_removed_ = false;
  size_t next_ = 0;
};

/// A ZooKeeper header line on 2019-09-17 at `time` ("05:04:12,043").
inline std::string ZkLine(std::string_view time, std::string_view message, int myid = 1,
                          int code_line = 1) {
  return "2019-09-17 " + std::string(time) + " [myid:" + std::to_string(myid) +
         "] - INFO  [main:Foo@" + std::to_string(code_line) + "] - " + std::string(message);
}

inline std::string HadoopLine(std::string_view time, std::string_view message) {
  return "2019-09-17 " + std::string(time) +
         " INFO org.apache.hadoop.ha.ZKFailoverController: " + std::string(message);
}

inline std::string PythonLine(std::string_view time, std::string_view message) {
  return "2019-09-17 " + std::string(time) + " - kazoo.client - WARNING - " + std::string(message);
}

}  // namespace faultline::testing
