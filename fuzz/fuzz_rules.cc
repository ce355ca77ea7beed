// The rule loader (src/engine/rule_loader.h): any text as a rule file. Every problem must come
// back as a diagnostic (no throw, no crash), and a rule that loads must say so without one.
#include <string>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "src/engine/rule_loader.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Rule rule;
  std::vector<RuleDiagnostic> diagnostics;
  bool ok = LoadRule(fuzz::AsView(data, size), "fuzz.toml", "fuzz", &rule, &diagnostics);
  FUZZ_CHECK(ok == diagnostics.empty());
  for (const RuleDiagnostic& d : diagnostics) {
    FUZZ_CHECK(!d.message.empty());
    FUZZ_CHECK(d.ToString().find("fuzz.toml") == 0);
  }
  return 0;
}
