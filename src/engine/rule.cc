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

std::string_view StepRoleName(StepRole role) {
  switch (role) {
    case StepRole::kRequired:
      return "required";
    case StepRole::kDecisive:
      return "decisive";
    case StepRole::kCorroborating:
      return "corroborating";
  }
  return "required";
}

bool ParseStepRole(std::string_view text, StepRole* role) {
  if (text == "required") return *role = StepRole::kRequired, true;
  if (text == "decisive") return *role = StepRole::kDecisive, true;
  if (text == "corroborating") return *role = StepRole::kCorroborating, true;
  return false;
}

std::string_view MatchPartName(MatchPart part) {
  switch (part) {
    case MatchPart::kRecord:
      return "record";
    case MatchPart::kMessage:
      return "message";
    case MatchPart::kContinuation:
      return "continuation";
  }
  return "record";
}

bool ParseMatchPart(std::string_view text, MatchPart* part) {
  if (text == "record") return *part = MatchPart::kRecord, true;
  if (text == "message") return *part = MatchPart::kMessage, true;
  if (text == "continuation") return *part = MatchPart::kContinuation, true;
  return false;
}

bool Rule::HasRoles() const {
  for (const Step& step : steps) {
    if (step.role != StepRole::kRequired) return true;
  }
  return false;
}

bool Rule::Explains(const Rule& other) const {
  for (const std::string& name : explains) {
    if (name == other.id || (!other.effect.empty() && name == other.effect)) return true;
  }
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
