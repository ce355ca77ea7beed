// Window expressions over durations, numbers and configuration values:
//   "30s"   "tickTime * syncLimit + 2s"   "ha.zookeeper.session-timeout.ms * 2"
// Configuration values in milliseconds are durations, counts are numbers. Operators + - * and
// parentheses; put spaces around '-' (configuration names contain dashes).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "src/engine/config_values.h"

namespace faultline {

struct ExprValue {
  double value = 0;  ///< microseconds for a duration
  bool is_duration = false;
};

class Expr {
 public:
  /// Parses `text`; on failure returns nullptr and sets *err and *column (0-based).
  static std::unique_ptr<Expr> Parse(const std::string& text, std::string* err, int* column);
  virtual ~Expr() = default;
  virtual ExprValue Eval(const ConfigValues& config) const = 0;
  /// Configuration names the expression uses.
  virtual void CollectNames(std::set<std::string>* names) const = 0;
};

/// Evaluates `expr` to a duration in microseconds; false (and *err) if it is not a duration.
bool EvalDuration(const Expr& expr, const ConfigValues& config, int64_t* micros, std::string* err);

/// "10s" for durations, "5" for numbers.
std::string FormatExprValue(const ExprValue& value);

}  // namespace faultline
