#include "src/base/spellcheck.h"

#include <algorithm>

namespace faultline {
namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string SpellingHint(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string* best = nullptr;
  size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    size_t d = EditDistance(word, candidate);
    if (best == nullptr || d < best_distance) best = &candidate, best_distance = d;
  }
  if (best == nullptr || best_distance > std::max<size_t>(2, word.size() / 3)) return "";
  return " (did you mean '" + *best + "'?)";
}

}  // namespace faultline
