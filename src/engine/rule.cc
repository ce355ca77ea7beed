#include "src/engine/rule.h"

namespace faultline {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kCritical:
      return "critical";
  }
  return "warning";
}

bool ParseSeverity(std::string_view text, Severity* s) {
  if (text == "info") return *s = Severity::kInfo, true;
  if (text == "warning") return *s = Severity::kWarning, true;
  if (text == "critical") return *s = Severity::kCritical, true;
  return false;
}

int Rule::FindName(std::string_view name) const {
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].name == name) return static_cast<int>(i);
  }
  for (size_t i = 0; i < contexts.size(); ++i) {
    if (contexts[i].name == name) return static_cast<int>(steps.size() + i);
  }
  return -1;
}

}  // namespace faultline
