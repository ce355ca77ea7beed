// Configuration of the monitored system, read from zoo.cfg, core-site.xml and hdfs-site.xml, with
// the documented defaults for what is not set. Rules use the values in windows and explanations.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/reporter.h"

namespace faultline {

enum class ConfigUnit { kMillis, kCount, kText };

struct ConfigValue {
  std::string text;   ///< as written ("2000")
  double number = 0;  ///< for kMillis and kCount
  ConfigUnit unit = ConfigUnit::kCount;
  std::string origin;  ///< "zk1/zoo.cfg:3", or where the default comes from
  bool is_default = false;
};

class ConfigValues {
 public:
  ConfigValues();  ///< starts with the known keys at their defaults
  /// Reads one file; problems are warnings (the analysis goes on with what was read).
  void LoadFile(const std::string& path, Reporter* reporter);
  /// Sets one value as a file would (also: values read back from the warehouse by analyze
  /// --engine). False (nothing stored) for a number out of range: below 0, over 1e10, not finite.
  bool Set(const std::string& name, const std::string& text, const std::string& origin);
  /// nullptr for a name that is neither known nor set.
  const ConfigValue* Find(std::string_view name) const;
  /// True if `name` is a key faultline knows (rules may use it even when it is not set).
  static bool IsKnown(std::string_view name);
  /// Every value, known keys at their defaults included, by name.
  const std::map<std::string, ConfigValue, std::less<>>& values() const { return values_; }
  /// Every known key, for error messages.
  static std::vector<std::string> KnownNames();

 private:
  std::map<std::string, ConfigValue, std::less<>> values_;
};

}  // namespace faultline
