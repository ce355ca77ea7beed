#include "src/base/install_dirs.h"

#include <filesystem>
#include <system_error>

// Set by CMakeLists.txt for this file only, so a new prefix rebuilds nothing else.
#ifndef FAULTLINE_RULES_FROM_BINDIR
#define FAULTLINE_RULES_FROM_BINDIR "../share/faultline/rules"
#endif
#ifndef FAULTLINE_INSTALL_RULES_DIR
#define FAULTLINE_INSTALL_RULES_DIR ""
#endif
#ifndef FAULTLINE_BUILD_DIR
#define FAULTLINE_BUILD_DIR ""
#endif

namespace faultline {

namespace fs = std::filesystem;

const std::string& InstalledRulesDir() {
  static const std::string dir = [] {
    std::error_code ec;
    fs::path exe_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
    if (ec) return std::string();
    fs::path beside = exe_dir / FAULTLINE_RULES_FROM_BINDIR;
    if (fs::is_directory(beside, ec)) return fs::weakly_canonical(beside, ec).string();
    // A test binary in the build tree must not pick up rules some install left on the machine.
    fs::path configured = FAULTLINE_INSTALL_RULES_DIR;
    bool in_build_tree = !std::string(FAULTLINE_BUILD_DIR).empty() &&
                         fs::equivalent(exe_dir, FAULTLINE_BUILD_DIR, ec);
    if (!configured.empty() && !in_build_tree && fs::is_directory(configured, ec)) {
      return configured.string();
    }
    return std::string();
  }();
  return dir;
}

}  // namespace faultline
