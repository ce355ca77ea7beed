// Messages for the user on standard error, one line each, counted so that the exit status can
// say that something went wrong even though the run went on.
#pragma once

#include <string>

namespace faultline {

class Reporter {
 public:
  /// "faultline: PATH: MESSAGE" — an input was skipped or cut short; the run goes on.
  void InputProblem(const std::string& path, const std::string& message);
  /// "faultline: warning: MESSAGE" — worth knowing, not a failure.
  void Warning(const std::string& message);
  /// "faultline: error: MESSAGE"
  void Error(const std::string& message);

  int input_problems() const { return input_problems_; }
  int errors() const { return errors_; }
  /// Silences output (tests); counting goes on.
  void set_quiet(bool quiet) { quiet_ = quiet; }

 private:
  int input_problems_ = 0;
  int errors_ = 0;
  bool quiet_ = false;
};

}  // namespace faultline
