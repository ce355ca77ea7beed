#include "src/engine/lazy_regex.h"

namespace faultline {

const RE2& LazyRegex::get() const {
  std::call_once(once_, [this] {
    RE2::Options options;
    options.set_log_errors(false);
    re_ = std::make_unique<RE2>(pattern_, options);
    compiled_.store(true, std::memory_order_release);
  });
  return *re_;
}

std::map<std::string, int> LazyRegex::NamedGroups() const {
  // Groups are numbered by their opening parenthesis, left to right; `\(` and a parenthesis
  // inside a class `[...]` open none, nor does `(?:`, `(?i)` or another `(?` form but a name.
  std::map<std::string, int> groups;
  const std::string& p = pattern_;
  int group = 0;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;  // the escaped character is literal
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      // A ']' first in the class (after an optional '^') is literal.
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;
    } else if (c == '(') {
      if (i + 1 < p.size() && p[i + 1] != '?') {
        ++group;
        continue;
      }
      size_t name_at = p.compare(i, 4, "(?P<") == 0  ? i + 4
                       : p.compare(i, 3, "(?<") == 0 ? i + 3
                                                     : 0;
      if (name_at == 0) continue;
      size_t close = p.find('>', name_at);
      if (close == std::string::npos) break;
      groups[p.substr(name_at, close - name_at)] = ++group;
      i = close;
    }
  }
  return groups;
}

}  // namespace faultline
