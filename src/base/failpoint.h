// Failpoints for crash tests: FAULTLINE_FAILPOINT=NAME (or NAME@N, the N-th time it is passed)
// makes the process kill itself with SIGKILL when it passes the named point, as `kill -9` would
// at exactly that moment. Unset (the normal case) costs one getenv per process.
#pragma once

#include <string_view>

namespace faultline {

/// Dies by SIGKILL here when FAULTLINE_FAILPOINT names this point (and this is its N-th pass).
void Failpoint(std::string_view name);

/// The failpoints scan passes, in order, for --help-style listings and the kill harness.
inline constexpr const char* kScanFailpoints[] = {
    "report-temp",      // a report file's temporary copy written and synced, not renamed yet
    "report-renamed",   // a report file renamed into place, directory not synced yet
    "reports-written",  // every report file in place; nothing printed yet
    "output-written",   // stdout written and flushed; state not saved yet
    "state-temp",       // the new state's temporary file written and synced, not renamed yet
    "state-renamed",    // the new state renamed into place, directory not synced yet
    "state-saved",      // the state saved; the run is about to exit
};

}  // namespace faultline
