// `faultline rules test`: runs a rule's fixtures. fires/ must produce a match as its expect.toml
// says; quiet/ (a near miss) must produce none; partial/ (only part of the evidence, as users
// paste it) must produce a match with exactly the missing steps its expect.toml lists.
#pragma once

#include <filesystem>
#include <string>

#include "src/engine/rule.h"

namespace faultline {

/// "" when every fixture of `rule` under `dir`/<id>/ behaves; else why not. A rule with roles
/// (it accepts partial evidence) must have partial/.
std::string TestRuleFixtures(const Rule& rule, const std::filesystem::path& dir);

}  // namespace faultline
