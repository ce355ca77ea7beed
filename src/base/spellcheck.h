// "did you mean": the closest candidate by edit distance, when it is close enough.
#pragma once

#include <string>
#include <vector>

namespace faultline {

/// " (did you mean 'within'?)" or "" when nothing is close.
std::string SpellingHint(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace faultline
