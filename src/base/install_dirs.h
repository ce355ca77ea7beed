// Where an installed faultline finds its data. The rules ship as files in
// $prefix/share/faultline/rules (/usr/share/faultline/rules from the .deb); a binary in the
// build tree finds none there and uses the copy compiled into it, which is the source tree's
// rules/ as of the build.
#pragma once

#include <string>

namespace faultline {

/// The installed rules directory, or "" when there is none for this binary: first
/// <directory of the running binary>/<bindir-to-datadir>/faultline/rules (../share/faultline/rules
/// for /usr/bin/faultline, wherever the tree was installed or unpacked), then the configured
/// $prefix/share/faultline/rules unless the binary is the build tree's. Looked up once.
const std::string& InstalledRulesDir();

}  // namespace faultline
