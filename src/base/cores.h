// How many cores this process may run on: its CPU affinity (taskset, cgroup cpusets), not the
// machine's count, so that `taskset -c 0 faultline ...` means one core.
#pragma once

namespace faultline {

/// At least 1.
int UsableCores();

}  // namespace faultline
