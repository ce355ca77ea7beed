// The scan state reader (src/scan/state_file.h), read-only: any bytes as a state file. It must
// either read the file or refuse it with one line naming the path, leaving *out untouched; a
// file it reads must write back and read again to the same state.
#include <string>

#include "fuzz/fuzz_util.h"
#include "src/scan/state_file.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = fuzz::WriteScratch("state", fuzz::AsView(data, size));
  ScanState state;
  state.runs = -7;  // a marker: a refused file must leave it
  std::string err;
  if (!ReadState(path, &state, &err)) {
    FUZZ_CHECK(state.runs == -7 && state.files.empty() && state.reported.empty());
    FUZZ_CHECK(err.find(path) != std::string::npos);
    FUZZ_CHECK(err.find('\n') == std::string::npos);
    return 0;
  }
  FUZZ_CHECK(state.runs >= 0);
  std::string copy = fuzz::WriteScratch("state.copy", "");
  FUZZ_CHECK(WriteState(copy, state, &err));
  ScanState again;
  FUZZ_CHECK(ReadState(copy, &again, &err));
  FUZZ_CHECK(again == state);
  return 0;
}
