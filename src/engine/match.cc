#include "src/engine/match.h"

#include <algorithm>

namespace faultline {
namespace {

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

void FindSessionId(std::string_view text, std::string* id) {
  id->clear();
  for (size_t pos = text.find("0x"); pos != std::string_view::npos;
       pos = text.find("0x", pos + 2)) {
    size_t end = pos + 2;
    while (end < text.size() && IsHex(text[end])) ++end;
    if (end - pos - 2 >= 6) {
      id->assign(text.substr(pos, end - pos));
      std::transform(id->begin(), id->end(), id->begin(),
                     [](char c) { return static_cast<char>(std::tolower(c)); });
      return;
    }
  }
}

std::string FindSessionId(std::string_view text) {
  std::string id;
  FindSessionId(text, &id);
  return id;
}

double Confidence(const Rule& rule, uint64_t matched) {
  int total = 0, got = 0;
  for (size_t i = 0; i < rule.steps.size(); ++i) {
    const Step& step = rule.steps[i];
    if (step.absent) continue;
    int weight = step.role == StepRole::kCorroborating ? 1 : 2;
    total += weight;
    if (matched & (uint64_t{1} << i)) got += weight;
  }
  if (total == 0 || got >= total) return 1.0;
  return 0.5 + 0.5 * got / total;
}

}  // namespace faultline
